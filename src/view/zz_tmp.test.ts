import { it } from "vitest";
import { runProgram } from "/work/main/src/runtime/runProgram";
import { buildViewGraph } from "/work/main/src/view/buildViewGraph";
const LOOP = `from micrograd.engine import Value
w = Value(0.9)
h = Value(1.0)
for i in range(100):
    h = (h * w).tanh()
loss = (h - 0.5) ** 2
loss.backward()
`;
it("x", () => {
  const a = buildViewGraph(runProgram(LOOP, { fileName: "loop.py" }), { nodeLimit: 20 });
  const b = buildViewGraph(runProgram(LOOP.replace("Value(0.9)", "Value(0.8)"), { fileName: "loop.py" }), { nodeLimit: 20 });
  a.nodes.forEach((n, i) => { const m = b.nodes[i]; if (n.box.width !== m.box.width || n.key !== m.key) console.log("node", n.key, m.key, n.box.width, m.box.width, (n as any).data, (m as any).data, (n as any).grad, (m as any).grad, n.kind === "group" ? [n.label, (m as any).label] : ""); });
  a.edges.forEach((e, i) => { const f = b.edges[i]; if (e.label !== f.label || e.key !== f.key) console.log("edge", e.key, f.key, e.label, f.label); });
});
