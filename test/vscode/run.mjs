// `npm run test:vscode` (after the extension is built): installs the test host if it is missing
// (test/vscode/host/setup.sh), then runs the in-host integration suite (integration.mjs) and the
// UI end-to-end tests (e2e.mjs, e2e-notebook.mjs, e2e-figures.mjs), then packages the .vsix and runs the in-host suite against the
// installed package (vsix.mjs), each in its own process with a time limit, and ends with the line
//   vscode: N passed, M failed
// Exit code 0 only when nothing failed. Env: GRADLENS_VSCODE=desktop runs the in-host suite in
// desktop VS Code downloaded by @vscode/test-electron instead of code-server.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const host = require("./host/host.cjs");
const here = path.dirname(fileURLToPath(import.meta.url));

const SETUP_TIMEOUT_MS = 30 * 60_000; // apt + Node 24 + code-server's native build: ~6 min on 2 cores
const PART_TIMEOUT_MS = Number(process.env.GRADLENS_VSCODE_PART_TIMEOUT_MS || 15 * 60_000);

let current = null; // the running part's process group
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    if (current) {
      try {
        process.kill(-current, "SIGTERM");
      } catch {
        // already gone
      }
    }
    host.sweepLeftovers().finally(() => process.exit(130));
  });
}

/** Run `node <script>` in its own process group; SIGTERM, then SIGKILL, when it overruns. */
function runPart(script, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(here, script)], { stdio: "inherit", detached: true });
    current = child.pid;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`vscode: ${script} did not finish within ${timeoutMs / 1000} s; stopping it`);
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }, 15_000).unref();
    }, timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      current = null;
      resolve({ code: code ?? signal, timedOut });
    });
  });
}

function readResults(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    if (Array.isArray(r.passed) && Array.isArray(r.failed)) return r;
  } catch {
    // missing or unreadable: the part did not get to the end
  }
  return null;
}

const t0 = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;
let passed = 0;
const failures = [];

const missing = host.missingHostParts();
if (missing.length) {
  console.log(`vscode: installing the test host (missing ${missing.join(", ")})`);
  const setup = spawnSync("bash", [path.join(here, "host/setup.sh")], {
    stdio: "inherit",
    timeout: SETUP_TIMEOUT_MS,
  });
  const still = host.missingHostParts();
  if (setup.status !== 0 || still.length) {
    failures.push({
      part: "setup",
      title: "test host setup",
      error: `setup.sh exited with ${setup.status ?? setup.signal}`,
    });
  } else {
    console.log(`vscode: test host installed in ${seconds(t0)}`);
  }
}

if (failures.length === 0) {
  await host.sweepLeftovers();
  for (const [part, script, file] of [
    ["in-host", "integration.mjs", path.join(host.RUN_DIR, "in-host-results.json")],
    ["e2e", "e2e.mjs", path.join(host.RUN_DIR, "e2e-results.json")],
    ["e2e-notebook", "e2e-notebook.mjs", path.join(host.RUN_DIR, "e2e-notebook-results.json")],
    ["e2e-figures", "e2e-figures.mjs", path.join(host.RUN_DIR, "e2e-figures-results.json")],
    // last: it rebuilds dist/ for production before packaging
    ["vsix", "vsix.mjs", path.join(host.RUN_DIR, "vsix-results.json")],
  ]) {
    const started = Date.now();
    console.log(`\nvscode: ${part} — node test/vscode/${script}`);
    fs.rmSync(file, { force: true });
    const { code, timedOut } = await runPart(script, PART_TIMEOUT_MS);
    const results = readResults(file);
    if (results) {
      passed += results.passed.length;
      failures.push(...results.failed.map((f) => ({ part, ...f })));
    }
    if (!results || (code !== 0 && results.failed.length === 0)) {
      const why = timedOut ? `timed out after ${PART_TIMEOUT_MS / 1000} s` : `exited with ${code}`;
      failures.push({ part, title: script, error: `${why}${results ? "" : " without reporting results"}` });
    }
    console.log(`vscode: ${part} took ${seconds(started)}`);
    const left = await host.sweepLeftovers();
    if (left.length)
      console.log(`vscode: stopped code-server process groups left running: ${left.join(", ")}`);
  }
}

if (failures.length) {
  console.log("\nvscode: failures");
  for (const f of failures) console.log(`  [${f.part}] ${f.title}: ${f.error.split("\n")[0]}`);
}
console.log(
  `vscode: total time ${seconds(t0)}; logs and failure screenshots in ${path.relative(process.cwd(), host.RUN_DIR) || "."}`,
);
console.log(`vscode: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
