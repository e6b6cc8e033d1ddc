import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * The torch examples' `# expect:` lines (values derived in plain Python) are checked with every
 * other example's by test/unit/examples.test.ts; here, what they put in the graph.
 */
const EXAMPLES = ["examples/torch_two_layer_mlp.py", "examples/torch_cross_entropy.py"];

describe.each(EXAMPLES)("%s", (path) => {
  const source = readFileSync(path, "utf8");

  it("shows its tensors in the graph, with the last backward()'s gradients on nodes and edges", () => {
    const trace = runProgram(source);
    expect(trace.diagnostics).toEqual([]);
    expect(source).toMatch(/^# expect: .+ == .+$/m);
    const tensors = trace.nodes.filter((n) => n.shape.length > 0);
    expect(tensors.length).toBeGreaterThan(3);
    expect(trace.root).not.toBeNull();
    expect(trace.nodes[trace.root!].rootGrad).toEqual([1]);
    const flowing = trace.edges.filter((e) => e.contribution !== null);
    expect(flowing.length).toBeGreaterThan(2);
    expect(
      flowing.every((e) => e.local === null && e.contribution!.length === trace.nodes[e.from].data.length),
    ).toBe(true);
  });
});
