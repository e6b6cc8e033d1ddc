import { record } from "../autograd/gradNode";
import { getDefaultDtype, isFloating } from "../dtype";
import { Tensor } from "../tensor";
import { mapValues, zipValues } from "./unary";

/** The nonlinearities, each with its local-gradient rule beside it, written from the result. */

export function relu(a: Tensor): Tensor {
  // x < 0 ? 0 : x keeps NaN (PyTorch propagates it) and −0.
  const out = Tensor.fromValues(
    mapValues(a, (x) => (x < 0 ? 0 : x)),
    a.shape,
    a.dtype,
  );
  return record(
    out,
    "relu",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, out, (gi, y) => (y > 0 ? gi : 0)),
        a.shape,
        g.dtype,
      ),
    ],
    ["∂relu(a)/∂a = 1 if a > 0 else 0"],
    [out],
  );
}

/** 1/(1+e^−x) written so neither branch overflows. */
function sigmoidOf(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export function sigmoid(a: Tensor): Tensor {
  const out = Tensor.fromValues(
    mapValues(a, sigmoidOf),
    a.shape,
    isFloating(a.dtype) ? a.dtype : getDefaultDtype(),
  );
  return record(
    out,
    "sigmoid",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, out, (gi, y) => gi * y * (1 - y)),
        a.shape,
        g.dtype,
      ),
    ],
    ["∂σ(a)/∂a = σ(a)·(1 − σ(a))"],
    [out],
  );
}

export function tanh(a: Tensor): Tensor {
  const out = Tensor.fromValues(
    mapValues(a, Math.tanh),
    a.shape,
    isFloating(a.dtype) ? a.dtype : getDefaultDtype(),
  );
  return record(
    out,
    "tanh",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, out, (gi, y) => gi * (1 - y * y)),
        a.shape,
        g.dtype,
      ),
    ],
    ["∂tanh(a)/∂a = 1 − tanh(a)²"],
    [out],
  );
}

/** `F.leaky_relu(a, negative_slope=0.01)`. */
export function leakyRelu(a: Tensor, negativeSlope = 0.01): Tensor {
  const out = Tensor.fromValues(
    mapValues(a, (x) => (x > 0 ? x : x * negativeSlope)),
    a.shape,
    a.dtype,
  );
  return record(
    out,
    "leaky_relu",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, a, (gi, x) => (x > 0 ? gi : gi * negativeSlope)),
        a.shape,
        g.dtype,
      ),
    ],
    [`∂leaky_relu(a)/∂a = 1 if a > 0 else ${negativeSlope}`],
    [a],
  );
}
