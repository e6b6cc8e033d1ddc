/**
 * `gradlens` — the extension's pipeline, headless:
 *   gradlens run FILE          the program's output, then its variables (value, grad, ∂root/∂x)
 *   gradlens run FILE --json   one JSON object, the contract in README.md
 */
import { readFileSync } from "node:fs";
import { runCli } from "./cli/main";

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, "utf8"),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
