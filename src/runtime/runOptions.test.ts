import { describe, expect, it } from "vitest";
import { runProgram } from "./runProgram";

const source = [
  "from micrograd.engine import Value",
  "a = Value(3.0)",
  "b = Value(-2.0)",
  "c = a * b",
  "d = c + a",
  "print(d.data)",
].join("\n");

describe("run options", () => {
  it("differentiates a chosen output when the program calls no backward()", () => {
    const first = runProgram(source);
    expect(first.root).toBeNull();
    const c = first.nodes.find((n) => n.names.includes("c"))!.id;
    const trace = runProgram(source, { output: c });
    expect(trace.root).toBe(c);
    const a = trace.nodes.find((n) => n.names.includes("a"))!;
    expect(a.rootGrad).toEqual([-2]); // ∂c/∂a = b
    expect(a.grad).toEqual([0]); // .grad is untouched: the program never called backward()
  });

  it("differentiates a value chosen by name", () => {
    const trace = runProgram(source, { outputName: "d" });
    const d = trace.nodes.find((n) => n.names.includes("d"))!;
    expect(trace.root).toBe(d.id);
    expect(trace.nodes.find((n) => n.names.includes("a"))!.rootGrad).toEqual([-1]); // b + 1
    expect(runProgram(source, { outputName: "nothing" }).root).toBeNull();
  });

  it("re-runs the program with leaves moved, by row", () => {
    const first = runProgram(source);
    const a = first.nodes.find((n) => n.names.includes("a"))!.id;
    const trace = runProgram(source, { leafValues: new Map([[a, 5.5]]) });
    expect(trace.stdout).toBe("-5.5\n"); // 5.5 * -2 + 5.5
    expect(trace.nodes[a].data).toEqual([5.5]);
  });
});
