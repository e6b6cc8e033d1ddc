import { record } from "../autograd/gradNode";
import { isSinglePrecision } from "../dtype";
import { expf, tanhf } from "../../math/sleefFloat";
import { glibcExpf } from "../../math/glibcExpf";
import { getDefaultDtype, isFloating, roundToDtype } from "../dtype";
import { bernoulliValues } from "../distributions/draws";
import { Tensor } from "../tensor";
import { defaultGenerator, type Generator } from "../random";
import { valueError } from "../tensorError";
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

function f32SigmoidGrad(g: number, y: number): number {
  const f = Math.fround;
  return f(f(g * f(1 - y)) * y);
}

/** 1/(1+e^−x) written so neither branch overflows. */
function sigmoidOf(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * The order PyTorch's TensorIterator visits a tensor's elements in (its memory order: dims
 * sorted by stride, as it lays out a unary op's output like its input), as logical row-major
 * indices (null: the logical order itself), and how many it hands its inner loop in a row: the
 * innermost dimension's run when that is contiguous, lengthened by every outer dimension that
 * continues it (a chunk of a wider matrix runs row by row); 1 when the innermost is strided.
 */
function innerLoops(a: Tensor): { order: Int32Array | null; run: number } {
  const dims = [...Array(a.ndim).keys()].filter((d) => a.shape[d] !== 1);
  const perm = [...dims].sort((x, y) => a.strides[y] - a.strides[x] || x - y);
  const shape = perm.map((d) => a.shape[d]);
  const strides = perm.map((d) => a.strides[d]);
  const n = shape.length;
  let run = 1;
  if (n > 0 && strides[n - 1] === 1) {
    run = shape[n - 1];
    for (let d = n - 2; d >= 0 && strides[d] === run; d--) run *= shape[d];
  }
  if (perm.every((d, i) => d === dims[i])) return { order: null, run };
  // the logical (row-major) stride of each permuted dim, to map the visit order back
  const logical = new Array<number>(a.ndim);
  for (let d = a.ndim - 1, acc = 1; d >= 0; d--) {
    logical[d] = acc;
    acc *= a.shape[d];
  }
  const order = new Int32Array(a.numel);
  const at = new Array<number>(n).fill(0);
  for (let i = 0; i < order.length; i++) {
    let index = 0;
    for (let k = 0; k < n; k++) index += at[k] * logical[perm[k]];
    order[i] = index;
    for (let k = n - 1; k >= 0 && ++at[k] === shape[k]; k--) at[k] = 0;
  }
  return { order, run };
}

/**
 * float32 sigmoid as PyTorch's CPU kernel runs it: within each contiguous run of the inner loop,
 * blocks of 16 elements take the vector path, 1/(1 + e^(0 − x)) with SLEEF's exp, each step
 * rounded to float; the run's rest takes the scalar path with the C library's float exp (glibc's
 * expf, which is not always the float nearest e^x).
 */
function sigmoidFloat(a: Tensor): Float64Array {
  const f = Math.fround;
  const v = a.copyValues();
  const { order, run } = innerLoops(a);
  const vector = run - (run % 16);
  for (let i = 0; i < v.length; i++) {
    const j = order === null ? i : order[i];
    const e = i % run < vector ? expf(f(0 - v[j])) : glibcExpf(-v[j]);
    v[j] = f(1 / f(1 + e));
  }
  return v;
}

export function sigmoid(a: Tensor): Tensor {
  const dtype = isFloating(a.dtype) ? a.dtype : getDefaultDtype();
  const out = Tensor.fromValues(
    isSinglePrecision(dtype) ? sigmoidFloat(a) : mapValues(a, sigmoidOf),
    a.shape,
    dtype,
  );
  return record(
    out,
    "sigmoid",
    [a],
    (g) => [
      Tensor.fromValues(
        // PyTorch's order, g·(1 − y)·y, each product in the gradient's dtype
        zipValues(g, out, (gi, y) => (isSinglePrecision(g.dtype) ? f32SigmoidGrad(gi, y) : gi * (1 - y) * y)),
        a.shape,
        g.dtype,
      ),
    ],
    ["∂σ(a)/∂a = σ(a)·(1 − σ(a))"],
    [out],
  );
}

/**
 * float32 tanh backward as PyTorch 1.13.1's CPU kernel rounds it: g·(1 − y²) with 1 − y² fused
 * (GCC contracts the vector multiply and subtract into one FMA), so 1 − y² is rounded once from
 * the exact y² (exact in a double), then the product with g once.
 */
function f32TanhGrad(g: number, y: number): number {
  const f = Math.fround;
  return f(g * f(1 - y * y));
}

export function tanh(a: Tensor): Tensor {
  const out = Tensor.fromValues(
    mapValues(a, isSinglePrecision(isFloating(a.dtype) ? a.dtype : getDefaultDtype()) ? tanhf : Math.tanh),
    a.shape,
    isFloating(a.dtype) ? a.dtype : getDefaultDtype(),
  );
  return record(
    out,
    "tanh",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, out, isSinglePrecision(g.dtype) ? f32TanhGrad : (gi, y) => gi * (1 - y * y)),
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

/** `F.silu(a)` = a·σ(a). */
export function silu(a: Tensor): Tensor {
  const out = Tensor.fromValues(
    mapValues(a, (x) => x * sigmoidOf(x)),
    a.shape,
    isFloating(a.dtype) ? a.dtype : getDefaultDtype(),
  );
  return record(
    out,
    "silu",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, a, (gi, x) => {
          const s = sigmoidOf(x);
          return gi * s * (1 + x * (1 - s));
        }),
        a.shape,
        g.dtype,
      ),
    ],
    ["∂silu(a)/∂a = σ(a)·(1 + a·(1 − σ(a)))"],
    [a],
  );
}

/** `F.softplus(a, beta=1, threshold=20)`: log(1 + e^(βa))/β, linear above the threshold as PyTorch. */
export function softplus(a: Tensor, beta = 1, threshold = 20): Tensor {
  const out = Tensor.fromValues(
    mapValues(a, (x) => (x * beta > threshold ? x : Math.log1p(Math.exp(x * beta)) / beta)),
    a.shape,
    isFloating(a.dtype) ? a.dtype : getDefaultDtype(),
  );
  return record(
    out,
    "softplus",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, a, (gi, x) => (x * beta > threshold ? gi : gi * sigmoidOf(x * beta))),
        a.shape,
        g.dtype,
      ),
    ],
    ["∂softplus(a)/∂a = σ(β·a)"],
    [a],
  );
}

/** `F.elu(a, alpha=1)`: a for a > 0, α·(e^a − 1) otherwise. */
export function elu(a: Tensor, alpha = 1): Tensor {
  const out = Tensor.fromValues(
    mapValues(a, (x) => (x > 0 ? x : alpha * Math.expm1(x))),
    a.shape,
    isFloating(a.dtype) ? a.dtype : getDefaultDtype(),
  );
  return record(
    out,
    "elu",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, a, (gi, x) => (x > 0 ? gi : gi * alpha * Math.exp(x))),
        a.shape,
        g.dtype,
      ),
    ],
    [`∂elu(a)/∂a = 1 if a > 0 else ${alpha}·e^a`],
    [a],
  );
}

/**
 * `F.dropout(a, p, training)` as PyTorch's CPU kernel makes it: a noise tensor of a's dtype is
 * filled with `bernoulli_(1 − p)` (a double uniform per element, kept below 1 − p), divided by
 * 1 − p in that dtype, and multiplied in; the same noise scales the gradient.
 */
export function dropout(
  a: Tensor,
  p = 0.5,
  training = true,
  generator: Generator = defaultGenerator,
): Tensor {
  if (!(p >= 0 && p <= 1)) throw valueError(`dropout probability has to be between 0 and 1, but got ${p}`);
  if (!training || p === 0 || a.numel === 0) return a;
  const noise = p === 1 ? new Float64Array(a.numel) : bernoulliValues(a.numel, 1 - p, generator);
  if (p !== 1) {
    const keep = new Float64Array([1 - p]);
    roundToDtype(keep, a.dtype);
    const scaled = new Float64Array([1 / keep[0]]);
    roundToDtype(scaled, a.dtype);
    for (let i = 0; i < noise.length; i++) noise[i] *= scaled[0];
  }
  const noiseTensor = Tensor.fromValues(noise, a.shape, a.dtype);
  const out = Tensor.fromValues(
    zipValues(a, noiseTensor, (x, m) => x * m),
    a.shape,
    a.dtype,
  );
  return record(
    out,
    "dropout",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, noiseTensor, (gi, m) => gi * m),
        a.shape,
        g.dtype,
      ),
    ],
    [`∂dropout(a)/∂a = mask/(1 − ${p})`],
  );
}
