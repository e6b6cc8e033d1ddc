import { describe, expect, it } from "vitest";
import { runProgram } from "../src/runtime/runProgram";
import { buildViewGraph } from "../src/view/buildViewGraph";
import { orient } from "../src/view/direction";
import { EDGE_LABEL, VALUE_NODE } from "../src/view/nodeMetrics";
import type { Box, ViewGraph } from "../src/view/viewGraph";
import { editorFontPx, fitWhole, neighbourhoodBox, openingView, readableScales } from "./firstSight";
import type { Transform } from "./panZoom";

const lecture = buildViewGraph(
  runProgram(
    "from micrograd.engine import Value\na = Value(2.0)\nb = Value(-3.0)\nc = Value(10.0)\ne = a * b\nd = e + c\nf = Value(-2.0)\nL = d * f\nL.backward()\n",
  ),
);
const chain = buildViewGraph(
  runProgram(
    "from micrograd.engine import Value\nx = Value(0.5)\n" +
      Array.from({ length: 12 }, (_, i) => `x = (x * ${i + 2}.0).tanh()\n`).join("") +
      "x.backward()\n",
  ),
);

/** Where a box lands on screen under `t`. */
const onScreen = (b: Box, t: Transform) => ({
  left: b.x * t.k + t.x,
  top: b.y * t.k + t.y,
  right: (b.x + b.width) * t.k + t.x,
  bottom: (b.y + b.height) * t.k + t.y,
});
const inside = (b: Box, t: Transform, w: number, h: number) => {
  const s = onScreen(b, t);
  return s.left >= 0 && s.top >= 0 && s.right <= w && s.bottom <= h;
};

describe("readable scales", () => {
  it("sets numbers at 0.9 of the editor's text at 100%, and never opens below 0.85 (labels 0.75)", () => {
    for (const px of [12, 14, 18]) {
      const { full, least } = readableScales(px);
      expect(VALUE_NODE.lineFontSize * full).toBeCloseTo(0.9 * px, 9);
      expect(VALUE_NODE.lineFontSize * least).toBeGreaterThanOrEqual(0.85 * px - 1e-9);
      expect(EDGE_LABEL.fontSize * least).toBeGreaterThanOrEqual(0.75 * px - 1e-9);
      expect(least).toBeLessThan(full);
    }
  });

  it("reads VS Code's --vscode-editor-font-size, with the default when it is missing or absurd", () => {
    expect(editorFontPx("16px")).toBe(16);
    expect(editorFontPx(" 13px")).toBe(13);
    expect(editorFontPx("")).toBe(14);
    expect(editorFontPx("1000px")).toBe(14);
  });
});

describe("openingView", () => {
  const readable = readableScales(14);

  it("shows a small graph whole and centred at a readable size", () => {
    const graph = orient(lecture, "top-to-bottom");
    const [w, h] = [680, 780];
    const t = openingView(graph, w, h, readable);
    expect(t.k).toBeGreaterThanOrEqual(readable.least);
    expect(t.k).toBeLessThanOrEqual(readable.full);
    for (const n of graph.nodes) expect(inside(n.box, t, w, h)).toBe(true);
    const left = t.x;
    const right = w - (t.x + graph.width * t.k);
    expect(Math.abs(left - right)).toBeLessThan(1);
  });

  it("opens a graph too big to read whole on its root at 100%, inside the drawing, the root on screen", () => {
    const [w, h] = [600, 500];
    const t = openingView(chain, w, h, readable);
    expect(t.k).toBe(readable.full);
    const root = chain.nodes.find((n) => n.kind === "value" && n.root)!;
    expect(inside(root.box, t, w, h)).toBe(true);
    // no empty band beside a drawing wider than the view: its right end is at the view's right, or beyond
    expect(t.x + chain.width * t.k).toBeGreaterThanOrEqual(w - 16 - 1e-9);
    expect(t.x).toBeLessThanOrEqual(16 + 1e-9);
  });

  it("Fit shows all of it however small, never larger than 100%", () => {
    const t = fitWhole(chain, 600, 500, readable.full);
    for (const n of chain.nodes) expect(inside(n.box, t, 600, 500)).toBe(true);
    const tiny: ViewGraph = { ...lecture, width: 50, height: 40 };
    expect(fitWhole(tiny, 600, 500, readable.full).k).toBe(readable.full);
  });
});

describe("neighbourhoodBox", () => {
  it("holds the root and what feeds it, nearest first, within the room given", () => {
    const root = chain.nodes.find((n) => n.kind === "value" && n.root)!;
    const box = neighbourhoodBox(chain, 500, 400);
    expect(box.x).toBeLessThanOrEqual(root.box.x);
    expect(box.x + box.width).toBeGreaterThanOrEqual(root.box.x + root.box.width);
    expect(box.width).toBeLessThanOrEqual(500);
    expect(box.width).toBeGreaterThan(root.box.width); // some of its inputs came in
    const all = neighbourhoodBox(chain, 1e6, 1e6);
    expect(all.width).toBeGreaterThan(box.width);
  });
});
