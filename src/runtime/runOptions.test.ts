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

describe("onRunEnded", () => {
  it("tells the program's output and its located error before the trace is built", () => {
    const failing = "print('started')\nx = 1\ny = x / 0\nprint('never')\n";
    const seen: unknown[] = [];
    const trace = runProgram(failing, { onRunEnded: (ended) => seen.push(ended) });
    expect(seen).toEqual([
      {
        ok: false,
        stdout: "started\n",
        diagnostics: [expect.objectContaining({ message: "ZeroDivisionError: division by zero" })],
      },
    ]);
    const told = (seen[0] as { diagnostics: { span: { from: number } }[] }).diagnostics[0];
    expect(told.span.from).toBe(failing.indexOf("x / 0"));
    expect(trace.stdout).toBe("started\n");
  });

  it("is told once for a program that runs to its end, and for JavaScript too", () => {
    const ok: boolean[] = [];
    runProgram(source, { onRunEnded: (ended) => ok.push(ended.ok) });
    runProgram("console.log(1)", { language: "javascript", onRunEnded: (ended) => ok.push(ended.ok) });
    expect(ok).toEqual([true, true]);
  });
});
