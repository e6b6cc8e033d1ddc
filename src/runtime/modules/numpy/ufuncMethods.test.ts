import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

// Expected output recorded from numpy 1.24 running the same program.
describe("ufunc.reduce, accumulate, outer and reduceat", () => {
  it("reduce, accumulate, outer and reduceat with numpy's types, axes and errors", () => {
    const source = [
      "import numpy as np",
      "a = np.arange(12).reshape(3,4)",
      "print(repr(np.add.reduce(a)), repr(np.add.reduce(a, axis=1)), repr(np.add.reduce(a, axis=None)), repr(np.add.reduce(a, axis=(0,1), keepdims=True)))",
      "print(repr(np.add.reduce(np.ones(3, bool))), repr(np.add.reduce(np.ones(3, np.int32))), repr(np.multiply.reduce(np.ones(3, np.int32))), repr(np.maximum.reduce(np.ones(3, np.int32))))",
      "print(repr(np.subtract.reduce([10, 1, 2])), repr(np.add.reduce([1.5, 2], initial=10)), repr(np.maximum.reduce([], initial=-np.inf)))",
      "for f in [lambda: np.maximum.reduce([]), lambda: np.subtract.reduce(a, axis=(0,1)), lambda: np.add.reduce(a, axis=2), lambda: np.maximum.accumulate(a, axis=None), lambda: np.add.reduceat(a, [0, 5]), lambda: np.equal.reduce([1,2,3]), lambda: np.add.reduce(3)]:",
      "    try: print(repr(f()))",
      "    except Exception as e: print(type(e).__name__, e)",
      "print(repr(np.maximum.accumulate(np.array([1,3,2,5,4]))), repr(np.add.accumulate(a, axis=1)), repr(np.multiply.accumulate([1.5,2,3], dtype=np.float32)))",
      "print(repr(np.multiply.outer([1,2,3],[4,5])), repr(np.subtract.outer(np.arange(3.), [1,2])), np.add.outer(np.ones((2,2)), [1,2,3]).shape)",
      "print(repr(np.add.reduceat(np.arange(8), [0,4,1,5])), repr(np.add.reduceat(np.arange(16.).reshape(4,4), [0, 3], axis=1)), repr(np.maximum.reduceat([1,5,2,8], [0,2])))",
      "print(repr(np.logical_and.reduce([1,1,0])), repr(np.logical_or.reduce([[0,0],[0,1]], axis=1)), repr(np.add.reduce(np.array([[1.,2.],[3.,4.]]), dtype=np.float32)), repr(np.add.reduce([])))",
      "print(repr(np.add.reduce(np.array([1,2,3]), 0, np.float64)), repr(np.minimum.reduce([3, np.nan, 1])), repr(np.divide.reduce([8., 2, 2])), repr(np.subtract.accumulate([10, 1, 2])))",
      "print(repr(np.add.reduce(5.0, axis=None)), repr(np.power.reduce([2, 3, 2])), repr(np.add.accumulate([])))",
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "array([12, 15, 18, 21]) array([ 6, 22, 38]) 66 array([[66]])",
      "3 3 1 1",
      "7 13.5 -inf",
      "ValueError zero-size array to reduction operation maximum which has no identity",
      "ValueError reduction operation 'subtract' is not reorderable, so at most one axis may be specified",
      "AxisError axis 2 is out of bounds for array of dimension 2",
      "ValueError accumulate does not allow multiple axes",
      "IndexError index 5 out-of-bounds in add.reduceat [0, 3)",
      "TypeError No loop matching the specified signature and casting was found for ufunc equal",
      "3",
      "array([1, 3, 3, 5, 5]) array([[ 0,  1,  3,  6],",
      "       [ 4,  9, 15, 22],",
      "       [ 8, 17, 27, 38]]) array([1.5, 3. , 9. ], dtype=float32)",
      "array([[ 4,  5],",
      "       [ 8, 10],",
      "       [12, 15]]) array([[-1., -2.],",
      "       [ 0., -1.],",
      "       [ 1.,  0.]]) (2, 2, 3)",
      "array([ 6,  4, 10, 18]) array([[ 3.,  3.],",
      "       [15.,  7.],",
      "       [27., 11.],",
      "       [39., 15.]]) array([5, 8])",
      "False array([False,  True]) array([4., 6.], dtype=float32) 0.0",
      "6.0 nan 2.0 array([10,  9,  7])",
      "5.0 64 array([], dtype=float64)",
      "",
    ]);
  });

  it("sum floats in numpy's pairwise order and the rest one element after another", () => {
    const source = [
      "import numpy as np",
      "np.random.seed(3)",
      "x = np.random.rand(300) * 10",
      "M = np.random.randn(130, 5)",
      "print(np.add.reduce(x), np.add.reduce(M).tolist(), np.add.reduce(M, axis=1)[:3].tolist(), np.add.reduce(M.T, axis=1).tolist())",
      "print(np.add.accumulate(x)[-1], np.multiply.reduce(x[:20]), np.maximum.accumulate(M[:6, 0]).tolist(), np.minimum.reduce(M, axis=0).tolist())",
      "print(np.add.reduceat(x, [0, 150, 299]).tolist(), np.subtract.reduce(x[:5]), np.add.reduce(x, initial=1.0))",
      "print(np.logaddexp.reduce(x[:4]), np.maximum.reduce(M, axis=None, keepdims=True))",
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "1466.4539351304659 [-8.854583364903656, 8.043841893189228, 8.833535742725887, -0.5783775271284176, -0.5072753588088893] [6.719941654736681, -0.7787805878866456, 0.350570910603317] [-8.854583364903656, 8.043841893189228, 8.833535742725887, -0.5783775271284176, -0.5072753588088893]",
      "1466.4539351304652 3894956925.1050215 [1.103921664604996, 1.103921664604996, 1.103921664604996, 1.103921664604996, 1.103921664604996, 1.103921664604996] [-2.1435155269377923, -2.2817923149605375, -2.359214738012778, -2.9839702048819636, -2.020810481868006]",
      "[727.5031820347915, 731.0422112651315, 7.908541830542843] -18.520292185017915 1467.4539351304659",
      "7.390244612954789 [[3.70245824]]",
      "",
    ]);
  });
});
