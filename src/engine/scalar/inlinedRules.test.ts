import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngineArithmeticError, EngineUnsupportedError } from "../errors";
import { OpCode, SCALAR_OPS } from "./scalarOps";
import { Tape } from "../tape";

/**
 * Tape inlines SCALAR_OPS's rules in `apply` and `backward` for speed; the table stays the
 * definition. These tests hold the inlined copies to the table, bit for bit (NaN and -0 included),
 * int-ness included, on every operation and awkward operands.
 */

const BINARY = [OpCode.Add, OpCode.Mul, OpCode.Sub, OpCode.Div];
const UNARY = [OpCode.Relu, OpCode.Tanh, OpCode.Exp, OpCode.Log, OpCode.Sigmoid, OpCode.Neg];
const VALUES = [0, -0, 1, -1, 2, -3, 0.5, -0.25, 1e-300, 710, -710, 1e308, NaN, Infinity, -Infinity];
const EXPONENTS: [number, boolean][] = [
  [2, true],
  [3, true],
  [0, true],
  [-1, true],
  [-2, true],
  [0.5, false],
  [-0.5, false],
  [2, false],
  [1.5, false],
];

type Outcome = { value: number } | { error: string };

function outcome(f: () => number): Outcome {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof EngineArithmeticError) return { error: `${e.pythonType}: ${e.message}` };
    if (e instanceof EngineUnsupportedError) return { error: `unsupported: ${e.message}` };
    throw e;
  }
}

function expectSame(actual: Outcome, expected: Outcome): void {
  if ("value" in expected && "value" in actual) expect(Object.is(actual.value, expected.value)).toBe(true);
  else expect(actual).toEqual(expected);
}

interface Case {
  code: OpCode;
  x: number;
  xInt: boolean;
  y?: number;
  yInt?: boolean;
  k?: number;
  kInt?: boolean;
  /** Apply the op to x and x (`a * a`). */
  same?: boolean;
}

function* cases(): Generator<Case> {
  for (const x of VALUES) {
    for (const xInt of [false, true]) {
      if (xInt && !Number.isInteger(x)) continue;
      for (const code of UNARY) yield { code, x, xInt };
      for (const [k, kInt] of EXPONENTS) yield { code: OpCode.Pow, x, xInt, k, kInt };
      for (const code of BINARY) {
        yield { code, x, xInt, same: true };
        for (const y of [0, -0, 3, -0.75, NaN, Infinity]) {
          for (const yInt of [false, true])
            if (!yInt || Number.isInteger(y)) yield { code, x, xInt, y, yInt };
        }
      }
    }
  }
}

describe("the tape's inlined rules agree with SCALAR_OPS", () => {
  it("in apply: forward value, errors and int-ness", () => {
    let checked = 0;
    for (const c of cases()) {
      const rule = SCALAR_OPS[c.code];
      const t = new Tape();
      const x = t.leaf(c.x, c.xInt);
      const y = c.same ? x : c.y !== undefined ? t.leaf(c.y, c.yInt) : -1;
      const yd = y >= 0 ? t.data[y] : 0;
      const yInt = y >= 0 && t.isDataInt(y);
      const k = c.k ?? 0;
      const kInt = c.kInt ?? false;
      const expected = outcome(() => rule.forward(c.x, yd, k));
      let row = -1;
      expectSame(
        outcome(() => t.data[(row = t.apply(c.code, x, y, k, kInt))]),
        expected,
      );
      if ("value" in expected) {
        expect(t.isDataInt(row)).toBe(rule.resultIsInt(c.xInt, yInt, kInt, c.x, k));
      } else {
        expect(t.size).toBe(y > x ? 2 : 1); // a raising operation adds no row
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("in backward: local derivative × upstream gradient, errors and int-ness", () => {
    for (const c of cases()) {
      // The upstream gradient reaches the op's row through `out * g`, g an int or a float.
      for (const [g, gInt] of [
        [3, true],
        [-0.37, false],
      ] as const) {
        const rule = SCALAR_OPS[c.code];
        const t = new Tape();
        const x = t.leaf(c.x, c.xInt);
        const y = c.same ? x : c.y !== undefined ? t.leaf(c.y, c.yInt) : -1;
        const k = c.k ?? 0;
        const kInt = c.kInt ?? false;
        let out: number;
        try {
          out = t.apply(c.code, x, y, k, kInt);
        } catch {
          continue; // forward raised: covered above
        }
        const root = t.apply(OpCode.Mul, out, t.leaf(g, gInt, true));
        const xd = t.data[x];
        const yd = y >= 0 ? t.data[y] : 0;
        const xInt = t.isDataInt(x);
        const yInt = y >= 0 && t.isDataInt(y);
        // What backward must leave in the operands' grads, through the table: `out`'s grad is
        // g (root's local derivative for it, times root's grad 1), then the op's rule per operand.
        const expected = new Map<number, { grad: Outcome; isInt: boolean }>();
        const operands = y >= 0 ? [x, y] : [x];
        operands.forEach((row, i) => {
          const prev = expected.get(row) ?? { grad: { value: 0 }, isInt: true };
          const local = outcome(() => rule.local(i, xd, yd, k, t.data[out]));
          const grad: Outcome =
            "value" in prev.grad && "value" in local ? { value: prev.grad.value + local.value * g } : local;
          expected.set(row, { grad, isInt: prev.isInt && gInt && rule.localIsInt(i, xInt, yInt, kInt, k) });
        });
        const raised = outcome(() => {
          t.backward(root);
          return 0;
        });
        for (const [row, e] of expected) {
          if ("error" in e.grad) {
            expect(raised).toEqual(e.grad);
            continue;
          }
          expect(raised).toEqual({ value: 0 });
          expect(Object.is(t.grad[row], e.grad.value)).toBe(true);
          expect(t.isGradInt(row)).toBe(e.isInt);
        }
      }
    }
  });

  it("over random graphs: backward's .grad equals rootGradients (the table's path) bit for bit", () => {
    const ops = [...BINARY, ...UNARY, OpCode.Pow];
    const step = fc.record({
      op: fc.constantFrom(...ops),
      x: fc.nat(),
      y: fc.nat(),
      k: fc.constantFrom(2, 3, -1, 0.5),
      // Unrelated rows before the op, so what the root reaches is spread over many 32-row words.
      pad: fc.constantFrom(0, 0, 0, 1, 31, 70),
    });
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 2, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.array(step, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (leaves, steps, rootPick) => {
          const t = new Tape(2);
          for (const v of leaves) t.leaf(v);
          for (const s of steps) {
            for (let i = 0; i < s.pad; i++) t.leaf(i);
            try {
              const y = BINARY.includes(s.op) ? s.y % t.size : -1;
              t.apply(s.op, s.x % t.size, y, s.k, Number.isInteger(s.k));
            } catch (e) {
              if (!(e instanceof EngineArithmeticError || e instanceof EngineUnsupportedError)) throw e;
            }
          }
          const root = leaves.length + (rootPick % (t.size - leaves.length + 1)) - 1;
          const viaTable = outcome(() => t.rootGradients(root).grad[0]);
          const inlined = outcome(() => {
            t.backward(root);
            return t.grad[0];
          });
          if ("error" in viaTable) {
            expect(inlined).toEqual(viaTable);
            return;
          }
          const { grad, reaches } = t.rootGradients(root);
          if ("error" in inlined) {
            // backward() raises as micrograd does (0.0 ** -0.5 in the rule of `x ** 0.5` at 0);
            // the trace's ∂root/∂x describes the same step with its IEEE value, ±∞ or NaN.
            expect(inlined.error).toMatch(/^ZeroDivisionError/);
            let nonFinite = false;
            for (let i = 0; i < t.size; i++) if (reaches[i] && !Number.isFinite(grad[i])) nonFinite = true;
            expect(nonFinite).toBe(true);
            return;
          }
          for (let i = 0; i < t.size; i++) expect(Object.is(t.grad[i], grad[i])).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
