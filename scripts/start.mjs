// `npm start`: open VS Code with GradLens loaded (development mode) on examples/.
// Desktop `code` when it is on PATH; otherwise code-server in the browser, installed on first use
// into ~/.cache/gradlens/vscode-host by test/vscode/host/setup.sh, at a printed localhost address.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "..");
const examples = join(repo, "examples");

const hasCode = spawnSync("code", ["--version"], { stdio: "ignore" }).status === 0;
if (hasCode) {
  console.log("Opening VS Code with GradLens on examples/ …");
  spawn("code", [`--extensionDevelopmentPath=${repo}`, examples], {
    stdio: "inherit",
    detached: true,
  }).unref();
} else {
  const host = process.env.GRADLENS_VSCODE_HOST ?? join(homedir(), ".cache", "gradlens", "vscode-host");
  console.log(`No desktop 'code' on PATH: using code-server in the browser (cached in ${host}).`);
  const setup = spawnSync("bash", [join(repo, "test/vscode/host/setup.sh")], { stdio: "inherit" });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
  const port = Number(process.env.PORT ?? 8765);
  const run = join(host, "start");
  mkdirSync(join(run, "ud", "User"), { recursive: true });
  writeFileSync(
    join(run, "ud", "User", "settings.json"),
    JSON.stringify({
      "workbench.startupEditor": "none",
      "telemetry.telemetryLevel": "off",
      "update.mode": "none",
    }),
  );
  const node24 = join(host, "node24/node_modules/node/bin/node");
  const entry = join(host, "cs/node_modules/code-server/out/node/entry.js");
  // enable-smoke-test-driver lets the workbench load the extension from the URL payload below.
  const server = spawn(
    node24,
    [
      entry,
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--auth",
      "none",
      "--user-data-dir",
      join(run, "ud"),
      "--extensions-dir",
      join(run, "ext"),
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--vscode-option",
      "enable-smoke-test-driver",
      examples,
    ],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        XDG_DATA_HOME: join(run, "xdg"),
        XDG_CONFIG_HOME: join(run, "xdg"),
        XDG_CACHE_HOME: join(run, "xdg"),
      },
    },
  );
  const payload = [["extensionDevelopmentPath", `vscode-remote://127.0.0.1:${port}${repo}`]];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`\nGradLens is running in VS Code (code-server). Open:\n\n  ${url}\n\nPress Ctrl+C to stop.`);
  process.on("SIGINT", () => {
    server.kill();
    process.exit(0);
  });
}
