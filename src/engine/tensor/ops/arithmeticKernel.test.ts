import { describe, expect, it } from "vitest";
import { contiguousStrides } from "../shapeMath";
import { Storage, Tensor } from "../tensor";
import { arithmeticTensor } from "./arithmeticKernel";
import { Binary, binaryValues } from "./binaryKernel";

/** Values that round differently in float32 and float64, with a zero, a negative and a tiny one. */
function tensorOf(values: number[], shape: number[], dtype: "float32" | "float64"): Tensor {
  const data = Float64Array.from(values, (v) => (dtype === "float32" ? Math.fround(v) : v));
  return new Tensor(new Storage(data), shape, contiguousStrides(shape), 0, dtype);
}

const xs = [0.1, -2.7, 3.3333333, 0, 1e-30, 7.25, -0.3, 123456.789];

describe("the fast + − × ÷ kernel", () => {
  for (const dtype of ["float32", "float64"] as const)
    for (const code of [Binary.Add, Binary.Sub, Binary.Mul, Binary.Div])
      it(`gives the general kernel's numbers bit for bit (${dtype}, op ${code})`, () => {
        const vector = tensorOf(xs, [2, 4], dtype);
        const other = tensorOf(
          xs.map((v) => v * 1.7 - 0.9),
          [2, 4],
          dtype,
        );
        const single = tensorOf([0.37], [], dtype);
        for (const [a, b] of [
          [vector, other],
          [single, vector],
          [vector, single],
        ]) {
          const fast = arithmeticTensor(code, a, b, [2, 4], dtype)!;
          const general = Tensor.fromValues(binaryValues(code, a, b, dtype).values, [2, 4], dtype);
          expect(Array.from(fast.storage.data)).toEqual(Array.from(general.storage.data));
          expect(fast.shape).toEqual([2, 4]);
          // a float32 result is kept as float32 tensors are: 4 bytes an element
          expect(fast.storage.data).toBeInstanceOf(dtype === "float32" ? Float32Array : Float64Array);
        }
      });

  it("leaves strided operands, other operators and integer results to the general kernel", () => {
    const t = tensorOf(xs, [2, 4], "float64");
    const transposed = new Tensor(t.storage, [4, 2], [1, 4], 0, "float64");
    expect(arithmeticTensor(Binary.Add, transposed, transposed, [4, 2], "float64")).toBeNull();
    expect(arithmeticTensor(Binary.Pow, t, t, [2, 4], "float64")).toBeNull();
    expect(arithmeticTensor(Binary.Add, t, t, [2, 4], "int64")).toBeNull();
  });
});
