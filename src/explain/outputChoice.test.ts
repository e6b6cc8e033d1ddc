import { describe, expect, it } from "vitest";
import type { PyJson, Trace } from "../trace/trace";
import { TraceBuilder } from "../view/testing/traceBuilder";
import { candidateOutputs } from "./outputChoice";
import { bound, occurrence, withSource } from "./testing/sourceTrace";

const source = [
  "a = Value(2.0)",
  "b = Value(-3.0)",
  "other = a * 3",
  "c = a * b",
  "loss = c + b",
  "loss.backward()",
].join("\n");

function value(data: number): PyJson {
  return { type: "Value", data, grad: 0, root_grad: null };
}

function program(root: "loss" | null): Trace {
  const t = new TraceBuilder();
  const a = t.leaf(2, "a");
  const b = t.leaf(-3, "b");
  const other = t.name(t.mul(a, t.constant(3)), "other");
  const c = t.name(t.mul(a, b), "c");
  const loss = t.name(t.add(c, b), "loss");
  const trace = withSource(
    t.build(root ? loss : null),
    {},
    bound(source, [
      occurrence(source, "other", other),
      occurrence(source, "loss", loss),
      occurrence(source, "loss", loss, "loss.backward"),
    ]),
  );
  return {
    ...trace,
    variables: { a: value(2), b: value(-3), other: value(6), c: value(-6), loss: value(-9), n: 3 },
  };
}

describe("candidateOutputs", () => {
  it("offers the scalar end points of the graph bound to top-level names, the root first", () => {
    expect(candidateOutputs(program("loss"), source)).toEqual([
      { node: 5, name: "loss", line: 4, current: true },
      { node: 3, name: "other", line: 2, current: false },
    ]);
  });

  it("lists them in source order when nothing was differentiated yet", () => {
    expect(candidateOutputs(program(null), source).map((c) => c.name)).toEqual(["other", "loss"]);
  });

  it("keeps the root even when no top-level name holds it", () => {
    const trace = program("loss");
    const { loss: _loss, ...rest } = trace.variables;
    const candidates = candidateOutputs({ ...trace, variables: rest }, source);
    expect(candidates[0]).toEqual({ node: 5, name: "loss", line: 4, current: true });
  });

  it("skips tensors with many elements, and finds the top-level value among same-named locals", () => {
    const src = "def f(y):\n    out = y * 2\n    return out\nout = f(Value(1.0))\nf(Value(5.0))\n";
    const t = new TraceBuilder();
    const first = t.name(t.mul(t.leaf(1), t.constant(2)), "out");
    t.name(t.mul(t.leaf(5), t.constant(2)), "out");
    const built = t.build(null);
    const id = built.nodes.length;
    const W = { ...built.nodes[first], id, names: ["W"], shape: [2], data: [1, 2], inputEdges: [] };
    const trace: Trace = {
      ...built,
      nodes: [...built.nodes, W],
      variables: {
        out: value(2),
        W: { type: "Tensor", shape: [2], data: [1, 2], grad: null, root_grad: null },
      },
    };
    expect(candidateOutputs(trace, src)).toEqual([{ node: first, name: "out", line: -1, current: false }]);
  });
});
