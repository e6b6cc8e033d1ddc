import { jsonReport } from "./jsonReport";
import { LineIndex } from "./lineColumn";
import { variablesTable } from "./variablesTable";
import { runProgram } from "../runtime/runProgram";

/** What the CLI touches of the outside world, so tests can run it in-process. */
export interface CliIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = "usage: gradlens run FILE [--json]";

/**
 * `gradlens run FILE [--json]`. Returns the exit code: 0 when the program ran to the end, 1 when
 * it stopped on an error (reported as `file:line:col: severity: message` on stderr), 2 for a
 * usage or file error.
 */
export function runCli(argv: string[], io: CliIo): number {
  const [command, file, ...rest] = argv;
  if (command !== "run" || !file || rest.some((a) => a !== "--json")) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  let source: string;
  try {
    source = io.readFile(file);
  } catch (e) {
    io.stderr(`gradlens: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const trace = runProgram(source, { fileName: file });
  if (rest.includes("--json")) {
    io.stdout(JSON.stringify(jsonReport(source, trace)) + "\n");
  } else {
    io.stdout(trace.stdout);
    io.stdout(`\n${variablesTable(trace.variables)}\n`);
  }
  const lines = new LineIndex(source);
  for (const d of trace.diagnostics) {
    const at = lines.at(d.span?.from ?? 0);
    io.stderr(`${file}:${at.line}:${at.column}: ${d.severity}: ${d.message}\n`);
  }
  return trace.ok ? 0 : 1;
}
