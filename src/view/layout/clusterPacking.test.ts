import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../../runtime/runProgram";
import { buildViewGraph } from "../buildViewGraph";
import { orient } from "../direction";
import type { Box, ViewGraph } from "../viewGraph";

/**
 * With every layer of the numpy XOR primer opened, each frame holds its own members and no
 * other box: the layout keeps a layer's values together, clear of everything else.
 */

const PRIMER = readFileSync(join(__dirname, "../../../examples/numpy_primer_xor.py"), "utf8");
const trace = runProgram(PRIMER, { fileName: "numpy_primer_xor.py" });

const meets = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** Opens every call box the graph shows, and those that then appear, until none is left. */
function allOpen(): ViewGraph {
  let g = buildViewGraph(trace);
  const expanded = new Set<string>();
  for (let round = 0; round < 8; round++) {
    const shut = g.nodes.filter((n) => n.kind === "group" && n.fold === "call" && !expanded.has(n.key));
    if (shut.length === 0) break;
    for (const n of shut) expanded.add(n.key);
    g = buildViewGraph(trace, { expanded });
  }
  return g;
}

/** Every box a frame covers that is not one of its members, as `frame label: node key`. */
function intruders(g: ViewGraph): string[] {
  const found: string[] = [];
  for (const frame of g.frames ?? []) {
    const members = new Set(frame.members);
    for (const node of g.nodes)
      if (!members.has(node.key) && meets(node.box, frame.box)) found.push(`${frame.label}: ${node.key}`);
  }
  return found;
}

describe("the layout of opened layers", () => {
  const g = allOpen();
  const frames = g.frames ?? [];

  it("opens every layer of the primer: forward and backward, both Dense and Tanh", () => {
    const labels = new Set(frames.map((f) => f.label));
    for (const label of ["Dense (network[0])", "Tanh (network[1])", "Dense.backward (network[2])"])
      expect(labels.has(label), label).toBe(true);
    expect(g.nodes.some((n) => n.kind === "group" && n.fold === "call")).toBe(false);
  });

  it("lets no frame cover a box that is not one of its members", () => {
    expect(frames.length).toBeGreaterThan(4);
    expect(intruders(g)).toEqual([]);
  });

  it("keeps each frame's members inside it, and nested frames inside their outer one", () => {
    const boxOf = new Map(g.nodes.map((n) => [n.key, n.box]));
    for (const frame of frames)
      for (const k of frame.members) expect(inside(boxOf.get(k)!, frame.box)).toBe(true);
    for (const outer of frames)
      for (const inner of frames) {
        if (inner === outer || inner.depth <= outer.depth) continue;
        if (inner.members.every((k) => outer.members.includes(k)))
          expect(inside(inner.box, outer.box)).toBe(true);
      }
  });

  it("keeps the boxes apart from one another", () => {
    const nodes = g.nodes;
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++)
        expect(meets(nodes[i].box, nodes[j].box), `${nodes[i].key} ${nodes[j].key}`).toBe(false);
  });

  it("stays so when the graph is drawn right to left", () => {
    expect(intruders(orient(g, "right-to-left"))).toEqual([]);
  });
});
