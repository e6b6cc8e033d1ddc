import { DEFAULT_CLI_TIME_LIMIT_S } from "./cliLimits";
import { toDot } from "../export/dot";
import { toMermaid } from "../export/mermaid";
import type { RunOptions } from "../runtime/runApi";
import { NotebookFormatError } from "../notebook/ipynb";
import { runProgram } from "../runtime/runProgram";
import type { Trace } from "../trace/trace";
import { buildViewGraph } from "../view/buildViewGraph";
import { graphSvgDocument } from "../view/render/graphSvg";
import { DARK_THEME, LIGHT_THEME, type GraphTheme } from "../view/render/graphTheme";
import { jsonReport, notebookText } from "./jsonReport";
import { withFileAccess } from "../runtime/files/runFileAccess";
import { cliWorkspace, diskFileAccess } from "./nodeFileOwner";
import { SourcePlaces } from "./sourcePlaces";
import { PngUnavailable, RESVG_PACKAGE, svgToPng } from "./pngRaster";
import { prepareRun, type PreparedRun } from "./prepareRun";
import { variablesTable } from "./variablesTable";
import { writeFigures } from "./figureFiles";

/** What the CLI touches of the outside world, so tests can run it in-process. */
export interface CliIo {
  readFile(path: string): string;
  writeFile(path: string, data: string | Uint8Array): void;
  /** Makes a directory and its parents (for `figures -o DIR`); absent: the directory must exist. */
  makeDirectory?(path: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Runs a program to its trace. The `gradlens` command runs it in a runner process of its own
   * (src/cli.ts), as the extension does; by default (tests) it runs in this process.
   */
  runProgram?(source: string, options: RunOptions): Promise<Trace>;
}

const USAGE = [
  "usage: gradlens run FILE.py|FILE.ipynb|FILE.js|FILE.ts [--json]",
  "       gradlens graph FILE -o OUT.svg|OUT.png|OUT.dot|OUT.mmd|OUT.json [--theme light|dark]",
  "       gradlens figures FILE -o DIR",
  "",
  "  OUT.svg   the graph as the panel draws it (--theme: its colours; light by default)",
  `  OUT.png   the same picture at 2x (needs the ${RESVG_PACKAGE} package)`,
  "  OUT.dot   Graphviz DOT;  OUT.mmd  Mermaid;  OUT.json  the laid-out view model",
  "  figures   the figures the program shows (matplotlib, graphviz) as DIR/figure-1.svg, …",
].join("\n");

const THEMES: Record<string, GraphTheme> = { light: LIGHT_THEME, dark: DARK_THEME };

/** The graph formats `gradlens graph` writes, by the output's extension. */
const GRAPH_FORMATS: Record<string, (trace: Trace, theme: GraphTheme) => string | Promise<Uint8Array>> = {
  svg: (trace, theme) => graphSvgDocument(buildViewGraph(trace), theme),
  png: (trace, theme) => svgToPng(graphSvgDocument(buildViewGraph(trace), theme)),
  dot: toDot,
  mmd: toMermaid,
  json: (trace) => JSON.stringify(buildViewGraph(trace), null, 1) + "\n",
};

/** `graph`'s options: `-o OUT` (required) and `--theme NAME`, in any order; null when malformed. */
function graphOptions(args: readonly string[]): { output: string; theme: GraphTheme } | null {
  let output: string | null = null;
  let theme = LIGHT_THEME;
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1];
    if (value === undefined) return null;
    if (args[i] === "-o" && output === null) output = value;
    else if (args[i] === "--theme" && Object.hasOwn(THEMES, value)) theme = THEMES[value];
    else return null;
  }
  return output === null ? null : { output, theme };
}

/**
 * `gradlens run FILE [--json]` and `gradlens graph FILE -o OUT`. Returns the exit code: 0 when
 * the program ran to the end, 1 when it stopped on an error (reported as
 * `file:line:col: severity: message` on stderr), 2 for a usage or file error.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, file, ...rest] = argv;
  const graph = command === "graph" ? graphOptions(rest) : null;
  const format = graph?.output.split(".").pop()?.toLowerCase() ?? "";
  const validRun = command === "run" && rest.every((a) => a === "--json");
  const validGraph = graph !== null && Object.hasOwn(GRAPH_FORMATS, format);
  const figuresDir = command === "figures" && rest.length === 2 && rest[0] === "-o" ? rest[1] : null;
  if (!file || !(validRun || validGraph || figuresDir !== null)) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    io.stderr(`gradlens: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  let prepared: PreparedRun;
  try {
    prepared = prepareRun(file, text);
  } catch (e) {
    if (!(e instanceof NotebookFormatError)) throw e;
    io.stderr(`gradlens: cannot run ${file} as a Jupyter notebook: ${e.message}\n`);
    return 2;
  }
  const { source, locate } = prepared;
  // it may read the files of its own folder and of the current directory (cliWorkspace), in the
  // runner (the command: src/cli.ts answers its file bridge) or in this process (tests)
  const workspace = cliWorkspace(file);
  const options: RunOptions = {
    fileName: file,
    language: prepared.language,
    workspace,
    ...(prepared.cellStarts ? { cellStarts: prepared.cellStarts } : {}),
  };
  const trace = io.runProgram
    ? await io.runProgram(source, options)
    : withFileAccess(diskFileAccess(workspace.roots), () => runProgram(source, options));
  const diagnostics = [...prepared.skipped, ...trace.diagnostics];
  // a diagnostic in one of the program's own modules is placed in that module's file
  const places = new SourcePlaces(file, source, io.readFile, process.cwd());
  if (figuresDir !== null) {
    const written = writeFigures(trace, figuresDir, io);
    if (written === null) return 2;
    if (written.length === 0) io.stderr(`gradlens: ${file} showed no figures\n`);
    for (const path of written) io.stdout(`${path}\n`);
  } else if (graph !== null) {
    let picture: string | Uint8Array;
    try {
      picture = await GRAPH_FORMATS[format](trace, graph.theme);
    } catch (e) {
      if (!(e instanceof PngUnavailable)) throw e;
      io.stderr(`gradlens: ${e.message}\n`);
      return 2;
    }
    try {
      io.writeFile(graph.output, picture);
    } catch (e) {
      io.stderr(`gradlens: cannot write ${graph.output}: ${(e as Error).message}\n`);
      return 2;
    }
  } else if (rest.includes("--json")) {
    io.stdout(JSON.stringify(jsonReport(source, trace, { locate, diagnostics, places })) + "\n");
  } else {
    // a notebook shows each cell's last value too, as Jupyter does
    io.stdout(trace.cells !== undefined ? notebookText(trace) : trace.stdout);
    io.stdout(`\n${variablesTable(trace.variables)}\n`);
  }
  for (const d of diagnostics) {
    if (d.span?.file !== undefined) {
      const at = places.at(d.span);
      io.stderr(`${at.file}:${at.line}:${at.column}: ${d.severity}: ${d.message}\n`);
    } else io.stderr(`${locate.label(file, d.span?.from ?? 0)}: ${d.severity}: ${d.message}\n`);
  }
  if (diagnostics.some((d) => d.severity === "error" && d.message.includes("the program took too long")))
    io.stderr(
      `gradlens: GRADLENS_TIME_LIMIT_S gives a run longer (${DEFAULT_CLI_TIME_LIMIT_S} seconds by default)\n`,
    );
  return trace.ok ? 0 : 1;
}
