#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() spawns
// (`runTests({ vscodeExecutablePath: <this file>, ... })`). It takes the same command line —
//   [folder] --extensionTestsPath=T --extensionDevelopmentPath=D [--user-data-dir=U] [--extensions-dir=E] ...
// — starts a private code-server on a free 127.0.0.1 port, opens the workbench in headless chromium
// with D and T in the URL payload, prints the extension host's console output (mocha's report),
// and exits 0 when the extension host reports exit code 0 through window.codeAutomationExit.
// Other VS Code flags (--no-sandbox, --disable-updates, ...) are accepted and ignored.
// Env: GRADLENS_SHIM_TIMEOUT_MS bounds the whole run (default 600000).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const host = require("./host.cjs");

const argv = process.argv.slice(2);
const flag = (name) => {
  const prefix = `--${name}=`;
  const values = argv.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length));
  // also accept "--name value"
  argv.forEach((a, i) => a === `--${name}` && argv[i + 1] && values.push(argv[i + 1]));
  return values;
};
const devPaths = flag("extensionDevelopmentPath");
const testsPath = flag("extensionTestsPath")[0];
const userDataDir = path.resolve(flag("user-data-dir")[0] || path.join(host.RUN_DIR, "in-host/user-data"));
const extensionsDir = path.resolve(
  flag("extensions-dir")[0] || path.join(path.dirname(userDataDir), "extensions"),
);
const valueFlags = new Set([
  "--user-data-dir",
  "--extensions-dir",
  "--extensionDevelopmentPath",
  "--extensionTestsPath",
]);
const folder = argv.find((a, i) => !a.startsWith("-") && !valueFlags.has(argv[i - 1]));
const dir = path.dirname(userDataDir);
// The first line suite/index.ts prints; the shim forwards extension-host output from there on.
const SUITE_MARKER = "GradLens in-host suite:";
const timeoutMs = Number(process.env.GRADLENS_SHIM_TIMEOUT_MS || 600000);

if (!testsPath || devPaths.length === 0) {
  console.error("code-shim: need --extensionTestsPath=... and --extensionDevelopmentPath=...");
  process.exit(2);
}
const missing = host.missingHostParts();
if (missing.length) {
  console.error(
    `code-shim: the test host is not installed (missing ${missing.join(", ")}); run test/vscode/host/setup.sh`,
  );
  process.exit(2);
}

async function main() {
  const t0 = Date.now();
  const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  const server = await host.startCodeServer({ dir, folder, userDataDir, extensionsDir });
  console.log(`code-shim: code-server up on port ${server.port} after ${stamp()} (log ${server.logFile})`);
  let ctx;
  try {
    ctx = await host.launchBrowser(path.join(dir, "chromium"));
    const page = ctx.pages()[0] || (await ctx.newPage());
    let report;
    const exited = new Promise((resolve) => (report = resolve));
    await page.exposeFunction("codeAutomationExit", (code) => report(code));
    // Print the extension host's output (mocha's report), starting at the line the suite prints
    // first (see suite/index.ts) so the workbench's own start-up log stays out of it. jsonValue()
    // is async, so the writes are chained to keep their order.
    let printing = Promise.resolve();
    let started = false;
    page.on("console", (msg) => {
      const text = host.consoleText(msg);
      printing = printing.then(async () => {
        const line = await text;
        if (line === null) return;
        if (!started && line.startsWith(SUITE_MARKER)) started = true;
        if (started || process.env.GRADLENS_SHIM_VERBOSE) console.log(line);
      });
    });
    page.on("crash", () => report("chromium page crashed"));
    const payload = [
      ...devPaths.map((p) => ["extensionDevelopmentPath", p]),
      ["extensionTestsPath", testsPath],
    ];
    await page.goto(host.workbenchUrl(server.port, folder || host.REPO, payload), { timeout: 120000 });
    const code = await host.withTimeout("extension host tests to finish", timeoutMs, () => exited);
    await printing;
    console.log(`code-shim: extension host exited with ${code} after ${stamp()}`);
    if (code !== 0) {
      await page.screenshot({ path: path.join(dir, "failure.png") }).catch(() => {});
    }
    return code === 0 ? 0 : 1;
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`code-shim: ${err && err.stack ? err.stack : err}`);
    process.exit(3);
  },
);
