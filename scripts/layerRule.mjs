// The layer order of src/ and webview/, as an ESLint rule (eslint.config.mjs) that test/unit/layers.test.ts
// also runs over every file. Data flows one way (DESIGN.md, "One way through the house"): a layer
// imports only the layers listed for it, all below it.
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * What each layer may import besides itself, bottom to top. `node`: Node's built-in modules
 * (`node:fs`, …) too. Only host/ (and extension.ts, its wiring) imports `vscode`.
 *
 *   engine     nothing of ours: tensors, ops, tape, autograd, optimizers — pure TypeScript, no I/O
 *   format     nothing of ours: Python's float repr, for the runtime and the trace alike
 *   files      nothing of ours: what a program may read — workspace paths, the file requests and
 *              answers that cross from the worker to the editor or the CLI; no I/O
 *   lang       syntax, not values: the front ends and the program IR
 *   l10n       the message catalogues
 *   library    the gradlens JavaScript library, a face of the engine
 *   trace      the serialisable result, built from the engine's tape
 *   figures    matplotlib's and graphviz's pictures: ticks, colours, the figure SVG, drawn in the run
 *              (pyplot's answers need them), on the view's layout and SVG tree
 *   runtime    the interpreters: run the IR on the engine, hand over a trace
 *   view       the view model and its layout and drawing, from the trace alone
 *   explain    hovers, inline values, chain rules, step-through text
 *   export     DOT, Mermaid, graph text
 *   notebook   a notebook's cells as one program
 *   checks     Check Gradients; train: Train… (both re-run programs)
 *   worker     the runner process and its threads: runtime, checks and training, the view model
 *   cli        the same pipeline headless, programs run by the worker's runner process
 *   host       VS Code glue; programs run in the worker, so never the runtime or the engine here
 *   extension  (src/extension.ts) wires the host
 *   webview    draws the view; no Node, no vscode
 */
export const MAY_IMPORT = {
  engine: [],
  format: [],
  files: [],
  lang: ["format"],
  l10n: [],
  library: ["engine", "format"],
  trace: ["engine", "format"],
  figures: ["view", "format", "node"],
  runtime: ["engine", "format", "files", "lang", "l10n", "library", "trace", "figures", "node"],
  view: ["trace", "format", "l10n"],
  explain: ["trace", "view", "lang", "l10n", "format"],
  export: ["trace", "view", "format"],
  notebook: ["trace", "explain", "view", "lang", "l10n", "format"],
  checks: ["runtime", "engine", "trace", "view", "lang", "l10n", "format"],
  train: ["runtime", "engine", "trace", "view", "lang", "l10n", "format"],
  worker: [
    "runtime",
    "checks",
    "train",
    "explain",
    "notebook",
    "view",
    "trace",
    "lang",
    "l10n",
    "format",
    "files",
    "node",
  ],
  cli: [
    "worker",
    "runtime",
    "checks",
    "train",
    "explain",
    "notebook",
    "export",
    "view",
    "trace",
    "lang",
    "l10n",
    "format",
    "files",
    "node",
  ],
  host: [
    "worker",
    "checks",
    "train",
    "explain",
    "notebook",
    "export",
    "view",
    "trace",
    "lang",
    "l10n",
    "format",
    "files",
    "node",
    "vscode",
  ],
  extension: ["host", "vscode"],
  webview: ["view", "l10n"],
};

/** The layer a file belongs to (`src/<layer>/…`, `src/<layer>.ts`, `webview/…`), or null outside them. */
export function layerOf(file) {
  const parts = path.relative(REPO, path.resolve(file)).split(path.sep);
  if (parts[0] === "webview") return "webview";
  if (parts[0] !== "src" || parts.length < 2) return null;
  return parts.length === 2 ? parts[1].replace(/(\.test|\.bench)?\.[mc]?[tj]s$/, "") : parts[1];
}

/** Tests, benchmarks and test fixtures may reach across layers. */
function exempt(file) {
  return /\.(test|bench)\.ts$/.test(file) || file.split(path.sep).includes("testing");
}

/** Why `file` may not import `specifier`, or null when it may. */
export function layerViolation(file, specifier) {
  const from = layerOf(file);
  if (from === null || exempt(file) || !(from in MAY_IMPORT)) return null;
  const allowed = MAY_IMPORT[from];
  if (specifier === "vscode")
    return allowed.includes("vscode")
      ? null
      : `${from}/ may not import vscode: only src/host/ talks to VS Code.`;
  if (specifier.startsWith("node:"))
    return allowed.includes("node") ? null : `${from}/ may not import Node's modules (${specifier}).`;
  if (!specifier.startsWith(".")) return null; // a package: the bundler's and package.json's business
  const to = layerOf(path.resolve(path.dirname(path.resolve(file)), specifier));
  if (to === null || to === from || allowed.includes(to)) return null;
  return `${from}/ may not import ${to}/ (${specifier}): ${from} may import ${allowed.filter((l) => l !== "node" && l !== "vscode").join(", ") || "nothing of ours"}.`;
}

/** The ESLint plugin: `gradlens/layer-order` on every import, export-from and dynamic import. */
export const layersPlugin = {
  rules: {
    "layer-order": {
      meta: {
        type: "problem",
        docs: { description: "Each layer of src/ imports only the layers below it (scripts/layerRule.mjs)." },
        schema: [],
      },
      create(context) {
        const check = (source) => {
          if (!source || typeof source.value !== "string") return;
          const message = layerViolation(context.filename, source.value);
          if (message) context.report({ node: source, message });
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
        };
      },
    },
  },
};
