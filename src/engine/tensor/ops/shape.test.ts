import { describe, expect, it } from "vitest";
import {
  arange,
  backward,
  cat,
  contiguous,
  expand,
  flatten,
  index,
  permute,
  reshape,
  setIndex,
  squeeze,
  stack,
  sum,
  t,
  T,
  tensor,
  transpose,
  unsqueeze,
  view,
  mul,
  withNoGrad,
} from "../index";

const grid = (rows: number, cols: number) =>
  reshape(arange(0, rows * cols, 1, { dtype: "float64" }), [rows, cols]);

describe("views share storage where PyTorch's do", () => {
  it("reshape of a contiguous tensor, transpose, permute, squeeze, unsqueeze and slices are views", () => {
    const x = grid(2, 3);
    for (const v of [
      reshape(x, [3, 2]),
      transpose(x, 0, 1),
      permute(x, [1, 0]),
      unsqueeze(x, 0),
      squeeze(unsqueeze(x, 1)),
      index(x, [{ step: 2 }]),
    ])
      expect(v.storage).toBe(x.storage);
    const y = reshape(x, [6]);
    setIndex(y, [0], 100);
    expect(x.at(0, 0)).toBe(100);
  });

  it("transpose is not contiguous; contiguous() copies it row-major", () => {
    const tr = transpose(grid(2, 3), 0, 1);
    expect(tr.isContiguous()).toBe(false);
    expect(tr.toNested()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    const c = contiguous(tr);
    expect(c.isContiguous()).toBe(true);
    expect(c.storage).not.toBe(tr.storage);
    expect([...c.values()]).toEqual([0, 3, 1, 4, 2, 5]);
  });

  it("reshape copies where a view is impossible, and view says so", () => {
    const tr = transpose(grid(2, 3), 0, 1);
    expect(reshape(tr, [6]).toNested()).toEqual([0, 3, 1, 4, 2, 5]);
    expect(() => view(tr, [6])).toThrow(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
    const rows = index(grid(4, 3), [{ step: 2 }]);
    expect(view(rows, [2, 3, 1]).storage).toBe(rows.storage);
    expect(view(rows, [2, 1, 3]).toNested()).toEqual([[[0, 1, 2]], [[6, 7, 8]]]);
  });

  it("infers one -1 and words bad shapes as PyTorch does", () => {
    expect(reshape(grid(2, 3), [-1, 2]).shape).toEqual([3, 2]);
    expect(() => reshape(grid(2, 3), [4, 2])).toThrow("shape '[4, 2]' is invalid for input of size 6");
    expect(() => reshape(grid(2, 3), [-1, -1])).toThrow("only one dimension can be inferred");
  });

  it("T reverses dims, t() refuses 3-d, permute checks its length, flatten and expand", () => {
    const x = reshape(arange(0, 24, 1, { dtype: "float64" }), [2, 3, 4]);
    expect(T(x).shape).toEqual([4, 3, 2]);
    expect(() => t(x)).toThrow("t() expects a tensor with <= 2 dimensions, but self is 3D");
    expect(() => permute(x, [0, 1])).toThrow(/input.dim\(\) = 3 is not equal to len\(dims\) = 2/);
    expect(flatten(x, 1).shape).toEqual([2, 12]);
    expect(expand(tensor([[1], [2]], { dtype: "float64" }), [2, 3]).toNested()).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
    expect(() => expand(tensor([1, 2], { dtype: "float64" }), [3, 3])).toThrow(
      /The expanded size of the tensor \(3\) must match the existing size \(2\) at non-singleton dimension 1/,
    );
    expect(squeeze(tensor([[[1]], [[2]]], { dtype: "float64" })).shape).toEqual([2]);
    expect(squeeze(grid(2, 3), 0).shape).toEqual([2, 3]);
    expect(() => unsqueeze(grid(2, 3), 3)).toThrow(
      "Dimension out of range (expected to be in range of [-3, 2], but got 3)",
    );
  });

  it("gradients flow back through views to the right elements", () => {
    const x = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: "float64", requiresGrad: true },
    );
    const w = tensor(
      [
        [1, 10],
        [100, 1000],
        [1e4, 1e5],
      ],
      { dtype: "float64" },
    );
    backward(sum(mul(transpose(x, 0, 1), w)));
    expect(x.grad?.toNested()).toEqual([
      [1, 100, 1e4],
      [10, 1000, 1e5],
    ]);
  });
});

describe("cat and stack", () => {
  it("joins along a dim and hands each operand its slice of the gradient", () => {
    const a = tensor([[1, 2]], { dtype: "float64", requiresGrad: true });
    const b = tensor(
      [
        [3, 4],
        [5, 6],
      ],
      { dtype: "float64", requiresGrad: true },
    );
    const c = cat([a, b], 0);
    expect(c.toNested()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    backward(sum(mul(c, tensor([[1], [2], [3]], { dtype: "float64" }))));
    expect(a.grad?.toNested()).toEqual([[1, 1]]);
    expect(b.grad?.toNested()).toEqual([
      [2, 2],
      [3, 3],
    ]);
    expect(cat([a, a], 1).toNested()).toEqual([[1, 2, 1, 2]]);
  });

  it("stack adds a dim; both word size errors as PyTorch does", () => {
    const a = tensor([1, 2], { dtype: "float64" });
    expect(stack([a, a], 1).toNested()).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(() => stack([a, tensor([1, 2, 3], { dtype: "float64" })])).toThrow(
      "stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1",
    );
    expect(() => cat([grid(2, 3), grid(3, 2)], 0)).toThrow(
      "Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for tensor number 1 in the list.",
    );
  });
});

describe("in-place writes through views", () => {
  it("bumps the version and writes only the viewed elements", () => {
    const x = grid(2, 3);
    const before = x.version;
    withNoGrad(() => setIndex(x, [{}, 1], tensor([7, 8], { dtype: "float64" })));
    expect(x.toNested()).toEqual([
      [0, 7, 2],
      [3, 8, 5],
    ]);
    expect(x.version).toBe(before + 1);
  });
});
