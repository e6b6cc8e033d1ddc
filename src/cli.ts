/**
 * `gradlens` — the extension's pipeline, headless:
 *   gradlens run FILE          the program's output, then its variables (value, grad, ∂root/∂x)
 *   gradlens run FILE --json   one JSON object, the contract in README.md
 *   gradlens graph FILE -o OUT the computation graph as the panel draws it (.svg, or .png
 *                              with @resvg/resvg-wasm; --theme light|dark), Graphviz DOT
 *                              (.dot), Mermaid (.mmd) or the laid-out view model (.json)
 *   gradlens figures FILE -o DIR  the figures the program shows, as DIR/figure-1.svg, …
 *
 * The run happens on a worker thread with a larger stack than the main thread's ~1 MB, which
 * runs out near 550 Python frames: with it a program recurses to Python's limit of 1000, as in
 * CPython and in the extension's own worker.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { runCli } from "./cli/main";

const STACK_MB = 16;

if (isMainThread) {
  // `gradlens run f.py | head`: the reader went away; that is not an error of ours.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const worker = new Worker(__filename, {
    workerData: process.argv.slice(2),
    resourceLimits: { stackSizeMb: STACK_MB },
  });
  worker.on("message", (code: number) => {
    process.exitCode = code;
  });
  worker.on("error", (error: Error) => {
    process.stderr.write(`gradlens: ${error.message}\n`);
    process.exitCode = 2;
  });
} else {
  void runCli(workerData as string[], {
    readFile: (path) => readFileSync(path, "utf8"),
    writeFile: (path, data) => writeFileSync(path, data),
    makeDirectory: (path) => mkdirSync(path, { recursive: true }),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => parentPort!.postMessage(code));
}
