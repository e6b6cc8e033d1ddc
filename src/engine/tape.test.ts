import { describe, expect, it } from "vitest";
import { EngineArithmeticError } from "./errors";
import { MicrogradOps } from "./scalar/microgradOps";
import { OpCode } from "./scalar/scalarOps";
import { Tape } from "./tape";

const float = (value: number) => ({ value, isInt: false });
const int = (value: number) => ({ value, isInt: true });

/**
 * The expression micrograd's README uses to show its engine, written against our API, so the
 * published figures (g = 24.7041, ∂g/∂a = 138.8338, ∂g/∂b = 645.5773) check the whole path.
 */
function readmeExpression(aData: number, bData: number) {
  const t = new Tape();
  const m = new MicrogradOps(t);
  const a = t.leaf(aData);
  const b = t.leaf(bData);
  let c = m.add(a, b);
  let d = m.add(m.mul(a, b), m.pow(b, int(3)));
  c = m.add(c, m.add(c, int(1)));
  c = m.add(c, m.add(m.radd(c, int(1)), m.neg(a)));
  d = m.add(d, m.add(m.mul(d, int(2)), m.relu(m.add(b, a))));
  d = m.add(d, m.add(m.rmul(d, int(3)), m.relu(m.sub(b, a))));
  const e = m.sub(c, d);
  const f = m.pow(e, int(2));
  let g = m.div(f, float(2.0));
  g = m.add(g, m.rdiv(f, float(10.0)));
  return { t, a, b, g };
}

describe("Tape with micrograd's operators", () => {
  it("reproduces micrograd's published README figures", () => {
    const { t, a, b, g } = readmeExpression(-4.0, 2.0);
    expect(t.data[g].toFixed(4)).toBe("24.7041");
    t.backward(g);
    expect(t.grad[a].toFixed(4)).toBe("138.8338");
    expect(t.grad[b].toFixed(4)).toBe("645.5773");
  });

  it("agrees with central finite differences in float64", () => {
    const { t, a, b, g } = readmeExpression(-4.0, 2.0);
    t.backward(g);
    const h = 1e-6;
    const value = (x: number, y: number) => {
      const r = readmeExpression(x, y);
      return r.t.data[r.g];
    };
    const numA = (value(-4 + h, 2) - value(-4 - h, 2)) / (2 * h);
    const numB = (value(-4, 2 + h) - value(-4, 2 - h)) / (2 * h);
    expect(t.grad[a]).toBeCloseTo(numA, 4);
    expect(t.grad[b]).toBeCloseTo(numB, 4);
  });

  it("accumulates across repeated backward() exactly as micrograd does", () => {
    // L = (x*3)*2: micrograd resets only the root's grad, so intermediates double and the
    // second pass pushes their doubled grads on: x.grad = 6, then 6 + 2*6 = 18.
    const t = new Tape();
    const m = new MicrogradOps(t);
    const x = t.leaf(5);
    const y = m.mul(x, int(3));
    const L = m.mul(y, int(2));
    t.backward(L);
    expect(t.grad[x]).toBe(6);
    expect(t.grad[y]).toBe(2);
    t.backward(L);
    expect(t.grad[y]).toBe(4);
    expect(t.grad[x]).toBe(18);
    expect(t.grad[L]).toBe(1);
  });

  it("keeps ∂root/∂x apart from .grad", () => {
    const t = new Tape();
    const m = new MicrogradOps(t);
    const x = t.leaf(5);
    const L = m.mul(m.mul(x, int(3)), int(2));
    t.backward(L);
    t.backward(L);
    const { grad, reaches } = t.rootGradients(L);
    expect(grad[x]).toBe(6);
    expect(reaches[x]).toBe(1);
    const unrelated = t.leaf(1);
    expect(t.rootGradients(L).reaches[unrelated]).toBe(0);
  });

  it("sums the contributions of a value used twice (fan-out)", () => {
    const t = new Tape();
    const m = new MicrogradOps(t);
    const a = t.leaf(3);
    const y = m.mul(a, a); // a*a: two edges from a
    t.backward(y);
    expect(t.grad[a]).toBe(6);
  });

  it("tracks Python's int and float results", () => {
    const t = new Tape();
    const m = new MicrogradOps(t);
    const a = t.leaf(2, true);
    const b = m.mul(a, int(3));
    expect(t.isDataInt(b)).toBe(true);
    t.backward(b);
    expect(t.isGradInt(a)).toBe(true); // micrograd prints a.grad as 3
    const c = m.div(a, int(2));
    expect(t.isDataInt(c)).toBe(false);
    const r = m.relu(t.leaf(-1.5));
    expect(t.data[r]).toBe(0);
    expect(t.isDataInt(r)).toBe(true); // micrograd's relu returns the int 0
    const e = m.exp(a);
    t.backward(e);
    expect(t.isGradInt(a)).toBe(false);
  });

  it("walks a 100,000-deep chain without overflowing the stack", () => {
    const t = new Tape();
    const m = new MicrogradOps(t);
    const x = t.leaf(0.5);
    let y = x;
    for (let i = 0; i < 100_000; i++) y = m.add(y, float(0.0));
    t.backward(y);
    expect(t.grad[x]).toBe(1);
  });

  it("gradchecks every unary primitive", () => {
    const ops = [OpCode.Tanh, OpCode.Exp, OpCode.Log, OpCode.Sigmoid, OpCode.Relu];
    for (const op of ops) {
      for (const x0 of [0.3, 1.7, 2.5]) {
        const t = new Tape();
        const x = t.leaf(x0);
        const y = t.apply(op, x);
        t.backward(y);
        const f = (v: number) => {
          const s = new Tape();
          return s.data[s.apply(op, s.leaf(v))];
        };
        const h = 1e-6;
        expect(t.grad[x]).toBeCloseTo((f(x0 + h) - f(x0 - h)) / (2 * h), 6);
      }
    }
  });

  it("raises where Python raises", () => {
    const t = new Tape();
    const m = new MicrogradOps(t);
    expect(() => m.pow(t.leaf(0), int(-1))).toThrow(EngineArithmeticError);
    expect(() => m.exp(t.leaf(1000))).toThrow(/math range error/);
    expect(() => m.log(t.leaf(0))).toThrow(/math domain error/);
    expect(() => m.div(t.leaf(1), int(0))).toThrow(/cannot be raised to a negative power/);
  });

  it("leaves values the root does not depend on alone, above and below it", () => {
    const t = new Tape();
    const m = new MicrogradOps(t);
    const x = t.leaf(2);
    const unrelated = t.leaf(7);
    const side = m.mul(unrelated, unrelated);
    const L = m.mul(x, float(3));
    const later = m.add(L, x);
    t.setGrad(side, 5, false);
    t.backward(L);
    expect(t.grad[x]).toBe(3);
    expect(t.grad[unrelated]).toBe(0);
    expect(t.grad[side]).toBe(5);
    expect(t.grad[later]).toBe(0);
  });

  it("grows past its initial capacity without losing rows", () => {
    const t = new Tape(1);
    const m = new MicrogradOps(t);
    const x = t.leaf(1.5);
    let y = x;
    for (let i = 0; i < 5000; i++) y = m.mul(y, float(1.0001));
    t.backward(y);
    expect(t.size).toBe(10001);
    expect(t.data[y]).toBeCloseTo(1.5 * 1.0001 ** 5000, 9);
    expect(t.grad[x]).toBeCloseTo(1.0001 ** 5000, 9);
  });

  it("truncates to a mark so a training loop rebuilds its graph in the same rows", () => {
    const t = new Tape(4);
    const m = new MicrogradOps(t);
    const w = t.leaf(0.5);
    const mark = t.size;
    const rows: number[] = [];
    for (let step = 0; step < 3; step++) {
      t.truncate(mark);
      const loss = m.mul(m.mul(w, w), float(2)); // 2w², ∂/∂w = 4w
      rows.push(loss);
      t.setGrad(w, 0, true);
      t.backward(loss);
      expect(t.grad[w]).toBe(4 * t.data[w]);
      expect(t.size).toBe(mark + 3);
      t.setData(w, t.data[w] - 0.1 * t.grad[w], false);
    }
    expect(new Set(rows).size).toBe(1); // the same rows each step
    expect(t.data[w]).toBeCloseTo(0.5 * 0.6 ** 3, 12);
    expect(() => t.truncate(t.size + 1)).toThrow(RangeError);
    expect(() => t.truncate(-1)).toThrow(RangeError);
    t.truncate(0);
    expect(t.size).toBe(0);
  });

  it("gives a reused row a zero grad, whatever the dropped row held", () => {
    const t = new Tape();
    const m = new MicrogradOps(t);
    const x = t.leaf(3);
    const y = m.mul(x, float(2));
    t.backward(y);
    t.backward(y);
    t.truncate(1);
    const z = m.add(x, float(1));
    expect(z).toBe(y); // the constant 1 takes the constant 2's row, z takes y's
    expect(t.grad[z]).toBe(0);
    expect(t.isGradInt(z)).toBe(true);
  });

  it("starts each pass afresh: a later root does not inherit what an earlier one reached", () => {
    const t = new Tape();
    const m = new MicrogradOps(t);
    const rows = Array.from({ length: 70 }, (_, i) => t.leaf(i + 1)); // more than two 32-row words
    const big = rows.slice(1).reduce((acc, r) => m.add(acc, r), rows[0]);
    const small = m.mul(rows[40], float(2));
    t.backward(big);
    const after = Array.from(t.grad);
    t.backward(small);
    const two = t.a[small] === rows[40] ? t.b[small] : t.a[small];
    for (let r = 0; r < t.size; r++) {
      if (r === rows[40]) expect(t.grad[r]).toBe(after[r] + 2);
      else if (r === two) expect(t.grad[r]).toBe(41);
      else if (r !== small) expect(t.grad[r]).toBe(after[r]);
    }
  });

  it("forgets a dropped row's data as the last backward() saw it", () => {
    const t = new Tape();
    const m = new MicrogradOps(t);
    const w = t.leaf(1);
    const mark = t.size;
    const h = m.mul(w, float(2));
    t.backward(h);
    t.setData(h, 5, false); // remembered: the trace shows h as backward() saw it
    t.truncate(mark);
    const fresh = t.leaf(7);
    expect(fresh).toBe(mark);
    t.leaf(8);
    expect(t.withDataAtLastBackward(() => t.data[h])).toBe(8); // the new value, not h's old 2
  });
});

describe("local derivatives where Python would raise", () => {
  it("describes x ** 0.5 at 0 with an infinite slope instead of raising", () => {
    const t = new Tape();
    const m = new MicrogradOps(t);
    const x = t.leaf(0);
    const y = m.pow(x, float(0.5));
    expect(t.localDerivative(y, 0)).toBe(Infinity);
    expect(t.rootGradients(y).grad[x]).toBe(Infinity);
    expect(() => t.backward(y)).toThrow(EngineArithmeticError); // backward raises, as micrograd's does
  });
});

describe("rows made by someone else's arithmetic", () => {
  it("records an op with the data it was given, and its rule's local derivatives", () => {
    const t = new Tape();
    const a = t.leaf(6);
    const b = t.leaf(4);
    const q = t.record(OpCode.Div, a, b, 0, false, 1.5, false);
    expect(t.data[q]).toBe(1.5);
    expect([t.localDerivative(q, 0), t.localDerivative(q, 1)]).toEqual([0.25, -6 / 16]);
    const d = t.record(OpCode.Sub, a, b, 0, false, 2, true);
    expect(t.isDataInt(d)).toBe(true);
    expect(t.operandsOf(d)).toEqual([a, b]);
    const { grad } = t.rootGradients(q);
    expect([grad[a], grad[b]]).toEqual([0.25, -0.375]);
  });

  it("keeps an opaque op's operands beside the rows, and computes no gradient through it", () => {
    const t = new Tape();
    const a = t.leaf(1);
    const b = t.leaf(2);
    const c = t.leaf(3);
    const s = t.opaque(6, false, [a, b, c]);
    expect(t.op[s]).toBe(OpCode.Opaque);
    expect(t.operandsOf(s)).toEqual([a, b, c]);
    // r = s + a: a reaches r directly and through s, whose rule is unknown
    const r = t.apply(OpCode.Add, s, a);
    const { grad, reaches } = t.rootGradients(r);
    expect([reaches[r], reaches[s], reaches[a], reaches[b]]).toEqual([1, 1, 0, 0]);
    expect(grad[s]).toBe(1);
    expect(grad[a]).toBe(0);
    t.backward(r); // micrograd's pass skips it as it skips a leaf
    expect(t.grad[s]).toBe(1);
    t.truncate(s);
    const again = t.opaque(1, false, [a]);
    expect(again).toBe(s);
    expect(t.operandsOf(again)).toEqual([a]);
  });
});
