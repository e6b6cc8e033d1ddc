// UI end-to-end test of GradLens in a Jupyter notebook, with no kernel: code-server (whose
// built-in notebook support opens .ipynb) with the extension in development mode on examples/,
// driven by headless chromium through playwright-core. Opens notebook_backprop.ipynb, clicks into
// the cell computing `o = n.tanh()`, hovers `o`, runs "GradLens: Show Computation Graph" and
// checks that the graph webview shows that cell's values; then clicks into the cell of the
// inputs and checks the graph follows it. Screenshot for the README: media/screenshots/notebook.png.
// Writes { passed, failed } to test/vscode/.run/e2e-notebook-results.json and prints
// "N passed, M failed"; exit code 0 when all steps pass.
// Env: GRADLENS_EXTENSION_PATH, GRADLENS_SCREENSHOTS_DIR (as for e2e.mjs).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const host = require("./host/host.cjs");

const NOTEBOOK = "notebook_backprop.ipynb";
// By hand: n = x1·w1 + x2·w2 + b = 0.8814, o = tanh(n) = 0.7071, ∂o/∂n = 1 − o² = 0.5.
const O = "0.7071";
const N_GRAD = "0.5000";

const runDir = path.join(host.RUN_DIR, "e2e-notebook");
const resultsFile = path.join(host.RUN_DIR, "e2e-notebook-results.json");
const shotsDir = path.resolve(
  process.env.GRADLENS_SCREENSHOTS_DIR || path.join(host.REPO, "media/screenshots"),
);
const extensionPath = path.resolve(process.env.GRADLENS_EXTENSION_PATH || host.REPO);
const folder = path.join(host.REPO, "examples");

const t0 = Date.now();
const log = (...a) => console.log(`e2e-notebook [${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const normalise = (text) => text.replace(/\u2212/g, "-").replace(/\s+/g, " ");

let server;
let ctx;
let page;

/**
 * The graph panel's content frame (outer iframe.webview.ready → inner iframe#active-frame). The
 * notebook draws its markdown cells in a webview too: the panel's is the one with svg#graph.
 */
async function panelFrame(timeout) {
  const outer = page.locator('iframe.webview.ready:not([src*="purpose=webviewView"])');
  const until = Date.now() + timeout;
  for (;;) {
    for (let i = 0; i < (await outer.count()); i++) {
      const frame = outer.nth(i).contentFrame().locator("iframe#active-frame").contentFrame();
      if (
        (await frame
          .locator("svg#graph")
          .count()
          .catch(() => 0)) > 0
      )
        return frame;
    }
    if (Date.now() > until) throw new Error("no webview with svg#graph (the graph panel)");
    await page.waitForTimeout(250);
  }
}

async function waitFor(locator, what, timeout) {
  try {
    await locator.first().waitFor({ timeout });
  } catch (err) {
    throw new Error(`waiting for ${what}: ${err.message.split("\n")[0]}`);
  }
}

/** The value nodes the panel draws: their names and text (label, data, grad). */
async function readNodes(timeout) {
  const frame = await panelFrame(timeout);
  await waitFor(frame.locator('svg#graph g[data-testid="node"]'), "value nodes in the graph panel", timeout);
  return frame.locator('svg#graph g[data-testid="node"]').evaluateAll((els) =>
    els.map((el) => ({
      names: (el.getAttribute("data-name") || "").split(/[\s,]+/).filter(Boolean),
      text: el.textContent || "",
    })),
  );
}

/** Where `word` is drawn on the first line of a cell editor that starts with `lineStart`. */
async function wordBox(lineStart, word) {
  const box = await page.evaluate(
    ({ lineStart, word }) => {
      const lines = [...document.querySelectorAll(".monaco-workbench .monaco-editor .view-lines .view-line")];
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
    { lineStart, word },
  );
  if (!box) throw new Error(`"${word}" on a cell line "${lineStart}…" is not on screen`);
  return box;
}

/** Clicks into the cell editor showing the line `lineStart` (this selects that cell). */
async function clickIntoCell(lineStart, word) {
  const box = await wordBox(lineStart, word);
  await page.mouse.click(box.x + box.width + 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
}

/** Runs a command from the palette without moving the focus out of the cell first. */
async function runCommand(title, timeout) {
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

const steps = [
  {
    name: "code-server starts with the extension's folder",
    timeout: 120_000,
    critical: true,
    async run() {
      server = await host.startCodeServer({ dir: runDir, folder });
      log(`code-server on port ${server.port}`);
    },
  },
  {
    name: `workbench loads with ${NOTEBOOK} in the explorer`,
    timeout: 180_000,
    critical: true,
    async run() {
      ctx = await host.launchBrowser(path.join(runDir, "chromium"));
      page = ctx.pages()[0] || (await ctx.newPage());
      const browserLog = fs.createWriteStream(path.join(runDir, "browser.log"));
      page.on("console", (m) => browserLog.write(`[${m.type()}] ${m.text()}\n`));
      page.on("pageerror", (e) => browserLog.write(`[pageerror] ${e.stack || e}\n`));
      await page.goto(host.workbenchUrl(server.port, folder, [["extensionDevelopmentPath", extensionPath]]), {
        timeout: 120_000,
      });
      await waitFor(page.locator(".monaco-workbench"), "the workbench", 120_000);
      const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${NOTEBOOK}"]`);
      await waitFor(row, `${NOTEBOOK} in the explorer`, 120_000);
    },
  },
  {
    name: `Quick Open opens ${NOTEBOOK} as a notebook`,
    timeout: 90_000,
    critical: true,
    async run() {
      await page.locator(".monaco-workbench .part.editor").click({ position: { x: 300, y: 300 } });
      await page.keyboard.press("Control+P");
      const input = page.locator(".quick-input-widget input").first();
      await input.waitFor({ state: "visible" });
      await input.fill(NOTEBOOK);
      await waitFor(
        page.locator(`.quick-input-list .monaco-list-row[aria-label*="${NOTEBOOK}"]`),
        "the entry",
      );
      await page.keyboard.press("Enter");
      await waitFor(page.locator(`.tab.active[aria-label*="${NOTEBOOK}"]`), "the notebook's tab");
      await waitFor(page.locator('.notebookOverlay .view-lines:has-text("n.tanh()")'), "the cells", 60_000);
      // More room for the notebook and the graph side by side.
      await runCommand("View: Close Primary Side Bar", 30_000);
    },
  },
  {
    name: "hover over o in its cell shows its value 0.7071",
    timeout: 90_000,
    critical: true,
    async run() {
      await clickIntoCell("o = n.tanh()", "tanh");
      const hover = page.locator(".monaco-hover:visible", { hasText: O }).first();
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(5, 5);
        const box = await wordBox("o = n.tanh()", "o");
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
        try {
          await hover.waitFor({ timeout: 8000 });
          break;
        } catch (err) {
          if (attempt === 5) throw new Error(`no hover with ${O} after ${attempt} tries: ${err.message}`);
        }
      }
      log(`hover: ${JSON.stringify(normalise(await hover.innerText()).slice(0, 160))}`);
      await page.mouse.move(5, 5);
      await page.keyboard.press("Escape");
    },
  },
  {
    name: "Show Computation Graph draws the cell's graph: o = 0.7071 made from n, ∂o/∂n = 0.5",
    timeout: 120_000,
    critical: true,
    async run() {
      await clickIntoCell("o = n.tanh()", "tanh");
      await runCommand("GradLens: Show Computation Graph", 45_000);
      await waitFor(page.locator('.tab[aria-label^="GradLens"]'), "a GradLens editor tab");
      const nodes = await readNodes(45_000);
      const named = (name) => nodes.find((n) => n.names.includes(name));
      const o = named("o");
      const n = named("n");
      if (!o || !n) throw new Error(`no o or n node: ${nodes.map((x) => x.names.join("/")).join(", ")}`);
      if (!normalise(o.text).includes(`data ${O}`)) throw new Error(`o should show data ${O}: "${o.text}"`);
      if (!normalise(n.text).includes(`grad ${N_GRAD}`))
        throw new Error(`n should show grad ${N_GRAD}: "${normalise(n.text)}"`);
      log(`cell graph: ${nodes.length} value nodes`);
      await (
        await panelFrame(10_000)
      )
        .getByRole("button", { name: "Fit", exact: true })
        .first()
        .click()
        .catch(() => {});
      await clickIntoCell("o = n.tanh()", "tanh");
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(shotsDir, "notebook.png") });
    },
  },
  {
    name: "the graph follows the active cell: the inputs' cell shows only the inputs",
    timeout: 90_000,
    async run() {
      await clickIntoCell("w1 = Value(-3.0)", "Value");
      const until = Date.now() + 30_000;
      let names = [];
      for (;;) {
        const nodes = await readNodes(10_000);
        names = nodes.flatMap((n) => n.names).sort();
        if (names.join() === "b,w1,w2,x1,x2") break;
        if (Date.now() > until) throw new Error(`the graph shows ${names.join(", ")}, not the 5 inputs`);
        await page.waitForTimeout(300);
      }
      log(`after clicking the inputs' cell: ${names.join(", ")}`);
    },
  },
];

async function main() {
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  fs.mkdirSync(shotsDir, { recursive: true });
  fs.rmSync(resultsFile, { force: true });
  const passed = [];
  const failed = [];
  let stop = false;
  try {
    for (const [i, step] of steps.entries()) {
      if (stop) {
        failed.push({ title: step.name, error: "not run: an earlier step failed" });
        log(`✘ ${step.name} (not run: an earlier step failed)`);
        continue;
      }
      const started = Date.now();
      try {
        if (page) page.setDefaultTimeout(Math.min(step.timeout, 30_000));
        await host.withTimeout(`step "${step.name}"`, step.timeout, () => step.run());
        passed.push(step.name);
        log(`✔ ${step.name} (${Date.now() - started} ms)`);
      } catch (err) {
        const message = (err && err.message ? err.message : String(err)).split("\n")[0];
        failed.push({ title: step.name, error: message });
        log(`✘ ${step.name}: ${message}`);
        if (page) {
          const shot = path.join(runDir, `failure-${i + 1}.png`);
          await page.screenshot({ path: shot, timeout: 10_000 }).then(
            () => log(`  screenshot of the failure: ${path.relative(host.REPO, shot)}`),
            () => {},
          );
        }
        if (step.critical) stop = true;
      }
    }
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    if (server) await server.stop();
    fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed }, null, 2));
  }
  console.log(`${passed.length} passed, ${failed.length} failed`);
  return failed.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = host.missingHostParts();
  if (missing.length) {
    console.error(
      `e2e-notebook: the test host is not installed (missing ${missing.join(", ")}); run test/vscode/host/setup.sh`,
    );
    process.exit(2);
  }
  process.exit(await main());
}
