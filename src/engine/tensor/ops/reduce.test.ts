import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  add,
  cast,
  Generator,
  mul,
  randn,
  t,
  arange,
  argmax,
  backward,
  maxAlong,
  mean,
  minAlong,
  prod,
  reshape,
  sum,
  tensor,
  max,
  min,
  variance,
  std,
  logsumexp,
  norm,
} from "../index";

const cube = () => reshape(arange(0, 24, 1, { dtype: "float64" }), [2, 3, 4]);

describe("sum, mean, prod", () => {
  it("reduce over all, one dim, a tuple of dims and negative dims, with keepdim", () => {
    const x = cube();
    expect(sum(x).item()).toBe(276);
    expect(sum(x).shape).toEqual([]);
    expect(sum(x, 1).toNested()).toEqual([
      [12, 15, 18, 21],
      [48, 51, 54, 57],
    ]);
    expect(sum(x, [0, -1]).toNested()).toEqual([60, 92, 124]);
    expect(sum(x, [0, 2], true).shape).toEqual([1, 3, 1]);
    expect(mean(x, -1).toNested()).toEqual([
      [1.5, 5.5, 9.5],
      [13.5, 17.5, 21.5],
    ]);
    expect(
      prod(
        tensor(
          [
            [1, 2],
            [3, 4],
          ],
          { dtype: "float64" },
        ),
        0,
      ).toNested(),
    ).toEqual([3, 8]);
  });

  it("spread the gradient back over the reduced dims", () => {
    const x = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: "float64", requiresGrad: true },
    );
    backward(sum(mean(x, 0)));
    expect(x.grad?.toNested()).toEqual([
      [0.5, 0.5, 0.5],
      [0.5, 0.5, 0.5],
    ]);
    const y = tensor([2, 0, 3], { dtype: "float64", requiresGrad: true });
    backward(prod(y));
    expect(y.grad?.toNested()).toEqual([0, 6, 0]);
  });

  it("word errors as PyTorch does", () => {
    expect(() => sum(cube(), 3)).toThrow(
      "Dimension out of range (expected to be in range of [-3, 2], but got 3)",
    );
    expect(() => mean(tensor([1, 2], { dtype: "int64" }))).toThrow(
      "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long",
    );
    expect(sum(tensor([1, 2], { dtype: "int64" })).dtype).toBe("int64");
  });
});

describe("max and min", () => {
  it("along a dim return values and the index of the first extreme element", () => {
    const x = tensor(
      [
        [1, 5, 5],
        [7, 2, 0],
      ],
      { dtype: "float64", requiresGrad: true },
    );
    const { values, indices } = maxAlong(x, 1);
    expect(values.toNested()).toEqual([5, 7]);
    expect(indices.toNested()).toEqual([1, 0]);
    expect(indices.dtype).toBe("int64");
    expect(maxAlong(x, 0, true).values.shape).toEqual([1, 3]);
    expect(minAlong(x, -1).indices.toNested()).toEqual([0, 2]);
    backward(sum(values));
    expect(x.grad?.toNested()).toEqual([
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });

  it("over everything, with NaN propagating; argmax flat or along a dim", () => {
    expect(max(tensor([1, NaN, 3], { dtype: "float64" })).item()).toBeNaN();
    expect(min(tensor([4, -1, 3], { dtype: "float64" })).item()).toBe(-1);
    expect(
      argmax(
        tensor(
          [
            [1, 9],
            [8, 2],
          ],
          { dtype: "float64" },
        ),
      ).item(),
    ).toBe(1);
    expect(
      argmax(
        tensor(
          [
            [1, 9],
            [8, 2],
          ],
          { dtype: "float64" },
        ),
        0,
      ).toNested(),
    ).toEqual([1, 0]);
    expect(() => max(tensor([], { dtype: "float64" }))).toThrow(/Expected reduction dim to be specified/);
  });
});

describe("statistics", () => {
  it("var and std with Bessel's correction by default, logsumexp stable, norm", () => {
    const x = tensor([1, 2, 3, 4], { dtype: "float64" });
    expect(variance(x).item()).toBeCloseTo(1.6666666666666667, 15);
    expect(variance(x, 0, 0).item()).toBe(1.25);
    expect(std(x).item()).toBeCloseTo(1.2909944487358056, 15);
    expect(logsumexp(tensor([1000, 1000], { dtype: "float64" }), 0).item()).toBeCloseTo(
      1000.6931471805599,
      12,
    );
    expect(norm(tensor([3, 4], { dtype: "float64" })).item()).toBe(5);
    expect(
      std(
        tensor(
          [
            [1, 3],
            [5, 9],
          ],
          { dtype: "float64" },
        ),
        1,
        1,
        true,
      ).toNested(),
    ).toEqual([[Math.SQRT2], [2 * Math.SQRT2]]);
  });
});

describe("float sums and means in PyTorch's cascade order", () => {
  interface SumCase {
    shape: number[];
    dtype: "float32" | "float64";
    dims: number | number[] | null;
    transpose: boolean;
    op: "sum" | "mean";
    values: number[];
  }
  const cases = JSON.parse(readFileSync(join(__dirname, "../fixtures/torchSums.json"), "utf8")) as SumCase[];

  it("match torch 1.13.1 bit for bit (recordTorchSums.py)", () => {
    expect(cases.length).toBe(194);
    for (const c of cases) {
      const g = new Generator(7);
      let x = add(mul(cast(randn(c.shape, { generator: g }), c.dtype), 3.1), 1);
      if (c.transpose) x = t(x);
      const r = c.op === "sum" ? sum(x, c.dims) : mean(x, c.dims);
      const label = `${c.op} ${c.dtype} [${c.shape}]${c.transpose ? "ᵀ" : ""} dims=${JSON.stringify(c.dims)}`;
      expect({ label, values: Array.from(r.values()) }).toEqual({ label, values: c.values });
    }
  });
});
