// The in-host integration suite: compiles test/vscode/suite/*.ts with esbuild into
// test/vscode/.run/out/suite/ and runs it through @vscode/test-electron's runTests() — in desktop
// VS Code downloaded by runTests when GRADLENS_VSCODE=desktop, otherwise in code-server through
// test/vscode/host/code-shim.cjs. Workspace folder: examples/. Exit code 0 when all tests pass;
// the per-test summary is written to test/vscode/.run/in-host-results.json.
// Env: GRADLENS_EXTENSION_PATH — the extension folder to test (default: the repository).
import { chmodSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { runTests } from "@vscode/test-electron";

const require = createRequire(import.meta.url);
const host = require("./host/host.cjs");
const here = path.dirname(fileURLToPath(import.meta.url));
const runDir = path.join(host.RUN_DIR, "in-host");
const outDir = path.join(host.RUN_DIR, "out/suite");
export const resultsFile = path.join(host.RUN_DIR, "in-host-results.json");

export async function buildSuite() {
  const suiteDir = path.join(here, "suite");
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: readdirSync(suiteDir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(suiteDir, f)),
    outdir: outDir,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: "inline",
    external: ["vscode", "mocha"],
    logLevel: "warning",
  });
  return path.join(outDir, "index.js");
}

export async function runInHostSuite() {
  const desktop = process.env.GRADLENS_VSCODE === "desktop";
  const extensionTestsPath = await buildSuite();
  rmSync(runDir, { recursive: true, force: true });
  rmSync(resultsFile, { force: true });
  const shim = path.join(here, "host/code-shim.cjs");
  chmodSync(shim, 0o755); // runTests spawns it as an executable
  console.log(
    `in-host suite: ${desktop ? "desktop VS Code (downloaded by @vscode/test-electron)" : "code-server"}`,
  );
  try {
    await runTests({
      ...(desktop ? {} : { vscodeExecutablePath: shim }),
      extensionDevelopmentPath: path.resolve(process.env.GRADLENS_EXTENSION_PATH || host.REPO),
      extensionTestsPath,
      launchArgs: [
        path.join(host.REPO, "examples"),
        `--user-data-dir=${path.join(runDir, "user-data")}`,
        `--extensions-dir=${path.join(runDir, "extensions")}`,
        ...(desktop ? ["--disable-extensions"] : []),
      ],
      // GRADLENS_TEST_API: the extension exports its test API (src/host/testApi.ts) only then
      extensionTestsEnv: {
        GRADLENS_TEST_RESULTS: resultsFile,
        GRADLENS_TEST_API: "1",
        ...(process.env.GRADLENS_TEST_GREP ? { GRADLENS_TEST_GREP: process.env.GRADLENS_TEST_GREP } : {}),
      },
    });
    return 0;
  } catch (err) {
    console.error(`in-host suite failed: ${err && err.message ? err.message : err}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(await runInHostSuite());
}
