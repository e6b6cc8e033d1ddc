// UI end-to-end test of the figures a program draws (matplotlib, run by GradLens itself):
// code-server with the extension in development mode on examples/, driven by headless chromium.
// Opens plot_training.py and the graph panel, switches to its Figures tab and checks the two
// figures (the loss curve, the histogram of tanh activations) are drawn; then opens
// notebook_training_curve.ipynb, chooses GradLens as its kernel, runs all cells and checks the
// last cell's output is its loss curve and the training cell's output is what it printed.
// Screenshots: media/screenshots/figures.png, media/screenshots/notebook-figure.png.
// Writes { passed, failed } to test/vscode/.run/e2e-figures-results.json and prints
// "N passed, M failed"; exit code 0 when all steps pass.
// Env: GRADLENS_EXTENSION_PATH, GRADLENS_SCREENSHOTS_DIR (as for e2e.mjs).
import path from "node:path";
import { host, makeLog, runIfMain, runSteps, shotsDir, waitFor, Workbench } from "./e2eSession.mjs";

const SCRIPT = "plot_training.py";
const NOTEBOOK = "notebook_training_curve.ipynb";

const runDir = path.join(host.RUN_DIR, "e2e-figures");
const resultsFile = path.join(host.RUN_DIR, "e2e-figures-results.json");
const log = makeLog("e2e-figures");

const wb = new Workbench(runDir);
let page;

/** The inner frames of the workbench's webviews (outer iframe.webview.ready → iframe#active-frame). */
async function webviewFrames() {
  const outer = page.locator("iframe.webview.ready");
  const frames = [];
  for (let i = 0; i < (await outer.count()); i++)
    frames.push(outer.nth(i).contentFrame().locator("iframe#active-frame").contentFrame());
  return frames;
}

/** The first webview frame in which `selector` matches, within `timeout`. */
async function frameWith(selector, what, timeout) {
  const until = Date.now() + timeout;
  for (;;) {
    for (const frame of await webviewFrames()) {
      if (
        (await frame
          .locator(selector)
          .count()
          .catch(() => 0)) > 0
      )
        return frame;
    }
    if (Date.now() > until) throw new Error(`no webview shows ${what}`);
    await page.waitForTimeout(300);
  }
}

/** Widths and heights the browser decoded for the images matching `selector` (0 × 0: broken). */
const imageSizes = (frame, selector) =>
  frame.locator(selector).evaluateAll((imgs) => imgs.map((img) => [img.naturalWidth, img.naturalHeight]));

const steps = [
  {
    name: "code-server starts with the extension's folder",
    timeout: 120_000,
    critical: true,
    async run() {
      log(`code-server on port ${await wb.startServer()}`);
    },
  },
  {
    name: `workbench loads with ${SCRIPT} in the explorer`,
    timeout: 180_000,
    critical: true,
    async run() {
      await wb.open(SCRIPT);
      page = wb.page;
    },
  },
  {
    name: "the graph panel of a .py that plots has a Figures tab showing its two figures",
    timeout: 150_000,
    async run() {
      await page.locator(".monaco-workbench .part.editor").click({ position: { x: 300, y: 300 } });
      await wb.quickOpen(SCRIPT);
      await waitFor(
        page.locator('.editor-instance .view-lines:has-text("import matplotlib")'),
        "the program",
        60_000,
      );
      await wb.runCommand("GradLens: Show Computation Graph", 45_000);
      const frame = await frameWith(
        '.gl-tabs:not([hidden]) .gl-tab:has-text("Figures (2)")',
        "a Figures (2) tab",
        90_000,
      );
      await frame.locator('.gl-tab:has-text("Figures (2)")').click();
      await waitFor(frame.locator(".gl-figures:not([hidden]) figure img"), "the figures", 20_000);
      const sizes = await imageSizes(frame, ".gl-figures figure img");
      const captions = await frame.locator(".gl-figures figcaption").allInnerTexts();
      log(`figures: ${JSON.stringify(sizes)} ${JSON.stringify(captions)}`);
      if (sizes.length !== 2 || sizes.some(([w, h]) => !(w > 300 && h > 200)))
        throw new Error(`expected two decoded figures, got ${JSON.stringify(sizes)}`);
      if (!captions[0].includes("loss") || !captions[1].includes("activations"))
        throw new Error(`captions should name the figures: ${JSON.stringify(captions)}`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(shotsDir, "figures.png") });
      // back to the graph, so the panel is as the user left it
      await frame.locator('.gl-tab:has-text("Graph")').click();
    },
  },
  {
    name: `${NOTEBOOK} opens, and GradLens is chosen as its kernel`,
    timeout: 150_000,
    critical: true,
    async run() {
      await wb.runCommand("View: Close All Editors", 30_000, { focusEditor: false });
      await wb.quickOpen(NOTEBOOK);
      await waitFor(
        page.locator('.notebookOverlay .view-lines:has-text("import matplotlib")'),
        "the cells",
        60_000,
      );
      await wb.runCommand("View: Close Primary Side Bar", 30_000, { focusEditor: false });
      // VS Code may have chosen GradLens by itself (the only kernel there); choosing it again is harmless
      await wb.runCommand("Notebook: Select Notebook Kernel", 30_000, { focusEditor: false });
      const choice = page.locator('.quick-input-list .monaco-list-row[aria-label*="GradLens"]').first();
      await waitFor(choice, "GradLens among the kernels", 30_000);
      await choice.click();
      await page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: 15_000 });
    },
  },
  {
    name: "Run All: the training cell shows what it printed, the last cell its loss curve",
    timeout: 150_000,
    async run() {
      await wb.runCommand("Notebook: Run All", 30_000, { focusEditor: false });
      const printed = await frameWith(':text("step 30: loss")', "the training cell's printed output", 90_000);
      // outputs are drawn as they come into view: scroll to the last cell
      await page.mouse.move(700, 500);
      for (let i = 0; i < 10; i++) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(200);
      }
      // VS Code's renderer shows an image/svg+xml output as an <img> (or the SVG itself)
      const figure = 'img[src^="blob:"], img[src^="data:image/svg"], svg:has(g.axes)';
      await waitFor(printed.locator(figure), "the loss curve as the last cell's output", 30_000);
      const drawn = await printed
        .locator(figure)
        .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().width)));
      log(`notebook figure outputs, widths: ${JSON.stringify(drawn)}`);
      if (drawn.length !== 1 || !(drawn[0] > 300))
        throw new Error(`expected one figure: ${JSON.stringify(drawn)}`);
      // the figure whole on screen, for the picture
      for (let i = 0; i < 6; i++) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(150);
      }
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(shotsDir, "notebook-figure.png") });
    },
  },
];

await runIfMain(import.meta.url, "e2e-figures", () =>
  runSteps({ steps, workbench: wb, runDir, resultsFile, log }),
);
