import type { Trace } from "../trace/trace";
import { exportGraph } from "./graphText";

/** A Mermaid flowchart (renders in GitHub Markdown and many editors), left to right. */
export function toMermaid(trace: Trace): string {
  const g = exportGraph(trace);
  const text = (s: string) => `"${s.replace(/"/g, "#quot;")}"`;
  const lines = ["flowchart LR"];
  for (const v of g.values)
    lines.push(`  ${v.id}[${text(`${v.label}<br/>data ${v.data}<br/>grad ${v.grad}`)}]`);
  for (const o of g.ops) lines.push(`  ${o.id}((${text(o.symbol)}))`);
  for (const e of g.edges)
    lines.push(e.label === null ? `  ${e.from} --> ${e.to}` : `  ${e.from} -- ${text(e.label)} --> ${e.to}`);
  const root = g.values.find((v) => v.root);
  if (root) lines.push(`  style ${root.id} stroke:#d08a1f,stroke-width:2px`);
  return lines.join("\n") + "\n";
}
