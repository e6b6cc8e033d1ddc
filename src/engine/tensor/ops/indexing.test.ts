import { describe, expect, it } from "vitest";
import { arange, backward, index, reshape, setIndex, sum, tensor, gt, Tensor, type Nested } from "../index";

const grid = (rows: number, cols: number, requiresGrad = false) => {
  const x = reshape(arange(0, rows * cols, 1, { dtype: "float64" }), [rows, cols]);
  const leaf = Tensor.fromValues(x.copyValues(), x.shape, "float64");
  leaf.requiresGrad = requiresGrad;
  return leaf;
};
const ints = (v: Nested) => tensor(v, { dtype: "int64" });

describe("basic indexing", () => {
  it("ints (negative too), slices with steps, None and ellipsis", () => {
    const x = grid(4, 3);
    expect(index(x, [1]).toNested()).toEqual([3, 4, 5]);
    expect(index(x, [-1, -1]).toNested()).toBe(11);
    expect(index(x, [{}, 1]).toNested()).toEqual([1, 4, 7, 10]);
    expect(index(x, [{ start: 1, stop: 4, step: 2 }]).toNested()).toEqual([
      [3, 4, 5],
      [9, 10, 11],
    ]);
    expect(index(x, [{ start: -2 }]).shape).toEqual([2, 3]);
    expect(index(x, [null]).shape).toEqual([1, 4, 3]);
    expect(index(x, ["...", 0]).toNested()).toEqual([0, 3, 6, 9]);
    expect(index(x, [{ start: 10 }]).shape).toEqual([0, 3]);
  });

  it("raises PyTorch's IndexErrors", () => {
    const x = grid(4, 3);
    expect(() => index(x, [4])).toThrow("index 4 is out of bounds for dimension 0 with size 4");
    expect(() => index(x, [0, -4])).toThrow("index -4 is out of bounds for dimension 1 with size 3");
    expect(() => index(x, [0, 0, 0])).toThrow("too many indices for tensor of dimension 2");
    expect(() => index(x, [{ step: -1 }])).toThrow("step must be greater than zero");
  });
});

describe("advanced indexing", () => {
  it("an index list or tensor along a dim picks rows or columns", () => {
    const x = grid(4, 3);
    expect(index(x, [[0, 2]]).toNested()).toEqual([
      [0, 1, 2],
      [6, 7, 8],
    ]);
    expect(index(x, [{}, ints([2, 0])]).toNested()).toEqual([
      [2, 0],
      [5, 3],
      [8, 6],
      [11, 9],
    ]);
    expect(index(x, [ints([[0], [3]])]).shape).toEqual([2, 1, 3]);
  });

  it("paired index tensors pick elements (makemore's probs[arange(n), ys]) and repeats accumulate", () => {
    const x = grid(3, 3, true);
    const picked = index(x, [arange(0, 3, 1, { allInts: true }), ints([2, 0, 2])]);
    expect(picked.toNested()).toEqual([2, 3, 8]);
    backward(sum(index(x, [ints([0, 0, 1])])));
    expect(x.grad?.toNested()).toEqual([
      [2, 2, 2],
      [1, 1, 1],
      [0, 0, 0],
    ]);
  });

  it("separated index tensors put their dims first, adjacent ones where they stood", () => {
    const x = reshape(arange(0, 24, 1, { dtype: "float64" }), [2, 3, 4]);
    expect(index(x, [ints([0, 1]), {}, ints([0, 3])]).shape).toEqual([2, 3]);
    expect(index(x, [{}, ints([0, 1]), ints([0, 3])]).shape).toEqual([2, 2]);
    expect(index(x, [{}, ints([[0, 1]]), {}]).shape).toEqual([2, 1, 2, 4]);
  });

  it("a bool mask selects the true elements", () => {
    const x = grid(2, 3);
    expect(index(x, [gt(x, 2)]).toNested()).toEqual([3, 4, 5]);
    expect(() => index(x, [tensor([1, 0, 1], { dtype: "bool" })])).toThrow(
      "The shape of the mask [3] at index 0 does not match the shape of the indexed tensor [2, 3] at index 0",
    );
  });

  it("assignment writes the picked elements", () => {
    const x = grid(2, 3);
    setIndex(x, [ints([1]), ints([2])], 50);
    setIndex(x, [gt(x, 40)], -1);
    expect(x.toNested()).toEqual([
      [0, 1, 2],
      [3, 4, -1],
    ]);
  });
});
