import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import type { Trace } from "../trace/trace";
import { TraceBuilder } from "../view/testing/traceBuilder";
import { inlineValues, shouldShowInlineByDefault } from "./inlineValues";
import { bound, occurrence, spanOf, withSource } from "./testing/sourceTrace";

const source = [
  "from micrograd.engine import Value",
  "x = Value(2.0)",
  "w = Value(-0.5)",
  "y = x * w  # the product",
  "L = (y +",
  "     w)",
  "L.backward()",
  "print(x.grad)",
].join("\n");

// x = 2; w = -0.5; y = x * w; L = y + w  →  ∂L/∂x = -0.5, ∂L/∂w = 3, ∂L/∂y = 1
function smallTrace(backward = true): Trace {
  const t = new TraceBuilder();
  const x = t.leaf(2, "x");
  const w = t.leaf(-0.5, "w");
  const y = t.name(t.mul(x, w), "y");
  const L = t.name(t.add(y, w), "L");
  const o = (name: string, node: number, anchor: string) => occurrence(source, name, node, anchor);
  return withSource(
    t.build(backward ? L : null),
    { [x]: spanOf(source, "Value(2.0)"), [w]: spanOf(source, "Value(-0.5)"), [y]: spanOf(source, "x * w") },
    // Stores and loads alike, as the interpreter records them; the front end marks the stores.
    bound(source, [
      o("x", x, "x = Value"),
      o("w", w, "w = Value"),
      o("y", y, "y = x"),
      o("x", x, "= x * w"),
      o("w", w, "* w"),
      o("L", L, "L = (y"),
      o("y", y, "(y +"),
      o("w", w, "w)"),
      o("L", L, "L.backward"),
      o("x", x, "print(x"),
    ]),
  );
}

describe("inlineValues", () => {
  it("shows value and gradient after each line that binds a name, and nothing for reads", () => {
    expect(inlineValues(smallTrace(), source, {})).toEqual([
      { line: 1, text: "x = 2.0000 · ∇ -0.5000", node: 0 },
      { line: 2, text: "w = -0.5000 · ∇ 3.0000", node: 1 },
      { line: 3, text: "y = -1.0000 · ∇ 1.0000", node: 2 },
      // A statement over two lines: the text goes after its last.
      { line: 5, text: "L = -1.5000 · ∇ 1.0000", node: 3 },
    ]);
  });

  it("leaves out the gradient before backward(), unless .grad was set by hand", () => {
    const trace = smallTrace(false);
    expect(inlineValues(trace, source, {})[0].text).toBe("x = 2.0000");
    const set = { ...trace, nodes: trace.nodes.map((n) => (n.id === 0 ? { ...n, grad: [1.5] } : n)) };
    expect(inlineValues(set, source, {})[0].text).toBe("x = 2.0000 · .grad 1.5000");
  });

  it("follows the precision and cuts long text to one short line", () => {
    const values = inlineValues(smallTrace(), source, { precision: 2, maxLineLength: 12 });
    expect(values[0].text).toBe("x = 2.00 ·…");
    expect(values.every((v) => v.text.length <= 12)).toBe(true);
  });

  it("skips names whose text moved since the run (a stale trace)", () => {
    const edited = source.replace("x = Value(2.0)", "xx = Value(2.0)");
    expect(inlineValues(smallTrace(), edited, {}).map((v) => v.line)).not.toContain(1);
  });

  it("joins the names of one line and shows the last of a loop's values with the count", () => {
    const src = "h = Value(1.0)\nfor i in range(3):\n    h = h * 2\na, b = h + 1, h * 3; c = a\n";
    const t = new TraceBuilder();
    let h = t.leaf(1, "h");
    const spans: Record<number, { from: number; to: number }> = { [h]: spanOf(src, "Value(1.0)") };
    for (let i = 0; i < 3; i++) {
      h = t.name(t.mul(h, t.constant(2)), "h");
      spans[h] = spanOf(src, "h * 2");
    }
    const a = t.name(t.add(h, t.constant(1)), "a");
    const b = t.name(t.mul(h, t.constant(3)), "b");
    t.name(a, "c");
    spans[a] = spanOf(src, "h + 1");
    spans[b] = spanOf(src, "h * 3");
    const trace = withSource(
      t.build(t.add(a, b)),
      spans,
      bound(src, [
        occurrence(src, "h", 0),
        { name: "h", span: { from: src.indexOf("    h") + 4, to: src.indexOf("    h") + 5 }, node: h },
        { name: "a", span: { from: src.indexOf("a, b"), to: src.indexOf("a, b") + 1 }, node: a },
        { name: "b", span: { from: src.indexOf("b ="), to: src.indexOf("b =") + 1 }, node: b },
        { name: "c", span: { from: src.indexOf("c ="), to: src.indexOf("c =") + 1 }, node: a },
        { name: "a", span: { from: src.lastIndexOf("a"), to: src.lastIndexOf("a") + 1 }, node: a },
      ]),
    );
    expect(inlineValues(trace, src, {})).toEqual([
      { line: 0, text: "h = 1.0000 · ∇ 32.0000", node: 0 },
      { line: 2, text: `h = 8.0000 · ∇ 4.0000 (×3)`, node: h },
      { line: 3, text: "a = 9.0000 · ∇ 1.0000, b = 24.0000 · ∇ 1.0000, c = 9.0000 · ∇ 1.0000", node: a },
    ]);
  });

  it("shows a tensor as its norm and shape", () => {
    const src = "W = torch.ones(2, 3, requires_grad=True)\n";
    const trace: Trace = {
      ok: true,
      stdout: "",
      diagnostics: [],
      root: null,
      edges: [],
      variables: {},
      nodes: [
        {
          id: 0,
          kind: "leaf",
          op: "",
          names: ["W"],
          expr: null,
          span: spanOf(src, "torch.ones(2, 3, requires_grad=True)"),
          shape: [2, 3],
          data: [1, 1, 1, 1, 1, 1],
          grad: null,
          rootGrad: null,
          inputEdges: [],
        },
      ],
      occurrences: bound(src, [{ name: "W", span: { from: 0, to: 1 }, node: 0 }]),
    };
    expect(inlineValues(trace, src, {})).toEqual([{ line: 0, text: "W = ‖2.4495‖ 2×3", node: 0 }]);
  });
});

describe("shouldShowInlineByDefault", () => {
  it("is on for short programs and off for long ones or big graphs", () => {
    const trace = smallTrace();
    expect(shouldShowInlineByDefault(source, trace)).toBe(true);
    expect(shouldShowInlineByDefault("x = 1\n".repeat(300), trace)).toBe(false);
    const big = { ...trace, nodes: Array.from({ length: 6000 }, () => trace.nodes[0]) };
    expect(shouldShowInlineByDefault(source, big)).toBe(false);
  });
});

describe("inlineValues on real runs: a Python program and its JavaScript twin", () => {
  // z = x·w + b = 2·(−0.5) + 0.3 = −0.7; out = tanh(z); y = out
  const python = [
    "from micrograd.engine import Value",
    "def neuron(x, w, b):",
    "    z = x * w + b",
    "    out = z.tanh()",
    "    return out",
    "a = Value(2.0)",
    "y = neuron(a, Value(-0.5), Value(0.3))",
    "y.backward()",
  ].join("\n");
  const javascript = [
    'import { Value } from "gradlens";',
    "function neuron(x, w, b) {",
    "  const z = x.mul(w).add(b);",
    "  const out = z.tanh();",
    "  return out;",
    "}",
    "const a = new Value(2.0);",
    "const y = neuron(a, new Value(-0.5), new Value(0.3));",
    "y.backward();",
  ].join("\n");
  const lines = (source: string, language?: "javascript") =>
    inlineValues(runProgram(source, language ? { language } : {}), source).map((v) => [
      v.line,
      v.text.split(" ")[0],
    ]);

  it("shows all four names in both: the braced body's statements are statements", () => {
    expect(lines(python)).toEqual([
      [2, "z"],
      [3, "out"],
      [5, "a"],
      [6, "y"],
    ]);
    expect(lines(javascript, "javascript")).toEqual([
      [2, "z"],
      [3, "out"],
      [6, "a"], // after the function's closing brace
      [7, "y"],
    ]);
  });

  it("gives the two the same numbers", () => {
    const py = inlineValues(runProgram(python), python).map((v) => v.text);
    const js = inlineValues(runProgram(javascript, { language: "javascript" }), javascript).map(
      (v) => v.text,
    );
    expect(js).toEqual(py);
    expect(py[0]).toBe("z = -0.7000 · ∇ 0.6347");
  });

  it("puts a loop variable on the loop's header and a multi-line statement's value after its last line", () => {
    const source = [
      'import { Value } from "gradlens";',
      "let s = new Value(0);",
      "for (const v of [1, 2]) {",
      "  s = s",
      "    .add(new Value(v));",
      "}",
      "s.backward();",
    ].join("\n");
    expect(lines(source, "javascript")).toEqual([
      [1, "s"],
      [4, "s"],
    ]);
  });
});
