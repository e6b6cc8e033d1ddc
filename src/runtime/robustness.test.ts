import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runProgram } from "./runProgram";

/**
 * Programs made at random from a small Python grammar, most of them wrong in some way: every
 * run must end in a trace — output, a Python error, a syntax or budget diagnostic — and never
 * in a thrown exception or an internal error.
 */
const { expression } = fc.letrec((tie) => ({
  expression: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(
      "a",
      "b",
      "xs",
      "d",
      "s",
      "1",
      "0",
      "-3",
      "2.5",
      "0.0",
      "'q'",
      "None",
      "True",
      "[1, a]",
      "(b,)",
      "{'k': a}",
      "{1, 2}",
      "Value(3)",
      "Value(-1.5)",
      "range(4)",
      "1e308",
      "float('nan')",
      "2**70",
    ),
    fc
      .tuple(
        tie("expression"),
        fc.constantFrom("+", "-", "*", "/", "//", "%", "**", "<", "==", "and", "or", "in", "is", "&", "<<"),
        tie("expression"),
      )
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc.tuple(fc.constantFrom("-", "not ", "~"), tie("expression")).map(([op, e]) => `(${op}${e})`),
    fc
      .tuple(
        fc.constantFrom(
          "len",
          "sum",
          "abs",
          "str",
          "int",
          "float",
          "list",
          "sorted",
          "max",
          "round",
          "set",
          "next",
          "math.exp",
          "math.log",
        ),
        tie("expression"),
      )
      .map(([f, e]) => `${f}(${e})`),
    fc
      .tuple(
        tie("expression"),
        fc.constantFrom(
          "data",
          "grad",
          "relu()",
          "tanh()",
          "log()",
          "backward()",
          "append(1)",
          "keys()",
          "upper()",
          "foo",
        ),
      )
      .map(([e, attribute]) => `${e}.${attribute}`),
    fc.tuple(tie("expression"), tie("expression")).map(([e, i]) => `${e}[${i}]`),
    fc.tuple(tie("expression"), tie("expression")).map(([e, i]) => `${e}[${i}:]`),
    tie("expression").map((e) => `[${e} for i in range(3)]`),
    tie("expression").map((e) => `f"{ ${e}!r:>5}"`),
  ),
}));

const statement = fc.oneof(
  fc
    .tuple(fc.constantFrom("a", "b", "xs", "a, b", "xs[0]", "d['k']", "a.data", "a.grad"), expression)
    .map(([t, e]) => `${t} = ${e}`),
  fc
    .tuple(fc.constantFrom("a", "b", "xs"), fc.constantFrom("+=", "-=", "*=", "/="), expression)
    .map(([t, op, e]) => `${t} ${op} ${e}`),
  expression.map((e) => `print(${e})`),
  expression.map((e) => `if ${e}:\n    xs = 1\nelse:\n    xs = 2`),
  expression.map((e) => `for i in ${e}:\n    a = a + i`),
  expression.map((e) => `try:\n    y = ${e}\nexcept Exception as err:\n    print(type(err).__name__, err)`),
  expression.map((e) => `def g(p=${e}):\n    return p * 2\nprint(g())`),
);

const PRELUDE =
  "import math\nfrom micrograd.engine import Value\na = Value(1.0)\nb = Value(2)\nxs = [1, 2]\nd = {'k': 1}\ns = 'str'\n";

describe("runProgram on random programs", () => {
  it("always returns a trace, never throws, never reports an internal error", () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 5 }), (statements) => {
        const trace = runProgram(PRELUDE + statements.join("\n") + "\n", { stepBudget: 20_000 });
        expect(trace.diagnostics.filter((d) => d.code === "internal")).toEqual([]);
        for (const d of trace.diagnostics) expect(d.span === null || d.span.from <= d.span.to).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
