import { describe, expect, it } from "vitest";
import { OpCode } from "../../engine/scalar/scalarOps";
import { knownOp } from "./opLabels";

describe("the op labels of learners' own autograd classes", () => {
  it("reads the lecture's labels and their common spellings", () => {
    const cases: [string, number, OpCode][] = [
      ["+", 2, OpCode.Add],
      ["add", 2, OpCode.Add],
      ["*", 2, OpCode.Mul],
      ["MUL", 2, OpCode.Mul],
      ["-", 2, OpCode.Sub],
      ["-", 1, OpCode.Neg],
      ["neg", 1, OpCode.Neg],
      ["/", 2, OpCode.Div],
      ["tanh", 1, OpCode.Tanh],
      ["exp", 1, OpCode.Exp],
      ["ReLU", 1, OpCode.Relu],
      ["relu", 1, OpCode.Relu],
      ["log", 1, OpCode.Log],
      ["sigmoid", 1, OpCode.Sigmoid],
      // a value used twice, kept once in a set
      ["+", 1, OpCode.Add],
      ["*", 1, OpCode.Mul],
    ];
    for (const [label, operands, code] of cases) expect(knownOp(label, operands)?.code, label).toBe(code);
  });

  it("reads the exponent of a power from its label", () => {
    expect(knownOp("**2", 1)).toEqual({ code: OpCode.Pow, k: 2, kIsInt: true });
    expect(knownOp("**-1", 1)).toEqual({ code: OpCode.Pow, k: -1, kIsInt: true });
    expect(knownOp("**0.5", 1)).toEqual({ code: OpCode.Pow, k: 0.5, kIsInt: false });
    expect(knownOp("**2.0", 1)).toEqual({ code: OpCode.Pow, k: 2, kIsInt: false });
    expect(knownOp("^3", 1)).toEqual({ code: OpCode.Pow, k: 3, kIsInt: true });
    expect(knownOp("pow(2)", 1)).toEqual({ code: OpCode.Pow, k: 2, kIsInt: true });
  });

  it("knows no rule for anything else, or for a known label with the wrong number of operands", () => {
    for (const [label, operands] of [
      ["**", 1],
      ["**2", 2],
      ["tanh", 2],
      ["+", 3],
      ["matmul", 2],
      ["", 1],
      ["softmax", 1],
    ] as const) {
      expect(knownOp(label, operands), `${label} with ${operands}`).toBeNull();
    }
  });
});
