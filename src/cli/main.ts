import { toDot } from "../export/dot";
import { toMermaid } from "../export/mermaid";
import { runProgram } from "../runtime/runProgram";
import type { Trace } from "../trace/trace";
import { buildViewGraph } from "../view/buildViewGraph";
import { jsonReport } from "./jsonReport";
import { LineIndex } from "./lineColumn";
import { variablesTable } from "./variablesTable";

/** What the CLI touches of the outside world, so tests can run it in-process. */
export interface CliIo {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = [
  "usage: gradlens run FILE [--json]",
  "       gradlens graph FILE -o OUT.dot|OUT.mmd|OUT.json",
].join("\n");

/** The graph formats `gradlens graph` writes, by the output's extension. */
const GRAPH_FORMATS: Record<string, (trace: Trace) => string> = {
  dot: toDot,
  mmd: toMermaid,
  json: (trace) => JSON.stringify(buildViewGraph(trace), null, 1) + "\n",
};

/**
 * `gradlens run FILE [--json]` and `gradlens graph FILE -o OUT`. Returns the exit code: 0 when
 * the program ran to the end, 1 when it stopped on an error (reported as
 * `file:line:col: severity: message` on stderr), 2 for a usage or file error.
 */
export function runCli(argv: string[], io: CliIo): number {
  const [command, file, ...rest] = argv;
  const output = command === "graph" && rest[0] === "-o" && rest.length === 2 ? rest[1] : null;
  const format = output?.split(".").pop() ?? "";
  const validRun = command === "run" && rest.every((a) => a === "--json");
  const validGraph = command === "graph" && output !== null && format in GRAPH_FORMATS;
  if (!file || !(validRun || validGraph)) {
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
  if (validGraph) {
    try {
      io.writeFile(output!, GRAPH_FORMATS[format](trace));
    } catch (e) {
      io.stderr(`gradlens: cannot write ${output}: ${(e as Error).message}\n`);
      return 2;
    }
  } else if (rest.includes("--json")) {
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
