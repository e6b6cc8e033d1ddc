// What the UI end-to-end tests (e2e.mjs, e2e-notebook.mjs) share: a workbench session (code-server
// with the extension in development mode, headless chromium on its workbench), the workbench
// gestures they use (Quick Open, the command palette, finding a word on screen), and the runner
// that takes the steps in order, times each, screenshots a failure and writes the results file.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const host = require("./host/host.cjs");

export const shotsDir = path.resolve(
  process.env.GRADLENS_SCREENSHOTS_DIR || path.join(host.REPO, "media/screenshots"),
);
const extensionPath = path.resolve(process.env.GRADLENS_EXTENSION_PATH || host.REPO);
const folder = path.join(host.REPO, "examples");

/** `name [12.3s] …` lines, timed from the test's start. */
export function makeLog(name) {
  const t0 = Date.now();
  return (...a) => console.log(`${name} [${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
}

/** Wait for `locator` to be visible; a timeout names `what` was awaited. */
export async function waitFor(locator, what, timeout) {
  try {
    await locator.first().waitFor({ timeout });
  } catch (err) {
    throw new Error(`waiting for ${what}: ${err.message.split("\n")[0]}`);
  }
}

/** code-server on examples/ with GradLens in development mode, and chromium on its workbench. */
export class Workbench {
  server = null;
  ctx = null;
  page = null;

  constructor(runDir) {
    this.runDir = runDir;
  }

  async startServer() {
    this.server = await host.startCodeServer({ dir: this.runDir, folder });
    return this.server.port;
  }

  /** Opens the workbench and waits for `file` in the explorer (the folder is loaded). */
  async open(file) {
    this.ctx = await host.launchBrowser(path.join(this.runDir, "chromium"));
    const page = (this.page = this.ctx.pages()[0] || (await this.ctx.newPage()));
    const browserLog = fs.createWriteStream(path.join(this.runDir, "browser.log"));
    page.on("console", (m) => browserLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on("pageerror", (e) => browserLog.write(`[pageerror] ${e.stack || e}\n`));
    const payload = [["extensionDevelopmentPath", extensionPath]];
    await page.goto(host.workbenchUrl(this.server.port, folder, payload), { timeout: 120_000 });
    await waitFor(page.locator(".monaco-workbench"), "the workbench", 120_000);
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${file}"]`);
    await waitFor(row, `${file} in the explorer`, 120_000);
  }

  /** Quick Open (Ctrl+P) `file` and wait for its editor tab to be the active one. */
  async quickOpen(file) {
    const page = this.page;
    await page.keyboard.press("Control+P");
    const input = page.locator(".quick-input-widget input").first();
    await input.waitFor({ state: "visible" });
    await input.fill(file);
    await waitFor(
      page.locator(`.quick-input-list .monaco-list-row[aria-label*="${file}"]`),
      `${file} in Quick Open`,
    );
    await page.keyboard.press("Enter");
    await waitFor(page.locator(`.tab.active[aria-label*="${file}"]`), `the ${file} editor tab`);
  }

  /** Runs a command from the palette (F1), first focusing the text editor unless told not to. */
  async runCommand(title, timeout, { focusEditor = true } = {}) {
    const page = this.page;
    if (focusEditor) await page.locator(".editor-instance .monaco-editor textarea").first().focus();
    await page.keyboard.press("F1");
    const input = page.locator(".quick-input-widget input").first();
    await input.waitFor({ state: "visible", timeout });
    await input.fill(`>${title}`);
    await waitFor(
      page.locator(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`),
      `"${title}" in the palette`,
      timeout,
    );
    await page.keyboard.press("Enter");
  }

  /** Where the first `word` of the editor line starting with `lineStart` is drawn. */
  async wordBox(lineStart, word, editors = ".editor-instance .monaco-editor") {
    const box = await this.page.evaluate(
      ({ lineStart, word, editors }) => {
        const lines = [...document.querySelectorAll(`${editors} .view-lines .view-line`)];
        const line = lines.find((l) => (l.textContent || "").replace(/\u00a0/g, " ").startsWith(lineStart));
        if (!line) return null;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = (n.textContent || "").search(new RegExp(`\\b${word}\\b`));
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + word.length);
          const r = range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }
        return null;
      },
      { lineStart, word, editors },
    );
    if (!box) throw new Error(`"${word}" on the line "${lineStart}…" is not on screen`);
    return box;
  }

  async close() {
    if (this.ctx) await this.ctx.close().catch(() => {});
    if (this.server) await this.server.stop();
  }
}

/**
 * Runs `steps` in order, each within its time limit. A failed `critical` step stops the rest; a
 * step whose `needs` failed is not run. A failure is screenshotted into `runDir`. Writes
 * `{ passed, failed }` to `resultsFile` and returns the exit code.
 */
export async function runSteps({ steps, workbench, runDir, resultsFile, log }) {
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  fs.mkdirSync(shotsDir, { recursive: true });
  fs.rmSync(resultsFile, { force: true });
  const passed = [];
  const failed = [];
  let stop = false;
  try {
    for (const [i, step] of steps.entries()) {
      const blocked = stop
        ? "an earlier step failed"
        : step.needs && !passed.includes(step.needs)
          ? `needs "${step.needs}"`
          : null;
      if (blocked) {
        failed.push({ title: step.name, error: `not run: ${blocked}` });
        log(`✘ ${step.name} (not run: ${blocked})`);
        continue;
      }
      const started = Date.now();
      try {
        if (workbench.page) workbench.page.setDefaultTimeout(Math.min(step.timeout, 30_000));
        await host.withTimeout(`step "${step.name}"`, step.timeout, () => step.run());
        passed.push(step.name);
        log(`✔ ${step.name} (${Date.now() - started} ms)`);
      } catch (err) {
        const message = (err && err.message ? err.message : String(err)).split("\n")[0];
        failed.push({ title: step.name, error: message });
        log(`✘ ${step.name}: ${message}`);
        if (workbench.page) {
          const shot = path.join(runDir, `failure-${i + 1}.png`);
          await workbench.page.screenshot({ path: shot, timeout: 10_000 }).then(
            () => log(`  screenshot of the failure: ${path.relative(host.REPO, shot)}`),
            () => {},
          );
        }
        if (step.critical) stop = true;
      }
    }
  } finally {
    await workbench.close();
    fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed }, null, 2));
  }
  log(`${passed.length} passed, ${failed.length} failed`);
  return failed.length === 0 ? 0 : 1;
}

/** Runs `main` when the module at `url` is the script node was started with, after checking the host. */
export async function runIfMain(url, name, main) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(url)) return;
  const missing = host.missingHostParts();
  if (missing.length) {
    console.error(
      `${name}: the test host is not installed (missing ${missing.join(", ")}); run test/vscode/host/setup.sh`,
    );
    process.exit(2);
  }
  process.exit(await main());
}
