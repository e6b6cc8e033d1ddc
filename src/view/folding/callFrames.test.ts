import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../../runtime/runProgram";
import { buildViewGraph } from "../buildViewGraph";
import { orient } from "../direction";
import { decodeGraph, encodeGraph } from "../graphWire";
import { graphSvgDocument } from "../render/graphSvg";
import { LIGHT_THEME } from "../render/graphTheme";
import { isViewGraph } from "../viewGraphGuard";
import type { Box, ViewGraph, ViewGroupNode } from "../viewGraph";

/**
 * An open call box is drawn as a frame round its members, labelled as its closed box was; and
 * the primer's picture reads as a learner expects: the last training sample's forward and
 * backward pass, with the predictions after training in one box apart from them.
 */

const PRIMER = readFileSync(join(__dirname, "../../../examples/numpy_primer_xor.py"), "utf8");
const trace = runProgram(PRIMER, { fileName: "numpy_primer_xor.py" });

const groups = (g: ViewGraph) => g.nodes.filter((n): n is ViewGroupNode => n.kind === "group");
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** The training step's first Dense box (the latest one outside the predictions). */
function denseBox(g: ViewGraph): ViewGroupNode {
  const found = groups(g).filter((n) => n.label === "Dense (network[0])");
  expect(found.length).toBeGreaterThan(0);
  return found.reduce((a, b) => (b.trace > a.trace ? b : a));
}

describe("an open layer box", () => {
  const closed = buildViewGraph(trace);
  const dense = denseBox(closed);
  const open = buildViewGraph(trace, { expanded: new Set([dense.key]) });
  const frame = open.frames?.find((f) => f.key === dense.key);

  it("is a frame labelled with the layer, round the values it made", () => {
    expect(frame).toBeDefined();
    expect(frame!.label).toBe("Dense (network[0])");
    // the box is gone; its product and sum (and their op circles) are the frame's members
    expect(open.nodes.some((n) => n.key === dense.key)).toBe(false);
    const members = frame!.members.map((k) => open.nodes.find((n) => n.key === k)!);
    const ops = members.filter((n) => n.kind === "op").map((n) => (n.kind === "op" ? n.symbol : ""));
    expect(ops.sort()).toEqual(["+", "@"]);
    expect(members.filter((n) => n.kind === "value").length).toBe(dense.values);
    for (const m of members) expect(inside(m.box, frame!.box)).toBe(true);
    // room for its label above the members
    const top = Math.min(...members.map((m) => m.box.y));
    expect(top - frame!.box.y).toBeGreaterThanOrEqual(18);
  });

  it("lies within the drawing, in each direction", () => {
    for (const g of [open, orient(open, "right-to-left"), orient(open, "top-to-bottom")]) {
      const f = g.frames!.find((x) => x.key === dense.key)!;
      expect(f.box.x).toBeGreaterThanOrEqual(0);
      expect(f.box.y).toBeGreaterThanOrEqual(0);
      expect(f.box.x + f.box.width).toBeLessThanOrEqual(g.width);
      expect(f.box.y + f.box.height).toBeLessThanOrEqual(g.height);
      for (const k of f.members) expect(inside(g.nodes.find((n) => n.key === k)!.box, f.box)).toBe(true);
    }
  });

  it("reaches the panel (wire and guard) and the exported picture", () => {
    const back = decodeGraph(encodeGraph(open)!);
    expect(back?.frames).toEqual(open.frames);
    expect(isViewGraph(JSON.parse(JSON.stringify(open)))).toBe(true);
    const svg = graphSvgDocument(open, LIGHT_THEME);
    expect(svg).toContain(`data-fold="${dense.key}"`);
    expect(svg).toMatch(/class="gl-frame-label"[^>]*>Dense \(network\[0\]\)</);
  });

  it("is not drawn while the layer is closed", () => {
    expect((closed.frames ?? []).some((f) => f.key === dense.key)).toBe(false);
  });
});

describe("the primer's picture", () => {
  const g = buildViewGraph(trace);

  it("folds the predictions after training into one box, right of the training step's backward pass", () => {
    const predictions = groups(g).filter((n) => n.label.startsWith("predict() ×"));
    expect(predictions.map((n) => n.label)).toEqual(["predict() ×4"]);
    // nothing of the predictions is left loose: no indexing of their results, no layer box of theirs
    expect(g.nodes.some((n) => n.kind === "op" && n.symbol === "select")).toBe(false);
    const forwards = groups(g).filter((n) => n.label === "Dense (network[0])");
    expect(forwards.length).toBeLessThanOrEqual(2);
    const backward = groups(g).filter((n) => n.label.includes(".backward"));
    const lastBackward = backward.reduce((a, b) => (b.trace > a.trace ? b : a));
    expect(predictions[0].layer).toBeGreaterThan(lastBackward.layer);
  });

  it("keeps the last training sample's forward pass as its layers in order, then its backward pass", () => {
    const latest = (label: string) =>
      groups(g)
        .filter((n) => n.label === label)
        .reduce((a, b) => (b.trace > a.trace ? b : a));
    const forward = [
      "Dense (network[0])",
      "Tanh (network[1])",
      "Dense (network[2])",
      "Tanh (network[3])",
    ].map((l) => latest(l).layer);
    const backward = [
      "Tanh.backward (network[3])",
      "Dense.backward (network[2])",
      "Tanh.backward (network[1])",
      "Dense.backward (network[0])",
    ].map((l) => latest(l).layer);
    const inOrder = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);
    expect(inOrder(forward)).toBe(true);
    expect(inOrder(backward)).toBe(true);
    expect(backward[0]).toBeGreaterThan(forward[3]);
  });
});
