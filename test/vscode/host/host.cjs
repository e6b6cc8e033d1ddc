// Shared pieces of the VS Code test host: where setup.sh put Node 24 and code-server, starting a
// private code-server (VS Code 1.139 server with a real Node extension host) on a free 127.0.0.1
// port, opening its workbench in headless Debian chromium through playwright-core, and stopping
// everything again. Used by code-shim.cjs (in-host suite) and ../e2e.mjs (UI end-to-end test).
"use strict";
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");

const REPO = path.resolve(__dirname, "../../..");
const RUN_DIR = path.join(REPO, "test/vscode/.run");
const HOST_DIR = process.env.GRADLENS_VSCODE_HOST || path.join(os.homedir(), ".cache/gradlens/vscode-host");
const NODE24 = path.join(HOST_DIR, "node24/node_modules/node/bin/node");
const CODE_SERVER = path.join(HOST_DIR, "cs/node_modules/code-server/out/node/entry.js");
const CHROMIUM = process.env.GRADLENS_CHROMIUM || "/usr/bin/chromium";

/** What is missing for the host to run, as a list of paths (empty when all is there). */
function missingHostParts() {
  return [NODE24, CODE_SERVER, CHROMIUM].filter((p) => !fs.existsSync(p));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// User settings for a quiet, offline workbench: no welcome page, tips, walkthroughs, telemetry,
// update or marketplace checks, no AI features, no workspace-trust prompt, a short hover delay.
const SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "chat.disableAIFeatures": true,
  "editor.hover.delay": 200,
  "editor.minimap.enabled": false,
  "window.commandCenter": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.commandCenter.enabled": false,
  "files.autoSave": "off",
  "files.hotExit": "off",
  "git.enabled": false,
};

function isGroupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is already gone
  }
}

/** SIGTERM the process group, SIGKILL whatever is left after `graceMs`. */
async function stopGroup(pgid, graceMs = 5000) {
  killGroup(pgid, "SIGTERM");
  const until = Date.now() + graceMs;
  while (isGroupAlive(pgid) && Date.now() < until) await sleep(100);
  if (isGroupAlive(pgid)) killGroup(pgid, "SIGKILL");
}

// Process groups started here; killed synchronously if this process exits or is interrupted.
const liveGroups = new Set();
let exitHooksInstalled = false;
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on("exit", () => {
    for (const g of liveGroups) killGroup(g, "SIGKILL");
  });
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(sig, () => {
      for (const g of liveGroups) killGroup(g, "SIGKILL");
      process.exit(sig === "SIGINT" ? 130 : 143);
    });
  }
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Start code-server in its own process group (setsid) with user data, extensions and XDG dirs
 * under `dir`. `--vscode-option enable-smoke-test-driver` makes the built workbench honour the
 * `payload` URL parameter (extensionDevelopmentPath / extensionTestsPath) and call
 * window.codeAutomationExit when a test run ends.
 */
async function startCodeServer({ dir, folder, userDataDir, extensionsDir, startTimeoutMs = 90000 }) {
  installExitHooks();
  const ud = userDataDir || path.join(dir, "user-data");
  const ext = extensionsDir || path.join(dir, "extensions");
  const xdg = path.join(dir, "xdg");
  for (const d of [path.join(ud, "User"), ext, xdg]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(ud, "User/settings.json"), JSON.stringify(SETTINGS, null, 2));
  const logFile = path.join(dir, "code-server.log");
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const log = fs.openSync(logFile, "w");
    const args = [
      CODE_SERVER,
      ["--config", path.join(dir, "code-server.yaml")],
      ["--bind-addr", `127.0.0.1:${port}`],
      ["--auth", "none"],
      ["--user-data-dir", ud],
      ["--extensions-dir", ext],
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
      ["--vscode-option", "enable-smoke-test-driver"],
      folder ? [path.resolve(folder)] : [],
    ].flat();
    const child = spawn(NODE24, args, {
      detached: true,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
        // no extension gallery: nothing to install, and no lookups of open-vsx.org
        EXTENSIONS_GALLERY: "{}",
        // keep code-server's side files (logs, heartbeat, machine id) out of $HOME
        XDG_DATA_HOME: path.join(xdg, "data"),
        XDG_CONFIG_HOME: path.join(xdg, "config"),
        XDG_CACHE_HOME: path.join(xdg, "cache"),
      },
    });
    fs.closeSync(log);
    liveGroups.add(child.pid);
    // run.mjs sweeps these files to stop a code-server whose parent was killed before cleaning up
    const pidFile = path.join(dir, "code-server.pid");
    fs.writeFileSync(pidFile, String(child.pid));
    let exited = null;
    child.on("exit", (code, signal) => (exited = signal || code));
    const server = {
      port,
      pid: child.pid,
      logFile,
      async stop() {
        await stopGroup(child.pid);
        liveGroups.delete(child.pid);
        fs.rmSync(pidFile, { force: true });
      },
    };
    const until = Date.now() + startTimeoutMs;
    while (exited === null && Date.now() < until) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5000) });
        if (r.ok) return server;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    await server.stop();
    const why =
      exited === null ? `did not answer /healthz within ${startTimeoutMs / 1000} s` : `exited (${exited})`;
    if (exited !== null && attempt < 3 && /EADDRINUSE/.test(tail(logFile))) continue;
    throw new Error(`code-server ${why}; last lines of ${logFile}:\n${tail(logFile)}`);
  }
}

/** The workbench URL for `folder` that loads `payload` (pairs of [name, absolute path]). */
function workbenchUrl(port, folder, payload = []) {
  const authority = `127.0.0.1:${port}`;
  const p = payload.map(([k, v]) => [k, `vscode-remote://${authority}${path.resolve(v)}`]);
  let url = `http://${authority}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (p.length) url += `&payload=${encodeURIComponent(JSON.stringify(p))}`;
  return url;
}

/** Headless Debian chromium with a throwaway profile under `profileDir`, no network side traffic. */
async function launchBrowser(profileDir, viewport = { width: 1400, height: 900 }) {
  const { chromium } = require("playwright-core");
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(profileDir, { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    timeout: 60000,
    env: {
      ...process.env,
      HOME: profileDir,
      XDG_CONFIG_HOME: path.join(profileDir, "config"),
      XDG_CACHE_HOME: path.join(profileDir, "cache"),
    },
    args: [
      "--no-sandbox", // CI runs as root
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--password-store=basic",
    ],
  });
}

/**
 * The text of a workbench console message that carries extension-host output, or null. With a
 * test run, the workbench logs the extension host's console.log calls as its own INFO lines
 * (['%c INFO', css, format, ...args]) and console.error calls as ERR lines, mixed with its own
 * log lines, which mostly start with a "[Component]" tag.
 */
const WORKBENCH_NOISE =
  /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache)/;
async function consoleText(msg) {
  const util = require("node:util");
  let args;
  try {
    args = await Promise.all(msg.args().map((a) => a.jsonValue()));
  } catch {
    return null;
  }
  if (args.length === 0) return null;
  if (typeof args[0] === "string" && /^%c\s*(INFO|ERR|WARN)/.test(args[0])) {
    const text = util.format(...args.slice(2));
    return /^\[[\w:. -]+\]/.test(text) || WORKBENCH_NOISE.test(text) ? null : text;
  }
  return null;
}

/** Run `fn(signal)`; reject with `label` if it takes longer than `ms`. */
async function withTimeout(label, ms, fn) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${label}`)), ms);
  });
  try {
    return await Promise.race([fn(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Stop the code-servers whose code-server.pid files are still under `root` (their parents died); returns their pids. */
async function sweepLeftovers(root = RUN_DIR) {
  const files = [];
  const walk = (d, depth) => {
    let entries = [];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isFile() && e.name === "code-server.pid") files.push(p);
      else if (e.isDirectory() && depth < 2 && e.name !== "chromium" && e.name !== "user-data")
        walk(p, depth + 1);
    }
  };
  walk(root, 0);
  const stopped = [];
  for (const file of files) {
    const pgid = Number(fs.readFileSync(file, "utf8"));
    if (pgid > 1 && isGroupAlive(pgid)) {
      await stopGroup(pgid);
      stopped.push(pgid);
    }
    fs.rmSync(file, { force: true });
  }
  return stopped;
}

module.exports = {
  sweepLeftovers,
  REPO,
  RUN_DIR,
  HOST_DIR,
  NODE24,
  CODE_SERVER,
  CHROMIUM,
  missingHostParts,
  sleep,
  startCodeServer,
  workbenchUrl,
  launchBrowser,
  consoleText,
  withTimeout,
  tail,
  spawnSync,
};
