import { describe, expect, it } from "vitest";
import { runProgram } from "./runProgram";

/**
 * Gradients through the interpreter against central finite differences. The program is run
 * once with backward(), then again with one leaf nudged by ±h (RunOptions.leafValues, by row),
 * reading the output's data: (out(x+h) - out(x-h)) / 2h must match x.grad.
 */
const EXPRESSIONS = [
  "a * b + a",
  "a - b / 2.0",
  "10.0 / (a * a + 1)",
  "(a ** 3 - 2 * b) ** 2",
  "(a * b).tanh() + (a - b).exp()",
  "(a * a + b * b).log()",
  "(a + b).relu() * (b - a).relu() + (a * 0.5).relu()",
  "(a * b).sigmoid() - 1 / (1 + a * a)",
  "sum([a * i for i in range(1, 4)], b)",
  "-a * (2 - b) + 3 * a / (b + 5)",
];

function program(expression: string, a: number, b: number): string {
  return `from micrograd.engine import Value\na = Value(${a})\nb = Value(${b})\nout = ${expression}\nout.backward()\n`;
}

function outputData(source: string, leaf: number, value: number): number {
  const trace = runProgram(source, { leafValues: new Map([[leaf, value]]) });
  const out = trace.nodes.find((n) => n.names.includes("out"))!;
  return out.data[0];
}

describe("backward() agrees with central finite differences", () => {
  it.each(EXPRESSIONS)("%s", (expression) => {
    const [aValue, bValue] = [0.7, -1.3];
    const source = program(expression, aValue, bValue);
    const trace = runProgram(source);
    expect(trace.diagnostics).toEqual([]);
    const h = 1e-6;
    for (const [row, x] of [
      [0, aValue],
      [1, bValue],
    ]) {
      const numeric = (outputData(source, row, x + h) - outputData(source, row, x - h)) / (2 * h);
      expect(trace.nodes[row].grad![0]).toBeCloseTo(numeric, 5);
      // a leaf the output does not depend on has no ∂out/∂x at all (null), and a zero gradient
      expect(trace.nodes[row].rootGrad?.[0] ?? 0).toBeCloseTo(numeric, 5);
    }
  });
});
