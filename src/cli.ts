/**
 * `gradlens` — the extension's pipeline, headless:
 *   gradlens run FILE          the program's output, then its variables (value, grad, ∂root/∂x)
 *   gradlens run FILE --json   one JSON object, the contract in README.md
 *   gradlens graph FILE -o OUT the computation graph as the panel draws it (.svg, or .png
 *                              with @resvg/resvg-wasm; --theme light|dark), Graphviz DOT
 *                              (.dot), Mermaid (.mmd) or the laid-out view model (.json)
 *   gradlens figures FILE -o DIR  the figures the program shows, as DIR/figure-1.svg, …
 *
 * The program runs as it does in the editor: in the runner process (dist/runner.js) beside this
 * file, under the memory budget, so nothing it does — not even a fatal error of V8 — takes this
 * process down: a run that had to be stopped is reported like any other error.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "./cli/main";
import { diskFileOwner } from "./cli/nodeFileOwner";
import { stoppedTrace } from "./trace/stoppedTrace";
import { cliLimits } from "./cli/cliLimits";
import { RunClient } from "./worker/runClient";

// `gradlens run f.py | head`: the reader went away; that is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const client = new RunClient(
  {
    files: { runner: join(__dirname, "runner.js"), worker: join(__dirname, "worker.js") },
    // programs read the files of their own folder and the current directory (cliWorkspace)
    fileOwner: diskFileOwner,
  },
  () => cliLimits(process.env),
);

runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, "utf8"),
  writeFile: (path, data) => writeFileSync(path, data),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  makeDirectory: (path) => mkdirSync(path, { recursive: true }),
  runProgram: async (source, options) => {
    const outcome = await client.trace(source, options);
    return "kind" in outcome ? stoppedTrace(outcome.message, outcome.reason, outcome.ended) : outcome;
  },
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: Error) => {
    process.stderr.write(`gradlens: ${error.message}\n`);
    process.exitCode = 2;
  })
  .finally(() => client.dispose());
