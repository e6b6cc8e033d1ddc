import { describe, expect, it } from "vitest";
import type { Trace } from "../../trace/trace";
import { runProgram } from "../runProgram";
import { OWN_BACKWARD_CODE } from "./ownValueMessages";
import { lineAt, lineOf, ownClassSource } from "./testing/ownClassSource";

/**
 * A learner's own backward() checked against the chain rule: each classic mistake gives exactly
 * one warning, on the line that makes it; a correct class gives none.
 */

/** A graph where every op is used and some values feed more than one op (`n`, `a`). */
const PROGRAM = `x = Value(0.5, label="x")
w = Value(-1.5, label="w")
b = Value(2.0, label="b")
n = x * w + b
o = n.tanh() * 3 + n**2 / 4 + n.exp() * 0.5
o.backward()
a = Value(3.0, label="a")
s = a + a
s.backward()
`;

function warnings(trace: Trace, source: string): { line: number; message: string }[] {
  return trace.diagnostics
    .filter((d) => d.code === OWN_BACKWARD_CODE)
    .map((d) => ({ line: d.span ? lineAt(source, d.span.from) : 0, message: d.message }));
}

/** The class with `from` replaced by `to` (exactly once). */
function withMistake(from: string, to: string, program = PROGRAM): string {
  const source = ownClassSource({ topo: "recursive" }) + program;
  expect(source.split(from).length, `one ${from}`).toBe(2);
  return source.replace(from, to);
}

describe("checking a learner's own backward()", () => {
  it("finds nothing wrong with a correct class", () => {
    for (const topo of ["recursive", "iterative"] as const) {
      const source = ownClassSource({ topo }) + PROGRAM;
      const trace = runProgram(source);
      expect(trace.ok).toBe(true);
      expect(warnings(trace, source)).toEqual([]);
      expect(trace.nodes.filter((n) => n.own?.check).every((n) => n.own!.check!.agrees)).toBe(true);
      expect(trace.edges.some((e) => e.mismatch)).toBe(false);
    }
  });

  const mistakes: { what: string; from: string; to: string; says: RegExp }[] = [
    {
      what: "the wrong operand in __mul__'s local derivative",
      from: "            self.grad += other.data * out.grad",
      to: "            self.grad += self.data * out.grad",
      says: /^`__mul__`'s `_backward` gives ∂.+ = .+; the chain rule gives ∂.+ = .+ \(∂\(self·other\)\/∂self = other\)$/,
    },
    {
      what: "tanh's 1 - t instead of 1 - t**2",
      from: "            self.grad += (1 - t**2) * out.grad",
      to: "            self.grad += (1 - t) * out.grad",
      says: /^`tanh`'s `_backward` gives ∂.+ = .+; the chain rule gives .+ \(∂tanh\(self\)\/∂self = 1 − tanh\(self\)²\)$/,
    },
    {
      what: "a forgotten out.grad factor",
      from: "            other.grad += self.data * out.grad",
      to: "            other.grad += self.data",
      says: /^`__mul__`'s `_backward` adds ∂.+ = .+ to .+\.grad without multiplying by .+\.grad = .+: the chain rule adds/,
    },
    {
      what: "__pow__'s exponent off by one",
      from: "            self.grad += k * self.data ** (k - 1) * out.grad",
      to: "            self.grad += k * self.data**k * out.grad",
      says: /^`__pow__`'s `_backward` gives ∂.+; the chain rule gives .+ \(∂\(self\*\*2\)\/∂self = 2·self\*\*1\)$/,
    },
    {
      what: "`=` instead of `+=`, which breaks a value used twice (a + a)",
      from: "            other.grad += out.grad",
      to: "            other.grad = out.grad",
      says: /^`__add__`'s `_backward` sets a\.grad with `=`, throwing away the 1\.0 it held/,
    },
  ];
  for (const m of mistakes) {
    it(`finds ${m.what}, on its line, once`, () => {
      const source = withMistake(m.from, m.to);
      const trace = runProgram(source);
      expect(trace.ok).toBe(true);
      const found = warnings(trace, source);
      expect(found.map((f) => f.line)).toEqual([lineOf(source, m.to)]);
      expect(found[0].message).toMatch(m.says);
      expect(trace.edges.some((e) => e.mismatch)).toBe(true);
    });
  }

  it("blames backward() for running the closures in creation order instead of reversed", () => {
    const source = withMistake("        for v in reversed(order):", "        for v in order:");
    const found = warnings(runProgram(source), source);
    expect(found.map((f) => f.line)).toEqual([lineOf(source, "            v._backward()")]);
    expect(found[0].message).toMatch(/before all of ∂.+ has reached it: run the `_backward`s in reverse/);
  });

  it("blames backward() for not seeding the root's grad with 1", () => {
    const source = withMistake("        self.grad = 1.0\n", "");
    const found = warnings(runProgram(source), source);
    expect(found.map((f) => f.line)).toEqual([lineOf(source, "    def backward(self):")]);
    expect(found[0].message).toMatch(/^backward\(\) leaves s\.grad = 0\.0, but ∂s\/∂s = 1/);
  });

  it("blames the op that never sets its result's _backward", () => {
    const source = withMistake(
      '        out = Value(math.exp(self.data), (self,), "exp")\n\n        def _backward():\n            self.grad += out.data * out.grad\n\n        out._backward = _backward\n',
      '        out = Value(math.exp(self.data), (self,), "exp")\n',
    );
    const found = warnings(runProgram(source), source);
    expect(found.map((f) => f.line)).toEqual([lineOf(source, "    def exp(self):")]);
    expect(found[0].message).toMatch(
      /^`exp` never sets its result's `_backward`: backward\(\) runs `__init__`'s `<lambda>`/,
    );
  });

  it("blames backward() for visiting a value twice (no visited set)", () => {
    const source = withMistake("            if v not in visited:\n", "            if True:\n");
    const found = warnings(runProgram(source), source);
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(lineOf(source, "            v._backward()"));
    expect(found[0].message).toMatch(/runs .+'s `_backward` \d times/);
  });

  it("blames the second backward() call when the grads were not zeroed before it", () => {
    const source = withMistake("o.backward()\n", "o.backward()\no.backward()\n");
    const found = warnings(runProgram(source), source);
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(lineOf(source, "o.backward()\no.backward()") + 1);
    expect(found[0].message).toMatch(/held .+ before this backward\(\), which added .+ set every grad to 0/);
  });

  it("says nothing about a training loop that zeroes its grads, and one warning a line for one that does not", () => {
    const loop = (zero: string) => `w = Value(0.4, label="w")
for step in range(3):
    loss = (w * 2.0 - 1.0) ** 2
${zero}    loss.backward()
    w.data -= 0.1 * w.grad
`;
    const right = ownClassSource() + loop("    w.grad = 0.0\n");
    expect(warnings(runProgram(right), right)).toEqual([]);
    const wrong = ownClassSource() + loop("");
    const found = warnings(runProgram(wrong), wrong);
    expect(found.map((f) => f.line)).toEqual([lineOf(wrong, "    loss.backward()")]);
  });
});
