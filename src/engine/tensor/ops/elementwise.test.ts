import { describe, expect, it } from "vitest";
import {
  add,
  backward,
  div,
  maximum,
  max,
  mul,
  pow,
  scalar,
  sub,
  sum,
  tensor,
  where,
  gt,
  neg,
  clamp,
  relu,
  sigmoid,
  cast,
  Tensor,
  TensorError,
  floorDivide,
  remainder,
  bitwiseAnd,
  bitwiseOr,
  bitwiseXor,
  stepFunction,
} from "../index";

const f64 = (data: number[] | number[][] | number, requiresGrad = false) =>
  tensor(data, { dtype: "float64", requiresGrad });
const i64 = (data: number[] | number) => tensor(data, { dtype: "int64" });

describe("broadcasting arithmetic", () => {
  it("adds a row to every row and an outer product of a column and a row", () => {
    expect(
      add(
        f64([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        f64([10, 20, 30]),
      ).toNested(),
    ).toEqual([
      [11, 22, 33],
      [14, 25, 36],
    ]);
    const outer = mul(f64([[1], [2], [3]]), f64([[1, 10]]));
    expect(outer.shape).toEqual([3, 2]);
    expect(outer.toNested()).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
  });

  it("names both sizes and the dimension when shapes do not broadcast", () => {
    const a = f64([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = f64([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    expect(() => add(a, b)).toThrow(
      "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
    );
    try {
      mul(a, b);
    } catch (e) {
      expect(e).toBeInstanceOf(TensorError);
      expect((e as TensorError).pythonType).toBe("RuntimeError");
    }
  });

  it("sums a broadcast operand's gradient back to its shape", () => {
    const a = f64(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      true,
    );
    const b = f64([10, 20, 30], true);
    backward(sum(mul(a, b)));
    expect(b.grad?.toNested()).toEqual([5, 7, 9]);
    expect(a.grad?.toNested()).toEqual([
      [10, 20, 30],
      [10, 20, 30],
    ]);
  });

  it("sub and div give the right gradients to both sides", () => {
    const a = f64([6], true);
    const b = f64([3], true);
    backward(sum(add(sub(a, b), div(a, b))));
    expect(a.grad?.item()).toBeCloseTo(1 + 1 / 3, 15);
    expect(b.grad?.item()).toBeCloseTo(-1 - 6 / 9, 15);
  });
});

describe("type promotion", () => {
  it("follows PyTorch: ints stay ints, / is true division, wrapped numbers promote weakly", () => {
    expect(add(i64([1, 2]), i64([3, 4])).dtype).toBe("int64");
    expect(mul(i64([1, 2]), scalar(2, "int")).dtype).toBe("int64");
    expect(mul(i64([1, 2]), 2.5).dtype).toBe("float32");
    expect(div(i64([1, 2]), i64([2, 2])).toNested()).toEqual([0.5, 1]);
    expect(add(f64([1]), tensor([1], { dtype: "float32" })).dtype).toBe("float64");
    expect(add(tensor([1, 2], { dtype: "float32" }), f64(1)).dtype).toBe("float32");
    expect(mul(tensor([1, 2], { dtype: "float32" }), 2).dtype).toBe("float32");
  });

  it("rounds float32 results to float32", () => {
    const x = tensor([0.1], { dtype: "float32" });
    expect(x.item()).toBe(Math.fround(0.1));
    expect(add(x, 0.2).item()).toBe(Math.fround(Math.fround(0.1) + 0.2));
  });

  it("refuses what PyTorch refuses", () => {
    expect(() => pow(i64([2]), scalar(-1, "int"))).toThrow(
      "Integers to negative integer powers are not allowed.",
    );
    expect(() => neg(tensor([1], { dtype: "bool" }))).toThrow(/Negation, the `-` operator, on a bool tensor/);
    expect(() => tensor([1, 2], { dtype: "int64", requiresGrad: true })).toThrow(/floating point/);
  });

  it("casts with .to(dtype), truncating toward zero for int64", () => {
    expect(cast(f64([-1.7, 2.9]), "int64").toNested()).toEqual([-1, 2]);
  });
});

describe("pow, where, maximum, max and friends", () => {
  it("pow with a number exponent: k·x^(k−1); with a tensor exponent at base 0: 0, not NaN", () => {
    const x = f64([3], true);
    backward(sum(pow(x, 2)));
    expect(x.grad?.item()).toBe(6);
    const base = f64([0, 2], true);
    const e = f64([2, 3], true);
    backward(sum(pow(base, e)));
    expect(e.grad?.toNested()).toEqual([0, 8 * Math.log(2)]);
    expect(base.grad?.toNested()).toEqual([0, 12]);
  });

  it("float32 squares and cubes: PyTorch's roundings (the cube rounds its square first), kept in a Float32Array", () => {
    const xs = [0.1, -2.7, 3.3333333, 1e-30, 123456.789, -7.25];
    const x = tensor(xs, { dtype: "float32" });
    const f = xs.map(Math.fround);
    const square = pow(x, 2);
    const cube = pow(x, 3);
    expect(square.storage.data).toBeInstanceOf(Float32Array);
    expect(cube.storage.data).toBeInstanceOf(Float32Array);
    expect(square.toNested()).toEqual(f.map((v) => Math.fround(v * v)));
    expect(cube.toNested()).toEqual(f.map((v) => Math.fround(Math.fround(v * v) * v)));
    // one rounding fewer gives another float for one of these
    expect(cube.toNested()).not.toEqual(f.map((v) => Math.fround(v * v * v)));
    expect(pow(f64(xs), 3).toNested()).toEqual(xs.map((v) => v * v * v));
  });

  it("where routes the gradient by the condition", () => {
    const a = f64([1, -2, 3], true);
    const b = f64([10, 20, 30], true);
    backward(sum(where(gt(a, 0), a, b)));
    expect(a.grad?.toNested()).toEqual([1, 0, 1]);
    expect(b.grad?.toNested()).toEqual([0, 1, 0]);
    expect(() => where(f64([1]), a, b)).toThrow(
      "where expected condition to be a boolean tensor, but got a tensor with dtype Double",
    );
  });

  it("shares the gradient on ties: maximum gives ½ each, max() splits evenly", () => {
    const a = f64([1, 5], true);
    const b = f64([1, 2], true);
    backward(sum(maximum(a, b)));
    expect(a.grad?.toNested()).toEqual([0.5, 1]);
    expect(b.grad?.toNested()).toEqual([0.5, 0]);
    const c = f64([3, 1, 3, 3], true);
    backward(max(c));
    expect(c.grad?.toNested()).toEqual([1 / 3, 0, 1 / 3, 1 / 3]);
  });

  it("relu keeps NaN and clamp passes the gradient inside [min, max] inclusive", () => {
    expect(relu(f64([NaN, -1, 2])).toNested()).toEqual([NaN, 0, 2]);
    const x = f64([-2, -1, 0, 1, 2], true);
    backward(sum(clamp(x, -1, 1)));
    expect(x.grad?.toNested()).toEqual([0, 1, 1, 1, 0]);
  });

  it("sigmoid does not overflow for large inputs", () => {
    expect(sigmoid(f64([-1000, 0, 1000])).toNested()).toEqual([0, 0.5, 1]);
  });

  it("keeps the operand order in the graph for the trace", () => {
    const a = f64([1], true);
    const y = mul(a, 2);
    expect(y.gradFn?.inputs[0]).toBe(a);
    expect(y.gradFn?.inputs[1]).toBeInstanceOf(Tensor);
    expect(y.gradFn?.rules).toEqual(["∂(a·b)/∂a = b", "∂(a·b)/∂b = a"]);
  });
});

describe("Python's integer operators and step functions", () => {
  it("floor division and remainder follow Python's signs", () => {
    expect(floorDivide(tensor([7, -7], { dtype: "int64" }), scalar(2, "int")).toNested()).toEqual([3, -4]);
    expect(remainder(tensor([7, -7], { dtype: "int64" }), scalar(3, "int")).toNested()).toEqual([1, 2]);
    expect(remainder(f64([5.5]), -2).toNested()).toEqual([-0.5]);
    expect(() => floorDivide(tensor([1], { dtype: "int64" }), scalar(0, "int"))).toThrow("ZeroDivisionError");
  });

  it("& | ^ on masks, and rounding half to even", () => {
    const a = tensor([1, 1, 0], { dtype: "bool" });
    const b = tensor([1, 0, 0], { dtype: "bool" });
    expect(bitwiseAnd(a, b).toNested()).toEqual([1, 0, 0]);
    expect(bitwiseOr(a, b).dtype).toBe("bool");
    expect(bitwiseXor(a, b).toNested()).toEqual([0, 1, 0]);
    expect(() => bitwiseAnd(f64([1]), f64([1]))).toThrow(`"bitwise_and_cpu" not implemented for 'Double'`);
    expect(stepFunction(f64([0.5, 1.5, 2.5, -0.5]), "round").toNested()).toEqual([0, 2, 2, -0]);
    expect(stepFunction(f64([-2, 0, 3]), "sign").toNested()).toEqual([-1, 0, 1]);
  });
});
