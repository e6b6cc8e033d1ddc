// Host messages built from hand-made traces, for render.mjs (bundled and run by it in Node).
import { buildViewGraph } from "../../src/view/buildViewGraph";
import type { GraphMessage } from "../../src/view/protocol";
import { firstExpressionTrace, mlpTrace } from "../../src/view/testing/fixtures";
import { TraceBuilder } from "../../src/view/testing/traceBuilder";

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

export function graphMessages(): Record<string, GraphMessage> {
  return {
    small: { type: "graph", graph: buildViewGraph(firstExpressionTrace()), stale: false, title: "first_expression.py" },
    large: { type: "graph", graph: buildViewGraph(mlpTrace(2, [4, 4, 1], 3)), stale: false, title: "mlp_demo.py" },
    trouble: { type: "graph", graph: buildViewGraph(troubleTrace()), stale: false, title: "trouble.py" },
  };
}
