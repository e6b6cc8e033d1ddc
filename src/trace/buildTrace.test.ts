import { describe, expect, it } from "vitest";
import { MicrogradOps } from "../engine/scalar/microgradOps";
import { Tape } from "../engine/tape";
import { buildTrace, shortExpression, type TraceInput } from "./buildTrace";

/** A tape for `L = (a * b + 3) ** 2` with a = 2.0, b = -1.0, built by hand. */
function example(): { input: TraceInput; rows: Record<string, number> } {
  const tape = new Tape();
  const m = new MicrogradOps(tape);
  const a = tape.leaf(2.0);
  const b = tape.leaf(-1.0);
  const ab = m.mul(a, b);
  const s = m.add(ab, { value: 3, isInt: true });
  const L = m.pow(s, { value: 2, isInt: true });
  tape.backward(L);
  const source = "L = (a * b + 3) ** 2";
  const input: TraceInput = {
    source,
    tape,
    spanOf: (row) => (row <= b ? null : { from: 4, to: source.length }),
    names: new Map([
      [a, ["a"]],
      [b, ["b"]],
      [L, ["L"]],
    ]),
    root: L,
    occurrences: [],
    ok: true,
    stdout: "",
    diagnostics: [],
    variables: {},
  };
  return { input, rows: { a, b, ab, s, L } };
}

describe("buildTrace", () => {
  it("makes one node per tape row, leaves, constants and operations", () => {
    const trace = buildTrace(example().input);
    expect(trace.nodes.map((n) => [n.kind, n.op, n.names])).toEqual([
      ["leaf", "", ["a"]],
      ["leaf", "", ["b"]],
      ["op", "*", []],
      ["const", "", []],
      ["op", "+", []],
      ["op", "**2", ["L"]],
    ]);
  });

  it("puts ∂to/∂from and ∂L/∂to · ∂to/∂from on each edge", () => {
    const { input, rows } = example();
    const trace = buildTrace(input);
    // L = s**2 with s = 1: ∂L/∂s = 2; s = ab + 3; ab = a·b: ∂ab/∂a = b = -1
    const aToAb = trace.edges.find((e) => e.from === rows.a && e.to === rows.ab)!;
    expect(aToAb).toMatchObject({ operand: 0, local: [-1], contribution: [-2], rule: "∂(a·b)/∂a = b" });
    const sToL = trace.edges.find((e) => e.to === rows.L)!;
    expect(sToL).toMatchObject({ local: [2], contribution: [2], rule: "∂(a**2)/∂a = 2·a**1" });
    expect(trace.nodes[rows.a].rootGrad).toEqual([-2]);
    expect(trace.nodes[rows.a].grad).toEqual([-2]);
  });

  it("leaves rootGrad and contributions null where no backward() root is reached", () => {
    const { input, rows } = example();
    const extra = input.tape.leaf(7);
    const trace = buildTrace({ ...input, spanOf: () => null });
    expect(trace.nodes[extra].rootGrad).toBeNull();
    const none = buildTrace({ ...input, root: null });
    expect(none.nodes[rows.L].rootGrad).toBeNull();
    expect(none.edges.every((e) => e.contribution === null)).toBe(true);
  });

  it("shares one span object and text between rows made by one expression", () => {
    const trace = buildTrace(example().input);
    expect(trace.nodes[2].span).toBe(trace.nodes[4].span);
    expect(trace.nodes[2].expr).toBe("(a * b + 3) ** 2");
    expect(trace.nodes[0].span).toBeNull();
  });

  it("shortens long expressions to about forty characters on one line", () => {
    const long = "total_loss = data_loss +\n    reg_loss * some_really_long_name + another_long_name";
    const text = shortExpression(long, { from: 13, to: long.length });
    expect(text).toHaveLength(40);
    expect(text.endsWith("…")).toBe(true);
    expect(text).not.toContain("\n");
  });
});
