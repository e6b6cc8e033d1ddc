// UI end-to-end test of GradLens in a Jupyter notebook, with no kernel: code-server (whose
// built-in notebook support opens .ipynb) with the extension in development mode on examples/,
// driven by headless chromium through playwright-core. Opens notebook_backprop.ipynb, clicks into
// the cell computing `o = n.tanh()`, hovers `o`, runs "GradLens: Show Computation Graph" and
// checks that the graph webview shows that cell's values; then clicks into the cell of the
// inputs and checks the graph follows it; in the last cell, folds a call's box and opens it.
// Screenshot for the README: media/screenshots/notebook.png.
// Writes { passed, failed } to test/vscode/.run/e2e-notebook-results.json and prints
// "N passed, M failed"; exit code 0 when all steps pass.
// Env: GRADLENS_EXTENSION_PATH, GRADLENS_SCREENSHOTS_DIR (as for e2e.mjs).
import path from "node:path";
import { host, makeLog, runIfMain, runSteps, shotsDir, waitFor, Workbench } from "./e2eSession.mjs";

const NOTEBOOK = "notebook_backprop.ipynb";
// By hand: n = x1·w1 + x2·w2 + b = 0.8814, o = tanh(n) = 0.7071, ∂o/∂n = 1 − o² = 0.5.
const O = "0.7071";
const N_GRAD = "0.5000";

const runDir = path.join(host.RUN_DIR, "e2e-notebook");
const resultsFile = path.join(host.RUN_DIR, "e2e-notebook-results.json");

const log = makeLog("e2e-notebook");
const normalise = (text) => text.replace(/\u2212/g, "-").replace(/\s+/g, " ");

const wb = new Workbench(runDir);
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
const wordBox = (lineStart, word) => wb.wordBox(lineStart, word, ".monaco-workbench .monaco-editor");

/** Clicks into the cell editor showing the line `lineStart` (this selects that cell). */
async function clickIntoCell(lineStart, word) {
  const box = await wordBox(lineStart, word);
  await page.mouse.click(box.x + box.width + 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
}

/** Runs a command from the palette without moving the focus out of the cell first. */
const runCommand = (title, timeout) => wb.runCommand(title, timeout, { focusEditor: false });

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
    name: `workbench loads with ${NOTEBOOK} in the explorer`,
    timeout: 180_000,
    critical: true,
    async run() {
      await wb.open(NOTEBOOK);
      page = wb.page;
    },
  },
  {
    name: `Quick Open opens ${NOTEBOOK} as a notebook`,
    timeout: 90_000,
    critical: true,
    async run() {
      await page.locator(".monaco-workbench .part.editor").click({ position: { x: 300, y: 300 } });
      await wb.quickOpen(NOTEBOOK);
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
  {
    name: "folds in a cell's graph: a double-click folds a call into a box, a click opens it again",
    timeout: 90_000,
    async run() {
      const line = "outputs = [neuron(";
      // The notebook draws only the cells in view: scroll down until the last one is drawn.
      const cellLine = page.locator(".monaco-editor .view-line", { hasText: line });
      await page.mouse.move(380, 500);
      for (let i = 0; (await cellLine.count()) === 0; i++) {
        if (i === 20) throw new Error("the notebook's last cell never came into view");
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(250);
      }
      await clickIntoCell(line, "outputs");
      const frame = await panelFrame(30_000);
      const inCall = frame.locator('svg#graph g[data-testid="node"][data-fold^="c"]');
      await waitFor(inCall, "the values made inside neuron(…) calls", 30_000);
      const groups = frame.locator('svg#graph g[data-testid="group"]');
      const before = await groups.count();
      await inCall.first().dispatchEvent("dblclick");
      await waitFor(groups.nth(before), "the call folded into a box", 20_000);
      const valuesFolded = await frame.locator('svg#graph g[data-testid="node"]').count();
      await page.waitForTimeout(400);
      await groups.first().dispatchEvent("click");
      const until = Date.now() + 20_000;
      while ((await groups.count()) > before) {
        if (Date.now() > until) throw new Error("a click on the box did not open it again");
        await page.waitForTimeout(200);
      }
      const valuesOpen = await frame.locator('svg#graph g[data-testid="node"]').count();
      log(`cell 6: ${valuesFolded} value nodes with a call folded, ${valuesOpen} with it open`);
      if (!(valuesOpen > valuesFolded)) throw new Error("opening the box showed no more values");
    },
  },
];

await runIfMain(import.meta.url, "e2e-notebook", () =>
  runSteps({ steps, workbench: wb, runDir, resultsFile, log }),
);
