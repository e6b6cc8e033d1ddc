import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

/**
 * numpy's uint8 (CS231n's spiral data keeps its class labels in one) and a range as an index
 * (`probs[range(N), y]`): the output recorded with CPython 3.11 + numpy 1.24.2.
 */
const PROGRAM =
  "import numpy as np\nN, K = 4, 3\nX = np.zeros((N * K, 2))\ny = np.zeros(N * K, dtype='uint8')\nfor j in range(K):\n    ix = range(N * j, N * (j + 1))\n    r = np.linspace(0.0, 1, N)\n    X[ix] = np.c_[r * np.sin(j + r), r * np.cos(j + r)]\n    y[ix] = j\nprint(y, repr(y), y.dtype, y.dtype.kind, y.dtype.itemsize, y.dtype.str, y.dtype.char)\nscores = X @ np.array([[1.0, -1.0, 0.5], [0.5, 2.0, -1.0]])\nprobs = np.exp(scores) / np.sum(np.exp(scores), axis=1, keepdims=True)\nprint(-np.log(probs[range(N * K), y]).sum() / (N * K))\ndscores = probs\ndscores[range(N * K), y] -= 1\nprint(dscores[::4])\nprint(np.mean(np.argmax(scores, axis=1) == y))\nprint(y + 1, (y + 1).dtype, y * 100, y - 1, y + y, (y * 1.5).dtype, (y + np.float32(2)).dtype)\nprint(y[5], type(y[5]).__name__, int(y[5]) + 1, y.astype(np.float64)[:5], np.array([1, 2], dtype=np.uint8) / 2)\nz = np.array([250, 5], dtype=np.uint8)\nz += 10\nprint(z, np.eye(3)[y[3:6]], y.tolist()[:5], y.max(), y.mean(), np.can_cast(np.uint8, np.int32), np.dtype('uint8'), np.uint8 == np.dtype('u1'))\nprint(np.arange(10.0)[range(8, 2, -2)], np.arange(6)[range(0)])\n";

describe("uint8 arrays and range indices", () => {
  it("store, wrap, promote, print and index as numpy does", () => {
    const trace = runProgram(PROGRAM);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      "[0 0 0 0 1 1 1 1 2 2 2 2] array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], dtype=uint8) uint8 u 1 |u1 B\n1.1658333439820392\n[[-0.66666667  0.33333333  0.33333333]\n [ 0.33333333 -0.66666667  0.33333333]\n [ 0.33333333  0.33333333 -0.66666667]]\n0.5\n[1 1 1 1 2 2 2 2 3 3 3 3] uint8 [  0   0   0   0 100 100 100 100 200 200 200 200] [255 255 255 255   0   0   0   0   1   1   1   1] [0 0 0 0 2 2 2 2 4 4 4 4] float64 float32\n1 uint8 2 [0. 0. 0. 0. 1.] [0.5 1. ]\n[ 4 15] [[1. 0. 0.]\n [0. 1. 0.]\n [0. 1. 0.]] [0, 0, 0, 0, 1] 2 1.0 True uint8 True\n[8. 6. 4.] []\n",
    );
  });

  it("a Python int out of uint8's range widens the result (int64: GradLens has no uint16), and torch refuses uint8 arrays", () => {
    // numpy 1.24: uint16 [300 300 300]; uint8 [255 255 255] for y - 1
    const widened = runProgram(
      "import numpy as np\ny = np.zeros(3, dtype=np.uint8)\nprint((y + 300).dtype, y + 300, (y - 1).dtype, y - 1)\n",
    );
    expect(widened.stdout).toBe("int64 [300 300 300] uint8 [255 255 255]\n");
    const torch = runProgram("import numpy as np\nimport torch\ntorch.tensor(np.zeros(3, dtype=np.uint8))\n");
    expect(torch.diagnostics[0]).toMatchObject({ code: "unsupported" });
  });
});
