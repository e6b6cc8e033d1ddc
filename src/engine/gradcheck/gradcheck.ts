import { grad } from "../tensor/autograd/backward";
import { withNoGrad } from "../tensor/autograd/gradMode";
import { Tensor } from "../tensor/tensor";
import { runtimeError } from "../tensor/tensorError";

/**
 * `torch.autograd.gradcheck`: compares the Jacobian the VJPs give with central differences,
 * in float64, with PyTorch's defaults (eps 1e-6, atol 1e-5, rtol 1e-3). Every mismatching
 * element is reported, not just the first.
 */
export interface GradcheckOptions {
  eps?: number;
  atol?: number;
  rtol?: number;
}

export interface GradMismatch {
  /** Which input, and the multi-index of the element in it. */
  input: number;
  inputIndex: number[];
  /** Flat index of the output element. */
  output: number;
  analytic: number;
  numeric: number;
}

export interface GradcheckResult {
  ok: boolean;
  mismatches: GradMismatch[];
  /** Elements compared (inputs × outputs). */
  checked: number;
}

function multiIndex(flat: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return out;
}

/**
 * Checks `fn` at `inputs` (float64 leaves; those with requires_grad are differentiated).
 * `fn` must be deterministic and return one tensor.
 */
export function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  options: GradcheckOptions = {},
): GradcheckResult {
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-3;
  const wrt = inputs.map((x, i) => ({ x, i })).filter(({ x }) => x.requiresGrad);
  if (wrt.length === 0) throw runtimeError("gradcheck expects at least one input tensor to require gradient");
  for (const { x } of wrt)
    if (x.dtype !== "float64" || !x.isLeaf || !x.isContiguous())
      throw runtimeError("gradcheck inputs must be contiguous float64 leaf tensors");
  const out = fn(...inputs);
  const outCount = out.numel;
  // Analytic: one VJP per output element, with a one-hot seed.
  const analytic: Float64Array[][] = wrt.map(({ x }) =>
    Array.from({ length: outCount }, () => new Float64Array(x.numel)),
  );
  for (let o = 0; o < outCount; o++) {
    if (!out.requiresGrad) break;
    const seed = new Float64Array(outCount);
    seed[o] = 1;
    const y = fn(...inputs);
    const grads = grad(
      y,
      wrt.map(({ x }) => x),
      { gradOutput: Tensor.fromValues(seed, y.shape, y.dtype), allowUnused: true },
    );
    grads.forEach((g, k) => {
      if (g !== null) analytic[k][o].set(g.values());
    });
  }
  // Numeric: perturb each input element both ways.
  const mismatches: GradMismatch[] = [];
  let checked = 0;
  wrt.forEach(({ x, i }, k) => {
    // perturbed in float64 as ever: a float32 storage would round x ± eps to float32
    const stored = x.storage.data;
    const data = stored instanceof Float64Array ? stored : new Float64Array(stored);
    x.storage.data = data;
    for (let e = 0; e < x.numel; e++) {
      const pos = x.offset + e;
      const saved = data[pos];
      data[pos] = saved + eps;
      const plus = withNoGrad(() =>
        fn(...inputs)
          .values()
          .slice(),
      );
      data[pos] = saved - eps;
      const minus = withNoGrad(() =>
        fn(...inputs)
          .values()
          .slice(),
      );
      data[pos] = saved;
      for (let o = 0; o < outCount; o++) {
        const numeric = (plus[o] - minus[o]) / (2 * eps);
        const a = analytic[k][o][e];
        checked++;
        if (!(Math.abs(a - numeric) <= atol + rtol * Math.abs(numeric)))
          mismatches.push({ input: i, inputIndex: multiIndex(e, x.shape), output: o, analytic: a, numeric });
      }
    }
    x.storage.data = stored;
  });
  return { ok: mismatches.length === 0, mismatches, checked };
}

/** A one-line account of the mismatches, for a test failure or a diagnostic. */
export function describeMismatches(result: GradcheckResult, limit = 10): string {
  return result.mismatches
    .slice(0, limit)
    .map(
      (m) =>
        `input ${m.input}[${m.inputIndex.join(", ")}] → output[${m.output}]: analytic ${m.analytic}, numeric ${m.numeric}`,
    )
    .join("; ");
}
