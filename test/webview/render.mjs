// Renders the graph webview in headless Chromium the way VS Code hosts it, and saves screenshots
// to /tmp/gradlens-shots/ for a human (or an agent) to look at. It also checks the DOM contract
// the end-to-end tests rely on, and exits non-zero when it is broken.
//   node test/webview/render.mjs [--examples]   (--examples: also examples/*.py, run for real)
import * as esbuild from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const out = "/tmp/gradlens-shots";
mkdirSync(out, { recursive: true });

// The webview bundle, with the options scripts/build.mjs uses (built on its own, so another
// entry point that does not build yet cannot stop this check).
await esbuild.build({
  entryPoints: ["webview/main.ts"],
  outfile: `${out}/webview.js`,
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2022",
  logLevel: "warning",
});
await esbuild.build({
  entryPoints: ["test/webview/fixtureMessages.ts"],
  outfile: `${out}/fixtureMessages.cjs`,
  bundle: true,
  platform: "node",
  format: "cjs",
  logLevel: "warning",
});
const messages = createRequire(import.meta.url)(`${out}/fixtureMessages.cjs`).graphMessages();

// With --examples, also every program in examples/ through the real interpreter.
let examples = {};
if (process.argv.includes("--examples")) {
  await esbuild.build({
    entryPoints: ["test/webview/exampleMessages.ts"],
    outfile: `${out}/exampleMessages.cjs`,
    bundle: true,
    platform: "node",
    format: "cjs",
    logLevel: "warning",
  });
  examples = createRequire(import.meta.url)(`${out}/exampleMessages.cjs`).exampleMessages("examples");
}

// Colours of VS Code's Dark Modern and Light Modern themes, as a webview receives them.
const themes = {
  dark: {
    bodyClass: "vscode-dark",
    vars: {
      "--vscode-editor-background": "#1f1f1f",
      "--vscode-editor-foreground": "#cccccc",
      "--vscode-descriptionForeground": "#9d9d9d",
      "--vscode-editorWidget-background": "#202020",
      "--vscode-editorWidget-border": "#454545",
      "--vscode-charts-blue": "#3794ff",
      "--vscode-charts-orange": "#d18616",
      "--vscode-errorForeground": "#f85149",
      "--vscode-focusBorder": "#0078d4",
      "--vscode-panel-border": "#2b2b2b",
      "--vscode-font-family": "system-ui, Ubuntu, 'Droid Sans', sans-serif",
      "--vscode-font-size": "13px",
      "--vscode-editor-font-family": "'Droid Sans Mono', 'DejaVu Sans Mono', monospace",
      "--vscode-inputValidation-warningBackground": "#352a05",
      "--vscode-inputValidation-warningBorder": "#b89500",
    },
  },
  light: {
    bodyClass: "vscode-light",
    vars: {
      "--vscode-editor-background": "#ffffff",
      "--vscode-editor-foreground": "#3b3b3b",
      "--vscode-descriptionForeground": "#3b3b3b",
      "--vscode-editorWidget-background": "#f8f8f8",
      "--vscode-editorWidget-border": "#c8c8c8",
      "--vscode-charts-blue": "#1a85ff",
      "--vscode-charts-orange": "#d18616",
      "--vscode-errorForeground": "#f85149",
      "--vscode-focusBorder": "#005fb8",
      "--vscode-panel-border": "#e5e5e5",
      "--vscode-font-family": "system-ui, Ubuntu, 'Droid Sans', sans-serif",
      "--vscode-font-size": "13px",
      "--vscode-editor-font-family": "'Droid Sans Mono', 'DejaVu Sans Mono', monospace",
      "--vscode-inputValidation-warningBackground": "#fffbe6",
      "--vscode-inputValidation-warningBorder": "#b89500",
    },
  },
  "high-contrast": {
    bodyClass: "vscode-high-contrast",
    vars: {
      "--vscode-editor-background": "#000000",
      "--vscode-editor-foreground": "#ffffff",
      "--vscode-descriptionForeground": "#ffffffb3",
      "--vscode-editorWidget-background": "#0c141f",
      "--vscode-contrastBorder": "#6fc3df",
      "--vscode-charts-blue": "#3794ff",
      "--vscode-charts-orange": "#d18616",
      "--vscode-errorForeground": "#f48771",
      "--vscode-focusBorder": "#f38518",
      "--vscode-editor-font-family": "'Droid Sans Mono', 'DejaVu Sans Mono', monospace",
    },
  },
};

function page(theme) {
  const vars = Object.entries(themes[theme].vars)
    .map(([k, v]) => `${k}: ${v};`)
    .join(" ");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-test'; img-src data:;">
<style>html { ${vars} }</style></head>
<body class="${themes[theme].bodyClass}">
<script nonce="test">
  window.__posted = [];
  let state;
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => state, setState: (s) => { state = s; } });
</script>
<script nonce="test" src="/webview.js"></script>
</body></html>`;
}

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  if (url.pathname === "/webview.js") {
    res.writeHead(200, { "content-type": "text/javascript" });
    res.end(readFileSync(`${out}/webview.js`));
  } else {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(page(url.searchParams.get("theme") ?? "dark"));
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
};

async function open(theme, size = { width: 1200, height: 700 }) {
  const p = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  p.on("pageerror", (e) => failures.push(`page error: ${e.message}`));
  p.on("console", (m) => m.type() === "error" && failures.push(`console: ${m.text()}`));
  await p.goto(`${base}/?theme=${theme}`);
  await p.waitForFunction(() => window.__posted.some((m) => m.type === "ready"));
  return p;
}
const post = (p, message) => p.evaluate((m) => window.postMessage(m, "*"), message);
const settle = (p) => p.waitForTimeout(150);

for (const theme of ["dark", "light"]) {
  const p = await open(theme);
  await p.screenshot({ path: `${out}/waiting-${theme}.png` });
  await post(p, messages.small);
  await settle(p);
  await p.screenshot({ path: `${out}/small-${theme}.png` });
  await p.getByRole("button", { name: "100%" }).click();
  await p.waitForTimeout(400);
  await p.screenshot({ path: `${out}/small-100-${theme}.png` });
  await p.getByRole("button", { name: "Fit" }).click();

  // The DOM contract.
  check((await p.locator("svg#graph").count()) === 1, "svg#graph");
  const nodes = p.locator('[data-testid="node"]');
  check((await nodes.count()) === 17, `17 value nodes, got ${await nodes.count()}`);
  const x = p.locator('[data-testid="node"][data-name="x"]');
  check((await x.textContent()).includes("grad 5.5000"), "x shows grad 5.5000");
  check((await p.locator('[data-root="true"]').getAttribute("data-name")) === "loss", "the root is loss");
  check(
    (await p.locator('[data-root="true"]').textContent()).includes("data 30.2500"),
    "loss shows data 30.2500",
  );
  check((await p.locator('[data-testid="op-node"]').count()) === 11, "11 op nodes");
  const wEdges = p.locator('[data-testid="edge"][data-from="1"]');
  const wLabels = (await wEdges.locator('[data-testid="edge-label"]').allTextContents()).sort();
  check(JSON.stringify(wLabels) === JSON.stringify(["-44.0000", "132.0000"]), `w's edge labels: ${wLabels}`);
  check(await p.locator("#stale-banner").isHidden(), "banner hidden when fresh");
  // The layout sizes boxes from character counts; the real font must fit them.
  const overflowing = await p.evaluate(() =>
    [...document.querySelectorAll('[data-testid="node"]')]
      .filter((g) => {
        const width = Number(g.querySelector(".gl-box").getAttribute("width"));
        return [...g.querySelectorAll("text")].some((t) => t.getComputedTextLength() + 2 * 12 > width + 1);
      })
      .map((g) => g.dataset.name),
  );
  check(overflowing.length === 0, `text fits its box (overflowing: ${overflowing.join(", ")})`);
  check(await p.locator("#empty").isHidden(), "empty state hidden with a graph");
  check(await p.locator(".gl-minimap").isHidden(), "no minimap while the whole graph is in view");

  await x.click();
  const posted = await p.evaluate(() => window.__posted);
  check(
    posted.some((m) => m.type === "reveal" && m.node === 0),
    "clicking x posts reveal 0",
  );
  await p.locator('[data-testid="op-node"][data-node="16"]').click();
  const afterOp = await p.evaluate(() => window.__posted.at(-1));
  check(afterOp.type === "reveal" && afterOp.node === 16, "clicking the ** op reveals loss");

  // Search by name, and focus on the paths from b to the root.
  await p.getByRole("searchbox").fill("loss");
  await settle(p);
  check((await p.locator(".gl-match").count()) === 1, "searching `loss` marks one node");
  await p.getByRole("searchbox").fill("");
  await p.locator('[data-testid="node"][data-name="b"]').click();
  await p.getByRole("button", { name: "Focus" }).click();
  await settle(p);
  check(await x.isHidden(), "focus on b hides x, which is on no path from b to the root");
  check(await p.locator('[data-root="true"]').isVisible(), "focus keeps the root");
  await p.screenshot({ path: `${out}/small-focus-${theme}.png` });
  await p.getByRole("button", { name: "Focus" }).click();
  await settle(p);
  check(await x.isVisible(), "leaving focus shows everything again");

  await post(p, { type: "highlight", nodes: [5] });
  await settle(p);
  check((await p.locator('[data-node="5"].gl-highlight').count()) === 1, "highlight marks h");
  await p.locator('[data-testid="edge"][data-from="1"]').first().hover();
  await settle(p);
  await p.screenshot({ path: `${out}/small-hover-${theme}.png` });
  await p.mouse.move(5, 300);

  // A step that changes only numbers patches the drawn nodes instead of drawing them again.
  await x.evaluate((g) => (g.dataset.marked = "yes"));
  await post(p, messages.smallStep);
  await settle(p);
  check((await x.getAttribute("data-marked")) === "yes", "a numbers-only update keeps the drawn nodes");
  check((await x.textContent()).includes("data 3.0000"), "a numbers-only update shows the new number");
  await post(p, messages.small);
  await settle(p);

  await post(p, { type: "stale", stale: true, reason: "SyntaxError: invalid syntax (line 12)" });
  await settle(p);
  check(await p.locator("#stale-banner").isVisible(), "banner visible when stale");
  await p.screenshot({ path: `${out}/small-stale-${theme}.png` });

  await post(p, { type: "graph", graph: { nodes: "nope" }, stale: false, title: "x" });
  await settle(p);
  const errors = await p.evaluate(() => window.__posted.filter((m) => m.type === "error").length);
  check(errors === 1, "a malformed message is reported, not drawn");
  check((await nodes.count()) === 17, "a malformed message leaves the graph alone");

  await post(p, { type: "empty", message: "Open a Python file to see its computation graph." });
  await settle(p);
  check(await p.locator("#empty").isVisible(), "empty state visible");
  check(await p.locator("#stale-banner").isHidden(), "no banner on the empty state");
  await p.screenshot({ path: `${out}/empty-${theme}.png` });

  await post(p, { ...messages.small, graph: { ...messages.small.graph, nodes: [], edges: [] } });
  await settle(p);
  check(await p.locator("#empty").isVisible(), "a graph without values shows the empty state");

  await post(p, messages.trouble);
  await settle(p);
  await p.screenshot({ path: `${out}/trouble-${theme}.png` });

  await post(p, messages.large);
  await settle(p);
  await p.screenshot({ path: `${out}/large-${theme}.png` });
  await p.getByRole("button", { name: "100%" }).click();
  await p.waitForTimeout(400);
  await p.screenshot({ path: `${out}/large-100-${theme}.png` });
  check(await p.locator(".gl-minimap").isVisible(), "a graph larger than the view gets a minimap");
  await p.close();
}

for (const [name, message] of Object.entries(examples)) {
  const p = await open("dark");
  await post(p, message);
  await settle(p);
  await p.screenshot({ path: `${out}/example-${name}-dark.png` });
  await p.close();
}

// A view that receives its graph while hidden fits it once it is shown.
const hidden = await open("dark");
await hidden.evaluate(() => (document.body.style.display = "none"));
await post(hidden, messages.small);
await settle(hidden);
await hidden.evaluate(() => (document.body.style.display = ""));
await settle(hidden);
const transform = await hidden.locator(".gl-viewport").getAttribute("transform");
check(
  transform !== null && !transform.includes("scale(1)"),
  `fitted after being shown (transform ${transform})`,
);
await hidden.close();

// A big graph draws what is in view first, then the rest in the background, and then all of it.
const big = await open("dark");
const bigValues = messages.huge.graph.nodes.filter((n) => n.kind === "value").length;
await post(big, messages.huge);
await big.waitForFunction((n) => document.querySelectorAll('[data-testid="node"]').length === n, bigValues, {
  timeout: 30_000,
});
check((await big.locator('[data-root="true"]').count()) === 1, "the big graph's root is drawn");
await big.screenshot({ path: `${out}/huge-dark.png` });
// A training step's update at ~1k values: validated, then patched in place (timed, not checked).
await big.evaluate(() => (document.querySelector('[data-testid="node"]').dataset.marked = "yes"));
const stepMs = await big.evaluate(
  async ([a, b]) => {
    const times = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      window.dispatchEvent(new MessageEvent("message", { data: i % 2 === 0 ? a : b }));
      for (let k = 0; k < 5; k++) await Promise.resolve();
      const script = performance.now() - t0;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push([script, performance.now() - t0]);
    }
    const median = (k) =>
      times
        .map((t) => t[k])
        .sort((x, y) => x - y)[3]
        .toFixed(1);
    return `${median(0)} ms script, ${median(1)} ms with style and paint`;
  },
  [messages.hugeStep, messages.huge],
);
check(
  (await big.locator('[data-marked="yes"]').count()) === 1,
  "the big graph's numbers-only update is patched",
);
console.log(`numbers-only update of ${bigValues} values: ${stepMs} (medians of 6 alternating steps)`);
await big.close();

// A folded graph: groups drawn as stacks with ×N; a click asks the host to open one.
const folded = await open("dark");
const paintMs = await folded.evaluate(async (m) => {
  const t0 = performance.now();
  window.dispatchEvent(new MessageEvent("message", { data: m }));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}, messages.folded);
console.log(
  `the demo batch folded (${messages.folded.graph.nodes.length} boxes): first paint ${paintMs.toFixed(0)} ms in page`,
);
await post(folded, messages.folded);
await settle(folded);
const groupCount = messages.folded.graph.nodes.filter((n) => n.kind === "group").length;
check(groupCount > 0, "the demo batch folds");
check((await folded.locator('[data-testid="group"]').count()) === groupCount, `${groupCount} groups drawn`);
await folded.getByRole("button", { name: "Fit" }).click();
await settle(folded);
await folded.screenshot({ path: `${out}/folded-dark.png` });
await post(folded, messages.foldedTop);
await settle(folded);
await folded.getByRole("button", { name: "Fit" }).click();
await settle(folded);
await folded.screenshot({ path: `${out}/folded-top-dark.png` });
await post(folded, { type: "highlight", nodes: [0] });
await settle(folded);
check(
  (await folded.locator('[data-testid="group"].gl-highlight').getAttribute("data-name")) === "MLP.__init__",
  "highlighting a folded parameter lights the group it is in",
);
await post(folded, { type: "highlight", nodes: [] });
await folded.getByRole("button", { name: "100%" }).click();
await folded.waitForTimeout(400);
await folded.screenshot({ path: `${out}/folded-top-100-dark.png` });
const model = folded.locator('[data-testid="group"][data-name^="MLP ×"]');
check((await model.count()) === 1, "the model's calls fold into one group");
await model.click();
const toggled = await folded.evaluate(() => window.__posted.at(-1));
check(
  toggled.type === "toggleGroup" && toggled.key === (await model.getAttribute("data-key")),
  `clicking a group posts toggleGroup (${JSON.stringify(toggled)})`,
);
await post(folded, messages.opened);
await settle(folded);
await folded.getByRole("button", { name: "Fit" }).click();
await settle(folded);
await folded.screenshot({ path: `${out}/opened-dark.png` });
const member = folded.locator('[data-testid="node"][data-fold]').first();
await member.dblclick();
const closedAgain = await folded.evaluate(() => window.__posted.at(-1));
check(
  closedAgain.type === "toggleGroup" && closedAgain.key === (await member.getAttribute("data-fold")),
  "double-clicking a member posts toggleGroup for its fold",
);
await folded.close();

const loop = await open("light");
await post(loop, messages.loop);
await settle(loop);
check(
  (await loop.locator('[data-testid="group-loop"]').textContent()) === "↻ 99",
  "the folded loop shows its marker",
);
await loop.screenshot({ path: `${out}/loop-light.png` });
await loop.close();

const tensors = await open("light");
await post(tensors, messages.tensor);
await settle(tensors);
await tensors.screenshot({ path: `${out}/tensor-light.png` });
await tensors.close();

const contrast = await open("high-contrast");
await post(contrast, messages.trouble);
await settle(contrast);
await contrast.screenshot({ path: `${out}/trouble-high-contrast.png` });
await contrast.close();

// A narrow side panel.
const side = await open("dark", { width: 420, height: 640 });
await post(side, messages.small);
await settle(side);
await side.screenshot({ path: `${out}/small-sidebar-dark.png` });
await side.close();

await browser.close();
server.close();
writeFileSync(`${out}/failures.txt`, failures.join("\n"));
if (failures.length > 0) {
  console.error(`DOM contract: ${failures.length} problem(s):\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`screenshots in ${out}/`);
