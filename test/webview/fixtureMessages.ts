// Host messages built from hand-made traces, for render.mjs (bundled and run by it in Node).
import { buildViewGraph } from "../../src/view/buildViewGraph";
import type { GraphMessage } from "../../src/view/protocol";
import { runProgram } from "../../src/runtime/runProgram";
import { firstExpressionTrace, mlpTrace } from "../../src/view/testing/fixtures";
import { TraceBuilder } from "../../src/view/testing/traceBuilder";
import type { Trace, TraceEdge, TraceNode } from "../../src/trace/trace";

/** A trace with a vanishing, a dead (relu at 0) and an infinite gradient, to see those styles. */
function troubleTrace() {
  const t = new TraceBuilder();
  const a = t.leaf(0, "a", "Value(0.0)");
  const tiny = t.leaf(1e-7, "eps", "Value(1e-7)");
  const dead = t.name(t.relu(t.mul(a, t.constant(-3), "a * -3"), "(a * -3).relu()"), "dead");
  const log = t.name(t.log(a, "a.log()"), "la");
  const s = t.add(t.add(dead, log, "dead + la"), t.mul(tiny, tiny, "eps * eps"), "dead + la + eps * eps");
  return t.build(t.name(s, "L"));
}

/**
 * loss = (x @ W).relu().sum() with x 2×3 and W 3×2, worked by hand: x @ W = [[2.2, 2.8],
 * [4.9, 6.4]], ∂loss/∂W = xᵀ·1 = [[5, 5], [7, 7], [9, 9]], ∂loss/∂x = 1·Wᵀ = [[0.3, 0.7, 1.1]] × 2.
 */
function tensorTrace(): Trace {
  const ones = [1, 1, 1, 1];
  const dx = [0.3, 0.7, 1.1, 0.3, 0.7, 1.1];
  const dW = [5, 5, 7, 7, 9, 9];
  const node = (n: Partial<TraceNode> & Pick<TraceNode, "id" | "kind">): TraceNode => ({
    op: "",
    names: [],
    expr: null,
    span: null,
    shape: [],
    data: [0],
    grad: null,
    rootGrad: null,
    inputEdges: [],
    ...n,
  });
  const nodes = [
    node({
      id: 0,
      kind: "leaf",
      names: ["x"],
      shape: [2, 3],
      data: [1, 2, 3, 4, 5, 6],
      grad: dx,
      rootGrad: dx,
    }),
    node({
      id: 1,
      kind: "leaf",
      names: ["W"],
      shape: [3, 2],
      data: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
      grad: dW,
      rootGrad: dW,
    }),
    node({
      id: 2,
      kind: "op",
      op: "@",
      expr: "x @ W",
      shape: [2, 2],
      data: [2.2, 2.8, 4.9, 6.4],
      rootGrad: ones,
      inputEdges: [0, 1],
    }),
    node({
      id: 3,
      kind: "op",
      op: "relu",
      names: ["h"],
      shape: [2, 2],
      data: [2.2, 2.8, 4.9, 6.4],
      rootGrad: ones,
      inputEdges: [2],
    }),
    node({
      id: 4,
      kind: "op",
      op: "sum",
      names: ["loss"],
      data: [16.3],
      grad: [1],
      rootGrad: [1],
      inputEdges: [3],
    }),
  ];
  const edges: TraceEdge[] = [
    { id: 0, from: 0, to: 2, operand: 0, local: null, rule: "∂(a@b)/∂a: g · bᵀ", contribution: dx },
    { id: 1, from: 1, to: 2, operand: 1, local: null, rule: "∂(a@b)/∂b: aᵀ · g", contribution: dW },
    { id: 2, from: 2, to: 3, operand: 0, local: null, rule: "∂relu(a)/∂a: g ⊙ [a > 0]", contribution: ones },
    {
      id: 3,
      from: 3,
      to: 4,
      operand: 0,
      local: null,
      rule: "∂sum(a)/∂a: g broadcast to a's shape",
      contribution: ones,
    },
  ];
  return { ok: true, stdout: "", diagnostics: [], nodes, edges, root: 4, occurrences: [], variables: {} };
}

/** first_expression.py's graph after a step that changed x to 3.0 (same layout: patched in place). */
function smallStep(): GraphMessage {
  const before = buildViewGraph(firstExpressionTrace());
  const trace = firstExpressionTrace();
  trace.nodes[0].data = [3];
  return {
    type: "graph",
    graph: buildViewGraph(trace, { previous: before }),
    stale: false,
    title: "first_expression.py",
  };
}

/** One sample through MLP(2, [16, 16, 1]) after an SGD-like step: every number a little different. */
function hugeStep(): GraphMessage {
  const before = buildViewGraph(mlpTrace(2, [16, 16, 1], 1));
  const trace = mlpTrace(2, [16, 16, 1], 1);
  // Numbers that keep their printed width, as most do from one step to the next.
  for (const node of trace.nodes)
    if (node.kind !== "const") node.data = node.data.map((v) => (Math.abs(v) >= 0.01 ? v * 0.999 : v));
  return {
    type: "graph",
    graph: buildViewGraph(trace, { previous: before }),
    stale: false,
    title: "mlp_16.py",
  };
}

export function graphMessages(): Record<string, GraphMessage> {
  return {
    hugeStep: hugeStep(),
    smallStep: smallStep(),
    small: {
      type: "graph",
      graph: buildViewGraph(firstExpressionTrace()),
      stale: false,
      title: "first_expression.py",
    },
    large: {
      type: "graph",
      graph: buildViewGraph(mlpTrace(2, [4, 4, 1], 3)),
      stale: false,
      title: "mlp_demo.py",
    },
    trouble: { type: "graph", graph: buildViewGraph(troubleTrace()), stale: false, title: "trouble.py" },
    huge: {
      type: "graph",
      graph: buildViewGraph(mlpTrace(2, [16, 16, 1], 1)),
      stale: false,
      title: "mlp_16.py",
    },
    tensor: { type: "graph", graph: buildViewGraph(tensorTrace()), stale: false, title: "tensor_demo.py" },
    // micrograd's demo batch (100 samples, ~66k values), folded as the default node limit folds it.
    folded: {
      type: "graph",
      graph: buildViewGraph(mlpTrace(2, [16, 16, 1], 100)),
      stale: false,
      title: "demo_batch.py",
    },
    // The same under a small node limit: only the top-level groups.
    foldedTop: {
      type: "graph",
      graph: buildViewGraph(mlpTrace(2, [16, 16, 1], 100), { nodeLimit: 40 }),
      stale: false,
      title: "demo_batch.py",
    },
    // A 100-step recurrence run by the interpreter, folded: one group with a loop marker.
    loop: {
      type: "graph",
      graph: buildViewGraph(
        runProgram(
          "from micrograd.engine import Value\nw = Value(0.9)\nh = Value(1.0)\nfor i in range(100):\n    h = (h * w).tanh()\nloss = (h - 0.5) ** 2\nloss.backward()\n",
          { fileName: "loop.py" },
        ),
        { nodeLimit: 20 },
      ),
      stale: false,
      title: "loop.py",
    },
    // A smaller batch, with the model's group opened and one MLP call opened in it.
    opened: {
      type: "graph",
      graph: buildViewGraph(mlpTrace(2, [16, 16, 1], 3), {
        nodeLimit: 40,
        expanded: new Set(["g39:47", "c37"]),
      }),
      stale: false,
      title: "demo_batch.py",
    },
  };
}
