import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * The torch examples carry `# expect: <expression> == <value>` lines whose values were derived
 * in plain Python. Each expression is evaluated after the program (appended as a print) and
 * compared: numbers to float32 accuracy (the examples compute in float32, the references in
 * float64), anything else by its repr.
 */
const EXAMPLES = ["examples/torch_two_layer_mlp.py", "examples/torch_cross_entropy.py"];
const MARK = "@@expect@@";

function expectations(source: string): { expr: string; value: string }[] {
  return [...source.matchAll(/^# expect: (.+) == (.+)$/gm)].map((m) => ({
    expr: m[1].trim(),
    value: m[2].trim(),
  }));
}

describe.each(EXAMPLES)("%s", (path) => {
  const source = readFileSync(path, "utf8");
  const expects = expectations(source);

  it("runs cleanly and meets every expect line", () => {
    expect(expects.length).toBeGreaterThanOrEqual(5);
    const probe = expects.map((e) => `print(${JSON.stringify(MARK)}, repr(${e.expr}))`).join("\n");
    const trace = runProgram(`${source}\n${probe}\n`);
    expect(trace.diagnostics).toEqual([]);
    const got = trace.stdout
      .split("\n")
      .filter((line) => line.startsWith(MARK))
      .map((line) => line.slice(MARK.length + 1));
    expect(got).toHaveLength(expects.length);
    expects.forEach((e, i) => {
      const wanted = Number(e.value);
      if (Number.isNaN(wanted)) expect(got[i], e.expr).toBe(e.value);
      else
        expect(Math.abs(Number(got[i]) - wanted), e.expr).toBeLessThanOrEqual(
          1e-5 * Math.max(1, Math.abs(wanted)),
        );
    });
  });

  it("shows its tensors in the graph, with the last backward()'s gradients", () => {
    const trace = runProgram(source);
    const tensors = trace.nodes.filter((n) => n.shape.length > 0);
    expect(tensors.length).toBeGreaterThan(3);
    expect(trace.root).not.toBeNull();
    expect(trace.nodes[trace.root!].rootGrad).toEqual([1]);
    expect(trace.edges.some((e) => e.contribution !== null && e.local === null)).toBe(true);
  });
});
