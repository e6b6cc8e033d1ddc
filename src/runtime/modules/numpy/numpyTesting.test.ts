import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

// Expected output recorded from numpy 1.24 running the same programs.
describe("numpy.testing and the machine limits", () => {
  it("assert as numpy.testing does, with its messages", () => {
    const source = [
      "import numpy as np",
      "from numpy.testing import assert_allclose, assert_array_equal, assert_almost_equal, assert_array_almost_equal, assert_equal, assert_array_less",
      "def show(f, *a, **k):",
      "    try:",
      "        f(*a, **k)",
      '        print("passed")',
      "    except AssertionError as e:",
      "        print(repr(str(e)))",
      "show(assert_allclose, [1.0, 2.0, 3.1], [1.0, 2.0, 3.0])",
      "show(assert_allclose, [1.0, 2.0, 3.0000001], [1.0, 2.0, 3.0])",
      "show(assert_allclose, 1.0, 1.1)",
      "show(assert_allclose, np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(2, 3) + 1e-3, rtol=1e-4, atol=1e-6)",
      "show(assert_allclose, [1, 2, 3], [1, 2])",
      "show(assert_allclose, [1.0, np.nan], [1.0, np.nan])",
      "show(assert_allclose, [1.0, np.nan], [1.0, 2.0])",
      'show(assert_allclose, [0.0, 1.0], [0.0, 1.5], err_msg="gradient check")',
      "show(assert_array_equal, [1, 2, 3], [1, 2, 4])",
      "show(assert_array_equal, np.array([[1, 2], [3, 4]]), np.array([[1, 2], [3, 4]]))",
      "show(assert_array_equal, [1.5, 2.0], [1.5, 2.5])",
      "show(assert_array_equal, [1, 2], [1, 2, 3])",
      "show(assert_array_equal, 3, [3, 3])",
      "show(assert_almost_equal, 1.0, 1.0000001)",
      "show(assert_almost_equal, 1.0, 1.001)",
      "show(assert_almost_equal, 1.0, 1.001, decimal=2)",
      "show(assert_almost_equal, [1.0, 2.0], [1.0, 2.001])",
      "show(assert_array_almost_equal, [1.0, 2.0], [1.0, 2.001], decimal=4)",
      "show(assert_equal, 3, 3)",
      "show(assert_equal, 3, 4)",
      "show(assert_equal, [1, 2], [1, 3])",
      "show(assert_array_less, [1, 2], [2, 3])",
      "show(assert_array_less, [1, 5], [2, 3])",
      "show(np.testing.assert_allclose, np.float32([1, 2]), np.float32([1, 2.5]))",
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "'\\nNot equal to tolerance rtol=1e-07, atol=0\\n\\nMismatched elements: 1 / 3 (33.3%)\\nMax absolute difference: 0.1\\nMax relative difference: 0.03333333\\n x: array([1. , 2. , 3.1])\\n y: array([1., 2., 3.])'",
      "passed",
      "'\\nNot equal to tolerance rtol=1e-07, atol=0\\n\\nMismatched elements: 1 / 1 (100%)\\nMax absolute difference: 0.1\\nMax relative difference: 0.09090909\\n x: array(1.)\\n y: array(1.1)'",
      "'\\nNot equal to tolerance rtol=0.0001, atol=1e-06\\n\\nMismatched elements: 6 / 6 (100%)\\nMax absolute difference: 0.001\\nMax relative difference: 1.\\n x: array([[0., 1., 2.],\\n       [3., 4., 5.]])\\n y: array([[1.000e-03, 1.001e+00, 2.001e+00],\\n       [3.001e+00, 4.001e+00, 5.001e+00]])'",
      "'\\nNot equal to tolerance rtol=1e-07, atol=0\\n\\n(shapes (3,), (2,) mismatch)\\n x: array([1, 2, 3])\\n y: array([1, 2])'",
      "passed",
      "'\\nNot equal to tolerance rtol=1e-07, atol=0\\n\\nx and y nan location mismatch:\\n x: array([ 1., nan])\\n y: array([1., 2.])'",
      "'\\nNot equal to tolerance rtol=1e-07, atol=0\\ngradient check\\nMismatched elements: 1 / 2 (50%)\\nMax absolute difference: 0.5\\nMax relative difference: 0.33333333\\n x: array([0., 1.])\\n y: array([0. , 1.5])'",
      "'\\nArrays are not equal\\n\\nMismatched elements: 1 / 3 (33.3%)\\nMax absolute difference: 1\\nMax relative difference: 0.25\\n x: array([1, 2, 3])\\n y: array([1, 2, 4])'",
      "passed",
      "'\\nArrays are not equal\\n\\nMismatched elements: 1 / 2 (50%)\\nMax absolute difference: 0.5\\nMax relative difference: 0.2\\n x: array([1.5, 2. ])\\n y: array([1.5, 2.5])'",
      "'\\nArrays are not equal\\n\\n(shapes (2,), (3,) mismatch)\\n x: array([1, 2])\\n y: array([1, 2, 3])'",
      "passed",
      "passed",
      "'\\nArrays are not almost equal to 7 decimals\\n ACTUAL: 1.0\\n DESIRED: 1.001'",
      "passed",
      "'\\nArrays are not almost equal to 7 decimals\\n\\nMismatched elements: 1 / 2 (50%)\\nMax absolute difference: 0.001\\nMax relative difference: 0.00049975\\n x: array([1., 2.])\\n y: array([1.   , 2.001])'",
      "'\\nArrays are not almost equal to 4 decimals\\n\\nMismatched elements: 1 / 2 (50%)\\nMax absolute difference: 0.001\\nMax relative difference: 0.00049975\\n x: array([1., 2.])\\n y: array([1.   , 2.001])'",
      "passed",
      "'\\nItems are not equal:\\n ACTUAL: 3\\n DESIRED: 4'",
      "'\\nItems are not equal:\\nitem=1\\n\\n ACTUAL: 2\\n DESIRED: 3'",
      "passed",
      "'\\nArrays are not less-ordered\\n\\nMismatched elements: 1 / 2 (50%)\\nMax absolute difference: 2\\nMax relative difference: 0.66666667\\n x: array([1, 5])\\n y: array([2, 3])'",
      "'\\nNot equal to tolerance rtol=1e-07, atol=0\\n\\nMismatched elements: 1 / 2 (50%)\\nMax absolute difference: 0.5\\nMax relative difference: 0.2\\n x: array([1., 2.], dtype=float32)\\n y: array([1. , 2.5], dtype=float32)'",
      "",
    ]);
  });
  it("give finfo's and iinfo's limits", () => {
    const source = [
      "import numpy as np",
      "f = np.finfo(np.float64)",
      "print(f.eps, f.max, f.min, f.tiny, f.resolution, f.bits, f.precision, f.dtype, f.smallest_normal, f.epsneg, f.nmant)",
      "g = np.finfo(np.float32)",
      "print(g.eps, g.max, g.min, g.tiny, g.resolution, g.bits, g.dtype, type(g.eps) is np.float32, g.eps.dtype)",
      'print(np.finfo(float).eps, np.finfo("float32").max, np.finfo(np.zeros(2).dtype).tiny, np.finfo(np.float32).eps * np.float32(2))',
      "print(repr(np.finfo(np.float64)), repr(np.finfo(np.float32)))",
      "for t in (np.int64, np.int32, np.uint8, int):",
      "    i = np.iinfo(t)",
      "    print(i.min, i.max, i.bits, i.dtype, i.kind, repr(i))",
      'print(np.iinfo(np.int64).max + 1, np.iinfo("int32").min)',
      "x = np.clip(np.array([0.0, 1.0]), np.finfo(float).eps, 1 - np.finfo(float).eps)",
      "print(x.tolist(), np.log(x).tolist())",
      "try:",
      "    np.iinfo(np.float64)",
      "except ValueError as e:",
      '    print("ValueError:", e)',
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "2.220446049250313e-16 1.7976931348623157e+308 -1.7976931348623157e+308 2.2250738585072014e-308 1e-15 64 15 float64 2.2250738585072014e-308 1.1102230246251565e-16 52",
      "1.1920929e-07 3.4028235e+38 -3.4028235e+38 1.1754944e-38 1e-06 32 float32 True float32",
      "2.220446049250313e-16 3.4028235e+38 2.2250738585072014e-308 2.3841858e-07",
      "finfo(resolution=1e-15, min=-1.7976931348623157e+308, max=1.7976931348623157e+308, dtype=float64) finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)",
      "-9223372036854775808 9223372036854775807 64 int64 i iinfo(min=-9223372036854775808, max=9223372036854775807, dtype=int64)",
      "-2147483648 2147483647 32 int32 i iinfo(min=-2147483648, max=2147483647, dtype=int32)",
      "0 255 8 uint8 u iinfo(min=0, max=255, dtype=uint8)",
      "-9223372036854775808 9223372036854775807 64 int64 i iinfo(min=-9223372036854775808, max=9223372036854775807, dtype=int64)",
      "9223372036854775808 -2147483648",
      "[2.220446049250313e-16, 0.9999999999999998] [-36.04365338911715, -2.2204460492503136e-16]",
      "ValueError: Invalid integer data type 'f'.",
      "",
    ]);
  });
});
