import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { nodeLabels } from "./naming";

const labelsOf = (source: string) => {
  const trace = runProgram(source);
  const labels = nodeLabels(trace);
  return trace.nodes.map((n) => ({ op: n.op, kind: n.kind, label: labels[n.id] }));
};

describe("nodeLabels", () => {
  it("names values by variable, else by expression, else by operation and operands", () => {
    const nodes = labelsOf(
      "from micrograd.engine import Value\nw = Value(-0.5)\nx = Value(2.0)\ny = (x * w).relu() + 3 / w\n",
    );
    expect(nodes.map((n) => n.label)).toEqual([
      "w",
      "x",
      "x * w",
      "(x * w).relu()",
      "w**-1",
      "3",
      "3 / w",
      "y",
    ]);
  });

  it("shows a constant as its number", () => {
    const nodes = labelsOf("from micrograd.engine import Value\na = Value(1.5)\nb = a * 2\n");
    expect(nodes.find((n) => n.kind === "const")?.label).toBe("2");
  });
});
