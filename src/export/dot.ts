import type { Trace } from "../trace/trace";
import { exportGraph } from "./graphText";

/** Graphviz DOT, left to right like the panel: `dot -Tsvg graph.dot -o graph.svg`. */
export function toDot(trace: Trace): string {
  const g = exportGraph(trace);
  const q = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const lines = ["digraph gradlens {", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=11];'];
  for (const v of g.values) {
    const style = v.root ? ', penwidth=2, color="#d08a1f"' : v.kind === "const" ? ", style=dashed" : "";
    lines.push(
      `  ${v.id} [shape=record, label=${q(`{ ${escapeRecord(v.label)} | data ${v.data} | grad ${v.grad} }`)}${style}];`,
    );
  }
  for (const o of g.ops)
    lines.push(`  ${o.id} [shape=circle, label=${q(o.symbol)}, width=0.3, fixedsize=false];`);
  for (const e of g.edges)
    lines.push(`  ${e.from} -> ${e.to}${e.label === null ? "" : ` [label=${q(e.label)}]`};`);
  lines.push("}");
  return lines.join("\n") + "\n";
}

/** Record labels give `{ } | < >` a meaning; a name or number must not. */
function escapeRecord(s: string): string {
  return s.replace(/([{}|<>])/g, "\\$1");
}
