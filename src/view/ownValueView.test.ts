import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { buildViewGraph } from "./buildViewGraph";
import { graphSvgDocument } from "./render/graphSvg";
import { LIGHT_THEME } from "./render/graphTheme";
import { isViewGraph } from "./viewGraphGuard";

describe("a learner's own backward in the graph", () => {
  const mistake = runProgram(readFileSync("examples/own_value_mul_mistake.py", "utf8"));
  const graph = buildViewGraph(mistake);

  it("marks the edges whose `_backward` sent another contribution than the chain rule", () => {
    expect(isViewGraph(graph)).toBe(true);
    const marked = graph.edges.filter((e) => e.mismatch);
    // `self.grad += self.data * out.grad`: wrong for x1 (in x1 * w1) and x2 (in x2 * w2) only
    const name = (trace: number) => mistake.nodes[trace].names[0];
    expect(marked.map((e) => name(e.fromTrace)).sort()).toEqual(["x1", "x2"]);
    expect(marked[0].chainRule).toMatch(/your _backward sent -?\d+\.\d{4} instead of -?\d+\.\d{4}$/);
    const svg = graphSvgDocument(graph, LIGHT_THEME);
    expect(svg.match(/class="gl-edge-stroke[^"]*gl-mismatch"/g)).toHaveLength(2);
  });

  it("says in a value's tooltip whether its .grad matches the chain rule", () => {
    const title = (name: string) =>
      graph.nodes.find((n) => n.kind === "value" && mistake.nodes[n.trace].names[0] === name)!.title;
    expect(title("x1")).toContain("✗ your .grad is 1.4550, the chain rule gives -1.9400");
    expect(title("w1")).toContain("✓ your .grad matches the chain rule");
  });

  it("marks nothing for a correct class", () => {
    const trace = runProgram(readFileSync("examples/own_value_lecture.py", "utf8"));
    expect(buildViewGraph(trace).edges.some((e) => e.mismatch)).toBe(false);
  });
});
