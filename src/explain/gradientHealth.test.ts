import { describe, expect, it } from "vitest";
import type { Trace } from "../trace/trace";
import { TraceBuilder } from "../view/testing/traceBuilder";
import { gradientDiagnostics } from "./gradientHealth";
import { spanOf, withSource } from "./testing/sourceTrace";

describe("gradientDiagnostics: NaN and ∞", () => {
  const source = "x = Value(0.0)\ny = x.log()\nz = y * 2\nL = z + 1\n";
  function logOfZero(backward: boolean): Trace {
    const t = new TraceBuilder();
    const x = t.leaf(0, "x");
    const y = t.name(t.log(x), "y");
    const z = t.name(t.mul(y, t.constant(2)), "z");
    const L = t.name(t.add(z, t.constant(1)), "L");
    return withSource(t.build(backward ? L : null), {
      [x]: spanOf(source, "Value(0.0)"),
      [y]: spanOf(source, "x.log()"),
      [z]: spanOf(source, "y * 2"),
      [L]: spanOf(source, "z + 1"),
    });
  }

  it("points at the op that first produced a non-finite value, and at its input", () => {
    const [d, ...rest] = gradientDiagnostics(logOfZero(false));
    expect(rest).toEqual([]);
    expect(d.code).toBe("nan");
    expect(d.severity).toBe("error");
    expect(d.span).toEqual(spanOf(source, "x.log()"));
    expect(d.message).toBe(
      "`log` produced −∞ from 0.0000 here (log is only defined for positive numbers). This is the first " +
        "non-finite value in the run; everything computed from it is non-finite too.",
    );
    expect(d.related).toEqual([
      { span: spanOf(source, "Value(0.0)"), message: "The input 0.0000 (`x`) was made here." },
    ]);
  });

  it("leaves a NaN the interpreter already reported at that place to it", () => {
    const trace = logOfZero(false);
    const reported: Trace = {
      ...trace,
      diagnostics: [{ severity: "error", code: "nan", message: "…", span: spanOf(source, "x.log()") }],
    };
    expect(gradientDiagnostics(reported)).toEqual([]);
  });

  it("does not report the backward NaN the forward one explains", () => {
    const found = gradientDiagnostics(logOfZero(true));
    expect(found.map((d) => d.code)).toEqual(["nan"]);
    expect(found[0].span).toEqual(spanOf(source, "x.log()"));
  });

  it("points at the op whose local derivative first made a gradient non-finite", () => {
    // y = x ** 0.5 at x = 0 is finite, but ∂y/∂x = 0.5 / sqrt(0) = ∞.
    const src = "x = Value(0.0)\ny = x ** 0.5\nL = y * 3\n";
    const t = new TraceBuilder();
    const x = t.leaf(0, "x");
    const y = t.name(t.pow(x, 0.5), "y");
    const L = t.name(t.mul(y, t.constant(3)), "L");
    const trace = withSource(t.build(L), { [x]: spanOf(src, "Value(0.0)"), [y]: spanOf(src, "x ** 0.5") });
    const [d, ...rest] = gradientDiagnostics(trace);
    expect(rest).toEqual([]);
    expect(d.span).toEqual(spanOf(src, "x ** 0.5"));
    expect(d.message).toBe(
      "The gradient turns non-finite here: `**0.5` passes ∞ back to `x` (its local derivative at 0.0000 is ∞). " +
        "This is the first non-finite gradient in the backward pass; every value it flows back to gets a " +
        "non-finite gradient too.",
    );
  });

  it("says when a value was non-finite from the start", () => {
    const t = new TraceBuilder();
    const x = t.leaf(NaN, "x");
    const trace = withSource(t.build(t.mul(x, t.constant(2))), { [x]: { from: 4, to: 24 } });
    const [d] = gradientDiagnostics(trace);
    expect(d.message).toContain("`x` is NaN from the start");
    expect(d.span).toEqual({ from: 4, to: 24 });
    const u = new TraceBuilder();
    const constant = withSource(u.build(u.mul(u.leaf(1, "y"), u.constant(Infinity))), {
      1: { from: 9, to: 21 },
    });
    expect(gradientDiagnostics(constant)[0].message).toMatch(/^The constant ∞ enters the computation here:/);
  });

  it("explains a gradient that overflows from finite factors", () => {
    const t = new TraceBuilder();
    const x = t.leaf(1e-300, "x");
    const u = t.name(t.mul(x, t.constant(1e200)), "u");
    const trace = withSource(t.build(t.mul(u, t.constant(1e200))), { [u]: { from: 0, to: 5 } });
    const found = gradientDiagnostics(trace);
    expect(found[0].span).toEqual({ from: 0, to: 5 });
    expect(found[0].message).toContain(
      "`*` passes ∞ back to `x` (upstream × local = 1.000e+200 × 1.000e+200 overflows)",
    );
  });
});

describe("gradientDiagnostics: vanishing and exploding", () => {
  const source = "w = Value(1.0)\nh = (w * 10).tanh()\nL = h * 1\n";
  function saturated(): Trace {
    const t = new TraceBuilder();
    const w = t.leaf(1, "w");
    const h = t.name(t.tanh(t.mul(w, t.constant(10))), "h");
    const L = t.name(t.mul(h, t.constant(1)), "L");
    return withSource(t.build(L), {
      [w]: spanOf(source, "Value(1.0)"),
      [h]: spanOf(source, "(w * 10).tanh()"),
    });
  }

  it("flags a vanishing parameter gradient and points at the saturated tanh", () => {
    const [d, ...rest] = gradientDiagnostics(saturated());
    expect(rest).toEqual([]);
    expect(d.code).toBe("vanishing");
    expect(d.span).toEqual(spanOf(source, "Value(1.0)"));
    expect(d.message).toMatch(
      /^∂L\/∂w is 8\.24\de-08, vanishingly small \(below 1\.000e-07\): a gradient step will barely change `w`\.$/,
    );
    expect(d.related).toHaveLength(1);
    expect(d.related![0].span).toEqual(spanOf(source, "(w * 10).tanh()"));
    expect(d.related![0].message).toMatch(
      /^This `tanh` is saturated \(output 1\.0000\): its local derivative 8\.24\de-09 shrinks/,
    );
  });

  it("respects the thresholds", () => {
    expect(gradientDiagnostics(saturated(), { vanishing: 1e-8 })).toEqual([]);
  });

  it("flags an exploding gradient and the op that grew it", () => {
    const src = "w = Value(10.0)\ny = w ** 10\n";
    const t = new TraceBuilder();
    const w = t.leaf(10, "w");
    const y = t.name(t.pow(w, 10), "y");
    const trace = withSource(t.build(y), { [w]: spanOf(src, "Value(10.0)"), [y]: spanOf(src, "w ** 10") });
    const [d] = gradientDiagnostics(trace);
    expect(d.code).toBe("exploding");
    expect(d.message).toBe(
      "∂y/∂w is 1.000e+10, exploding (above 1.000e+06): one gradient step would throw `w` far off. " +
        "Try a smaller learning rate or clip the gradient.",
    );
    expect(d.related).toEqual([
      {
        span: spanOf(src, "w ** 10"),
        message:
          "`**10` scales the gradient by 1.000e+10 here (its output is 1.000e+10), growing it the most on its way back.",
      },
    ]);
    expect(gradientDiagnostics(trace, { exploding: 1e11 })).toEqual([]);
  });

  it("reports one finding for all the parameters one expression made", () => {
    // ws = [Value(v) for v in …]: three leaves with one span, two with vanishing gradients.
    const src = "ws = [Value(v) for v in vs]\n";
    const t = new TraceBuilder();
    const ws = [t.leaf(1e-9), t.leaf(2e-9), t.leaf(1)];
    const L = t.add(t.mul(ws[0], ws[1]), ws[2]);
    const span = spanOf(src, "Value(v)");
    const trace = withSource(t.build(L), Object.fromEntries(ws.map((w) => [w, span])));
    const found = gradientDiagnostics(trace);
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(
      /^2 of 3 values made here have vanishing gradients \(below 1\.000e-07; the smallest is 1\.000e-09\): gradient/,
    );
  });

  it("lets a few exact zeros among many parameters pass (a ReLU network's sparsity)", () => {
    const t = new TraceBuilder();
    const ws = [t.leaf(-1), t.leaf(2), t.leaf(3)];
    const L = t.add(t.relu(ws[0]), t.mul(ws[1], ws[2]));
    const trace = withSource(t.build(L), Object.fromEntries(ws.map((w) => [w, { from: 0, to: 5 }])));
    expect(gradientDiagnostics(trace).filter((d) => d.code === "vanishing")).toEqual([]);
  });

  it("says when a parameter's gradient is exactly zero, and what blocked it", () => {
    const src = "w = Value(-1.0)\nh = w.relu()\nL = h + 0\n";
    const t = new TraceBuilder();
    const w = t.leaf(-1, "w");
    const h = t.name(t.relu(w), "h");
    const L = t.name(t.add(h, t.constant(0)), "L");
    const trace = withSource(t.build(L), { [w]: spanOf(src, "Value(-1.0)"), [h]: spanOf(src, "w.relu()") });
    const found = gradientDiagnostics(trace);
    const vanishing = found.find((d) => d.code === "vanishing")!;
    expect(vanishing.message).toBe(
      "∂L/∂w is exactly 0: `w` feeds L, but no gradient gets back to it, so training will not change it.",
    );
    expect(vanishing.related).toEqual([
      {
        span: spanOf(src, "w.relu()"),
        message:
          "This ReLU is off here (its input is ≤ 0): its local derivative is 0, so no gradient passes.",
      },
    ]);
    expect(found.find((d) => d.code === "dead-relu")?.severity).toBe("info");
  });
});

describe("gradientDiagnostics: dead ReLU", () => {
  const source =
    "h = Value(1.0)\nw = Value(1.0)\nfor x in xs:\n    a = x * w - 5\n    h = a.relu() + h\nh.backward()\n";
  function loop(xs: number[]): Trace {
    const t = new TraceBuilder();
    let h = t.leaf(1, "h");
    const w = t.leaf(1, "w");
    const spans: Record<number, { from: number; to: number }> = { [w]: spanOf(source, "Value(1.0)", 1) };
    for (const x of xs) {
      const a = t.name(t.add(t.mul(t.constant(x), w), t.constant(-5)), "a");
      const r = t.relu(a);
      spans[a] = spanOf(source, "x * w - 5");
      spans[r] = spanOf(source, "a.relu()");
      h = t.name(t.add(r, h), "h");
    }
    return withSource(t.build(h), spans);
  }

  it("flags a ReLU whose every value in the loop was ≤ 0, pointing at its input", () => {
    const [d, starved] = gradientDiagnostics(loop([1, 2, 3]));
    // The weight before it gets nothing back: reported at the weight, linked to the ReLU.
    expect(starved.code).toBe("vanishing");
    expect(starved.message).toContain("∂h/∂w is exactly 0");
    expect(starved.related?.[0].span).toEqual(spanOf(source, "a.relu()"));
    expect(d).toEqual({
      severity: "warning",
      code: "dead-relu",
      span: spanOf(source, "a.relu()"),
      message:
        "This ReLU's gradient is zero for every input (3 of 3 values ≤ 0): nothing flows back through it, " +
        "so nothing before it learns from this path (a “dead” ReLU).",
      related: [
        { span: spanOf(source, "x * w - 5"), message: "Its input comes from here (last value -2.0000)." },
      ],
    });
  });

  it("stays quiet when one value got through", () => {
    expect(gradientDiagnostics(loop([1, 2, 9]))).toEqual([]);
  });

  it("counts tensor elements, and ignores ReLUs the root does not depend on", () => {
    const span = { from: 0, to: 8 };
    const trace: Trace = {
      ok: true,
      stdout: "",
      diagnostics: [],
      root: 2,
      occurrences: [],
      variables: {},
      nodes: [
        {
          id: 0,
          kind: "leaf",
          op: "",
          names: ["x"],
          expr: null,
          span: null,
          shape: [3],
          data: [-1, -2, 0],
          grad: [0, 0, 0],
          rootGrad: [0, 0, 0],
          inputEdges: [],
        },
        {
          id: 1,
          kind: "op",
          op: "relu",
          names: [],
          expr: null,
          span,
          shape: [3],
          data: [0, 0, 0],
          grad: null,
          rootGrad: [1, 1, 1],
          inputEdges: [0],
        },
        {
          id: 2,
          kind: "op",
          op: "sum",
          names: ["L"],
          expr: null,
          span: null,
          shape: [],
          data: [0],
          grad: null,
          rootGrad: [1],
          inputEdges: [1],
        },
      ],
      edges: [
        { id: 0, from: 0, to: 1, operand: 0, local: null, rule: "", contribution: [0, 0, 0] },
        { id: 1, from: 1, to: 2, operand: 0, local: null, rule: "", contribution: [1, 1, 1] },
      ],
    };
    const dead = gradientDiagnostics(trace).filter((d) => d.code === "dead-relu");
    expect(dead.map((d) => d.message)).toEqual([expect.stringContaining("(3 of 3 values ≤ 0)")]);
    const detached = {
      ...trace,
      root: 0,
      nodes: trace.nodes.map((n) => (n.id === 0 ? { ...n, rootGrad: [1, 1, 1] } : { ...n, rootGrad: null })),
    };
    expect(gradientDiagnostics(detached).filter((d) => d.code === "dead-relu")).toEqual([]);
  });
});

describe("gradientDiagnostics", () => {
  it("finds nothing in a healthy run, and gives one finding per place", () => {
    const t = new TraceBuilder();
    const x = t.leaf(2, "x");
    const healthy = t.build(t.mul(x, x));
    expect(gradientDiagnostics(healthy)).toEqual([]);
    // A NaN and a dead ReLU at one span: the NaN, the cause, wins.
    const span = { from: 0, to: 5 };
    const u = new TraceBuilder();
    const a = u.leaf(NaN, "a");
    const r = u.relu(u.leaf(-1, "b"));
    const trace = withSource(u.build(u.add(a, r)), { [a]: span, [r]: span });
    const codes = gradientDiagnostics(trace).map((d) => d.code);
    expect(codes).toContain("nan");
    expect(codes).not.toContain("dead-relu");
  });
});
