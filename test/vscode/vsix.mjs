// The packaged extension, tested as a user gets it: builds gradlens-<version>.vsix with
// @vscode/vsce (as `npm run package` does), checks its file list and size, installs it into
// code-server with --install-extension (not development mode), and runs the in-host suite
// against the installed copy. Writes { passed, failed } to test/vscode/.run/vsix-results.json.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runTests } from "@vscode/test-electron";
import { buildSuite } from "./integration.mjs";

const require = createRequire(import.meta.url);
const host = require("./host/host.cjs");
const here = path.dirname(fileURLToPath(import.meta.url));
const runDir = path.join(host.RUN_DIR, "vsix");
export const resultsFile = path.join(host.RUN_DIR, "vsix-results.json");
const suiteResults = path.join(runDir, "in-host-results.json");
const MAX_BYTES = 3 * 1024 * 1024;

const manifest = JSON.parse(fs.readFileSync(path.join(host.REPO, "package.json"), "utf8"));
const vsix = path.join(runDir, `gradlens-${manifest.version}.vsix`);
const passed = [];
const failed = [];
const check = (title, fn) => {
  try {
    fn();
    passed.push(title);
    console.log(`vsix ✔ ${title}`);
  } catch (err) {
    failed.push({ title, error: err.message });
    console.log(`vsix ✘ ${title}: ${err.message}`);
  }
};

fs.rmSync(runDir, { recursive: true, force: true });
fs.mkdirSync(runDir, { recursive: true });
const vsce = path.join(host.REPO, "node_modules/.bin/vsce");
execFileSync(process.execPath, [path.join(host.REPO, "scripts/build.mjs"), "--production"], {
  cwd: host.REPO,
  stdio: "inherit",
});
execFileSync(vsce, ["package", "--no-dependencies", "--no-rewrite-relative-links", "-o", vsix], {
  cwd: host.REPO,
  stdio: "inherit",
});
const files = execFileSync(vsce, ["ls", "--no-dependencies"], { cwd: host.REPO, encoding: "utf8" })
  .split("\n")
  .map((l) => l.trim())
  .filter(Boolean);

check("the package holds the bundles, the manifest, its translations, the icon and the examples", () => {
  const wanted = [
    "package.json",
    "package.nls.json",
    "package.nls.zh-cn.json",
    "l10n/bundle.l10n.zh-cn.json",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
    "media/icon.png",
    "media/activity.svg",
    "dist/extension.js",
    "dist/worker.js",
    "dist/webview.js",
    "dist/cli.js",
    "examples/first_expression.py",
    "examples/js/neuron.mjs",
    "examples/ts/micrograd_readme.ts",
  ];
  const missing = wanted.filter((f) => !files.includes(f));
  if (missing.length) throw new Error(`missing: ${missing.join(", ")}`);
});
check("the package has no node_modules, sources, tests, maps or benchmarks", () => {
  const unwanted = files.filter(
    (f) =>
      /^(node_modules|src|test|webview|bench|scripts)\/|\.map$|^dist\/(bench|fuzz)/.test(f) ||
      (f.endsWith(".ts") && !f.startsWith("examples/ts/")),
  );
  if (unwanted.length) throw new Error(`should not ship: ${unwanted.slice(0, 10).join(", ")}`);
});
check(`the package is at most 3 MB`, () => {
  const size = fs.statSync(vsix).size;
  console.log(`vsix: ${path.basename(vsix)} is ${(size / 1024).toFixed(0)} KB, ${files.length} files`);
  if (size > MAX_BYTES) throw new Error(`${size} bytes`);
});

// Install it the way a user would, into the extensions folder the suite's VS Code will use.
const extensionsDir = path.join(runDir, "extensions");
const install = spawnSync(
  host.NODE24,
  [
    host.CODE_SERVER,
    "--extensions-dir",
    extensionsDir,
    "--user-data-dir",
    path.join(runDir, "install-ud"),
    "--install-extension",
    vsix,
  ],
  {
    encoding: "utf8",
    env: {
      ...process.env,
      XDG_DATA_HOME: path.join(runDir, "xdg"),
      XDG_CONFIG_HOME: path.join(runDir, "xdg"),
      XDG_CACHE_HOME: path.join(runDir, "xdg"),
    },
  },
);
check("code-server installs the .vsix with --install-extension", () => {
  const installed = fs.existsSync(extensionsDir) ? fs.readdirSync(extensionsDir) : [];
  if (install.status !== 0 || !installed.some((d) => d.startsWith("gradlens.gradlens-")))
    throw new Error(
      `exit ${install.status}: ${(install.stdout + install.stderr).trim().split("\n").slice(-3).join(" | ")}; installed: ${installed.join(", ")}`,
    );
});

if (failed.length === 0) {
  const extensionTestsPath = await buildSuite();
  try {
    await runTests({
      vscodeExecutablePath: path.join(here, "host/code-shim.cjs"),
      // runTests needs a development extension; an empty one, so GradLens comes from the .vsix
      extensionDevelopmentPath: path.join(here, "host/placeholder-extension"),
      extensionTestsPath,
      launchArgs: [
        path.join(host.REPO, "examples"),
        `--user-data-dir=${path.join(runDir, "user-data")}`,
        `--extensions-dir=${extensionsDir}`,
      ],
      // GRADLENS_TEST_API: the extension exports its test API (src/host/testApi.ts) only then
      extensionTestsEnv: { GRADLENS_TEST_RESULTS: suiteResults, GRADLENS_TEST_API: "1" },
    });
  } catch (err) {
    console.error(`vsix: the in-host suite against the installed extension failed: ${err.message}`);
  }
  try {
    const r = JSON.parse(fs.readFileSync(suiteResults, "utf8"));
    passed.push(...r.passed.map((t) => `installed .vsix: ${t}`));
    failed.push(...r.failed.map((f) => ({ title: `installed .vsix: ${f.title}`, error: f.error })));
  } catch {
    failed.push({ title: "in-host suite against the installed .vsix", error: "no results" });
  }
}
fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed }, null, 2));
console.log(`vsix: ${passed.length} passed, ${failed.length} failed`);
process.exit(failed.length === 0 ? 0 : 1);
