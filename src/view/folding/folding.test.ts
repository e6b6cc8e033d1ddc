import { describe, expect, it } from "vitest";
import { runProgram } from "../../runtime/runProgram";
import { buildViewGraph } from "../buildViewGraph";
import { mlpTrace } from "../testing/fixtures";
import type { ViewGraph, ViewGroupNode, ViewValueNode } from "../viewGraph";
import { closedFolds, LONG_CHAIN, toggleFolds } from "./foldState";
import { applyToggle, noFoldChoices } from "./foldToggle";
import { foldTree } from "./foldTree";

const LOOP = `from micrograd.engine import Value
w = Value(0.9)
h = Value(1.0)
for i in range(100):
    h = (h * w).tanh()
loss = (h - 0.5) ** 2
loss.backward()
`;

const RECURRENCE = `from micrograd.engine import Value
w = Value(0.99)
h = Value(1.0)
for i in range(100):
    h = h * w
h.backward()
`;

const MODEL = `import random
from micrograd.engine import Value
from micrograd.nn import MLP
random.seed(1337)
model = MLP(2, [4, 1])
xs = [[1.0, -2.0], [0.5, 0.25], [-1.5, 2.0]]
loss = sum((model(x) - 1) ** 2 for x in xs)
loss.backward()
`;

const groups = (g: ViewGraph) => g.nodes.filter((n): n is ViewGroupNode => n.kind === "group");
const values = (g: ViewGraph) => g.nodes.filter((n): n is ViewValueNode => n.kind === "value");
const spanOf = (source: string, text: string) => {
  const from = source.indexOf(text);
  return `g${from}:${from + text.length}`;
};

function expectLaidOutWell(g: ViewGraph): void {
  const layer = new Map(g.nodes.map((n) => [n.key, n.layer]));
  // Layered from the inputs to the root: every edge goes one or more columns to the right.
  for (const e of g.edges) expect(layer.get(e.to)!).toBeGreaterThan(layer.get(e.from)!);
  const overlaps: string[] = [];
  for (let i = 0; i < g.nodes.length; i++)
    for (let j = i + 1; j < g.nodes.length; j++) {
      const a = g.nodes[i].box;
      const b = g.nodes[j].box;
      const apart =
        a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      if (!apart) overlaps.push(`${g.nodes[i].key} overlaps ${g.nodes[j].key}`);
    }
  expect(overlaps).toEqual([]);
}

describe("folding a 100-iteration loop", () => {
  const trace = runProgram(LOOP, { fileName: "loop.py" });

  it("shows everything while the trace is under the node limit", () => {
    const g = buildViewGraph(trace);
    expect(groups(g)).toEqual([]);
    expect(values(g)).toHaveLength(trace.nodes.length);
    // Members still say which fold they are in, so they can be folded by hand.
    expect(values(g).filter((v) => v.fold === spanOf(LOOP, "h * w"))).toHaveLength(100);
  });

  it("folds the loop body into one group with a loop marker past the limit", () => {
    const g = buildViewGraph(trace, { nodeLimit: 20 });
    expect(g.nodes.length).toBeLessThanOrEqual(12);
    const [group] = groups(g);
    expect(groups(g)).toHaveLength(1);
    // `h * w` feeds `tanh`, which feeds the next `h * w`: one cycle, so one group for both.
    expect(group.folds).toEqual([spanOf(LOOP, "h * w"), spanOf(LOOP, "(h * w).tanh()")]);
    expect(group.key).toBe(spanOf(LOOP, "h * w"));
    expect(group.label).toBe("(h * w).tanh() ×100");
    expect(group.values).toBe(200);
    expect(group.loop).toBe("↻ 99");
    expect(group.grad).toMatch(/^\|·\| \d/);
    // No edge from the group to itself: the marker stands for it.
    expect(g.edges.every((e) => e.from !== e.to)).toBe(true);
    expectLaidOutWell(g);
  });

  it("bundles the edges between two units into one, labelled with their sum", () => {
    const g = buildViewGraph(trace, { nodeLimit: 20 });
    const [group] = groups(g);
    const fromW = g.edges.filter((e) => e.from === "v0" && e.to === group.key);
    expect(fromW).toHaveLength(1);
    expect(fromW[0].kind).toBe("bundle");
    // w's gradient is the sum of what the 100 multiplications pass back to it.
    const wGrad = trace.nodes[0].rootGrad![0];
    expect(Number(fromW[0].label!.replace("Σ ", ""))).toBeCloseTo(wGrad, 3);
    const pairs = g.edges.map((e) => `${e.from}>${e.to}`);
    expect(new Set(pairs.filter((p) => p.includes("g"))).size).toBe(
      pairs.filter((p) => p.includes("g")).length,
    );
  });

  it("opens a group when its key is expanded, and is deterministic", () => {
    const folded = buildViewGraph(trace, { nodeLimit: 20 });
    const [group] = groups(folded);
    const open = buildViewGraph(trace, { nodeLimit: 20, expanded: new Set(group.folds) });
    expect(groups(open)).toEqual([]);
    expect(values(open).filter((v) => v.fold === spanOf(LOOP, "(h * w).tanh()"))).toHaveLength(100);
    expectLaidOutWell(open);
    expect(JSON.stringify(buildViewGraph(trace, { nodeLimit: 20 }))).toBe(JSON.stringify(folded));
  });

  it("folds what the user closed even under the limit", () => {
    const g = buildViewGraph(trace, { collapsed: new Set([spanOf(LOOP, "h * w")]) });
    expect(groups(g).map((n) => n.key)).toEqual([spanOf(LOOP, "h * w")]);
    expectLaidOutWell(g);
  });
});

describe("a training step on a folded graph", () => {
  it("keeps every place when only the numbers change (the same keys, the layout reused)", () => {
    const before = buildViewGraph(runProgram(LOOP, { fileName: "loop.py" }), { nodeLimit: 20 });
    const stepped = runProgram(LOOP.replace("Value(1.0)", "Value(1.5)"), { fileName: "loop.py" });
    const after = buildViewGraph(stepped, { nodeLimit: 20, previous: before });
    expect(after.nodes.map((n) => [n.key, n.box])).toEqual(before.nodes.map((n) => [n.key, n.box]));
    expect(after.edges.map((e) => e.points)).toEqual(before.edges.map((e) => e.points));
    expect(groups(after)[0].data).not.toBe(groups(before)[0].data);
  });
});

describe("a value feeding the next iteration of its own expression", () => {
  it("draws the self-edge as a loop marker and keeps the layering", () => {
    const trace = runProgram(RECURRENCE, { fileName: "recurrence.py" });
    const g = buildViewGraph(trace, { nodeLimit: 10 });
    const [group] = groups(g);
    expect(group.key).toBe(spanOf(RECURRENCE, "h * w"));
    expect(group.label).toBe("h * w ×100");
    expect(group.loop).toBe("↻ 99");
    expect(group.root).toBe(true);
    expectLaidOutWell(g);
  });
});

describe("folding calls: MLP → Layer → Neuron", () => {
  const trace = runProgram(MODEL, { fileName: "model.py" });

  it("folds the three calls of the model into one group, then opens call by call", () => {
    const top = buildViewGraph(trace, { nodeLimit: 12 });
    // named by the object the program keeps the model in
    const model = groups(top).find((n) => n.label === "MLP (model) ×3")!;
    expect(model.key).toBe(spanOf(MODEL, "model(x)"));
    expectLaidOutWell(top);

    const calls = buildViewGraph(trace, { nodeLimit: 12, expanded: new Set(model.folds) });
    const mlps = groups(calls).filter((n) => n.label === "MLP (model)");
    expect(mlps).toHaveLength(3);
    expect(mlps.every((n) => /^c\d+$/.test(n.key) && n.fold === "call")).toBe(true);

    const layers = buildViewGraph(trace, {
      nodeLimit: 12,
      expanded: new Set([...model.folds, mlps[0].key]),
    });
    expect(groups(layers).map((n) => n.label)).toEqual(
      expect.arrayContaining(["Layer (model.layers[0])", "Layer (model.layers[1])"]),
    );
    expect(groups(layers).filter((n) => n.label.startsWith("Layer"))).toHaveLength(2);
    expectLaidOutWell(layers);
  });

  it("keeps constants with the expression that uses them", () => {
    const g = buildViewGraph(trace, { nodeLimit: 4 });
    // The `1` of `model(x) - 1` runs three times: folded with it, not left lying about.
    expect(values(g).filter((v) => v.role === "const")).toEqual([]);
    // The sum adds up what `(model(x) - 1) ** 2` made from what the model made: one cycle, one group.
    expect(groups(g).flatMap((n) => n.folds)).toContain(spanOf(MODEL, "model(x) - 1"));
  });
});

describe("the default folding of a large trace", () => {
  it("stays under the node limit, outermost folds first", () => {
    const trace = mlpTrace(2, [16, 16, 1], 2);
    const limit = 300;
    const tree = foldTree(trace);
    const closed = closedFolds(tree, trace.nodes.length, { nodeLimit: limit });
    const g = buildViewGraph(trace, { nodeLimit: limit });
    const units = g.nodes.filter((n) => n.kind !== "op").length;
    expect(units).toBeLessThanOrEqual(limit);
    expect(units).toBeGreaterThan(1);
    // Nothing inside a closed fold was closed as well: outer folds went first.
    tree.folds.forEach((f, i) => {
      if (closed[i] && f.parent >= 0) expect(closed[f.parent]).toBe(0);
    });
    expect(LONG_CHAIN).toBeGreaterThan(1);
  });
});

describe("toggleFolds", () => {
  it("moves keys between the expanded and collapsed sets", () => {
    const opened = toggleFolds({ expanded: new Set(), collapsed: new Set(["a"]) }, ["a", "b"], true);
    expect([...opened.expanded]).toEqual(["a", "b"]);
    expect([...opened.collapsed]).toEqual([]);
    const closed = toggleFolds(opened, ["a"], false);
    expect([...closed.expanded]).toEqual(["b"]);
    expect([...closed.collapsed]).toEqual(["a"]);
  });
});

describe("applyToggle, as the host runs it for a toggleGroup message", () => {
  it("opens a group's folds, and closes a member's fold again", () => {
    const trace = runProgram(LOOP, { fileName: "loop.py" });
    const folded = buildViewGraph(trace, { nodeLimit: 20 });
    const [group] = groups(folded);
    const opened = applyToggle(noFoldChoices(), folded, group.key);
    expect([...opened.expanded]).toEqual(group.folds);
    const open = buildViewGraph(trace, { nodeLimit: 20, ...opened, previous: folded });
    expect(groups(open)).toEqual([]);

    const member = values(open).find((v) => v.fold === spanOf(LOOP, "h * w"))!;
    const closed = applyToggle(opened, open, member.fold!);
    expect([...closed.collapsed]).toEqual([spanOf(LOOP, "h * w")]);
    // `h * w` closed with `tanh` open: still one cycle, so the two fold together again.
    expect(groups(buildViewGraph(trace, { nodeLimit: 20, ...closed })).map((n) => n.key)).toEqual([
      spanOf(LOOP, "h * w"),
    ]);
  });
});
