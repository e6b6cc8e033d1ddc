import { describe, expect, it } from "vitest";
import {
  addInPlace,
  backward,
  fillInPlace,
  index,
  matmul,
  mul,
  mulInPlace,
  reshape,
  rootGradients,
  setIndex,
  subInPlace,
  sum,
  tensor,
  zeros,
  add,
  type Nested,
} from "../index";

const f64 = (data: Nested, requiresGrad = false) => tensor(data, { dtype: "float64", requiresGrad });

describe("in-place operations recorded in the graph, as PyTorch rebases history", () => {
  it("`total += loss` in a loop accumulates a differentiable sum", () => {
    const w = f64([1, 2], true);
    const total = zeros([2], { dtype: "float64" });
    const firstId = total.id;
    for (const c of [1, 10, 100]) addInPlace(total, mul(w, c));
    expect(total.toNested()).toEqual([111, 222]);
    expect(total.isLeaf).toBe(false);
    expect(total.gradFn?.op).toBe("+");
    expect(total.id).not.toBe(firstId);
    backward(sum(total));
    expect(w.grad?.toNested()).toEqual([111, 111]);
  });

  it("`h += b` gives the same gradients as `h = h + b`", () => {
    const x = f64([
      [1, 2],
      [3, 4],
    ]);
    const W = f64(
      [
        [0.5, -1],
        [2, 1],
      ],
      true,
    );
    const b = f64([0.1, 0.2], true);
    const h = matmul(x, W);
    addInPlace(h, b);
    mulInPlace(h, h.gradFn ? 3 : 1);
    backward(sum(mul(h, h)));
    const W2 = f64(
      [
        [0.5, -1],
        [2, 1],
      ],
      true,
    );
    const b2 = f64([0.1, 0.2], true);
    const h2 = mul(add(matmul(x, W2), b2), 3);
    backward(sum(mul(h2, h2)));
    expect(W.grad?.toNested()).toEqual(W2.grad?.toNested());
    expect(b.grad?.toNested()).toEqual(b2.grad?.toNested());
  });

  it("the old value keeps its id in the graph, so the trace still shows what each op used", () => {
    const w = f64([3], true);
    const h = mul(w, 2);
    const oldId = h.id;
    const y = mul(h, 5);
    subInPlace(h, 1);
    const r = rootGradients(sum(add(y, h)));
    expect(r.grads.get(oldId)?.toNested()).toEqual([6]);
    expect(r.edges.filter((e) => e.fromId === oldId).map((e) => e.toId)).toContain(h.id);
  });

  it("refuses a saved value changed in place, as PyTorch does", () => {
    const w = f64([1, 2], true);
    const h = mul(w, 2);
    const y = mul(h, h);
    addInPlace(h, 1);
    expect(() => backward(sum(y))).toThrow(/modified by an inplace operation/);
  });

  it("assignment into a slice is differentiable with respect to both sides", () => {
    const w = f64([1, 2, 3], true);
    const out = zeros([2, 3], { dtype: "float64" });
    setIndex(out, [0], mul(w, 2));
    setIndex(out, [1, { start: 1 }], index(w, [{ stop: 2 }]));
    expect(out.toNested()).toEqual([
      [2, 4, 6],
      [0, 1, 2],
    ]);
    backward(
      sum(
        mul(
          out,
          f64([
            [1, 1, 1],
            [10, 10, 10],
          ]),
        ),
      ),
    );
    expect(w.grad?.toNested()).toEqual([12, 12, 2]);
  });

  it("fill_ cuts the gradient to the old value", () => {
    const w = f64([1, 2], true);
    const h = mul(w, 2);
    fillInPlace(h, 5);
    backward(sum(add(h, w)));
    expect(w.grad?.toNested()).toEqual([1, 1]);
  });

  it("refuses to record on a view, with a way out in the message", () => {
    const h = mul(f64([1, 2, 3, 4], true), 2);
    const v = reshape(h, [2, 2]);
    expect(() => addInPlace(v, 1)).toThrow(/GradLens does not record in-place operations on a view/);
  });
});
