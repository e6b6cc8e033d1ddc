import { record } from "../autograd/gradNode";
import { withNoGrad } from "../autograd/gradMode";
import { formatShape, normalizeDim, sameShape } from "../shapeMath";
import { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { resultType } from "./operand";
import { unsqueeze } from "./shape";

/**
 * `torch.cat` and `torch.stack`. The result is laid out as outer × (size along dim × inner)
 * blocks, so each operand is copied as contiguous runs; the VJP hands each operand its slice.
 */

export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError("torch.cat(): expected a non-empty list of Tensors");
  // PyTorch still accepts legacy empty 1-d tensors of shape [0] and skips them.
  const parts = tensors.filter((t) => !(t.ndim === 1 && t.shape[0] === 0));
  if (parts.length === 0) return Tensor.fromValues(new Float64Array(0), [0], resultType([...tensors]));
  const ref = parts[0];
  if (ref.ndim === 0) throw runtimeError("zero-dimensional tensor (at position 0) cannot be concatenated");
  const d = normalizeDim(dim, ref.ndim);
  parts.forEach((t, i) => {
    if (t.ndim === 0) throw runtimeError(`zero-dimensional tensor (at position ${i}) cannot be concatenated`);
    if (t.ndim !== ref.ndim)
      throw runtimeError(`Tensors must have same number of dimensions: got ${ref.ndim} and ${t.ndim}`);
    for (let k = 0; k < ref.ndim; k++)
      if (k !== d && t.shape[k] !== ref.shape[k])
        throw runtimeError(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[k]} but got size ${t.shape[k]} for tensor number ${i} in the list.`,
        );
  });
  const outer = ref.shape.slice(0, d).reduce((p, s) => p * s, 1);
  const inner = ref.shape.slice(d + 1).reduce((p, s) => p * s, 1);
  const sizes = parts.map((t) => t.shape[d]);
  const total = sizes.reduce((p, s) => p + s, 0);
  const shape = [...ref.shape];
  shape[d] = total;
  const out = new Float64Array(outer * total * inner);
  let start = 0;
  for (const t of parts) {
    const v = t.values();
    const run = t.shape[d] * inner;
    for (let o = 0; o < outer; o++)
      out.set(v.subarray(o * run, (o + 1) * run), o * total * inner + start * inner);
    start += t.shape[d];
  }
  return record(
    Tensor.fromValues(out, shape, resultType([...parts])),
    "cat",
    parts,
    (g, needs) => splitGradient(g, parts, sizes, outer, inner, needs),
    parts.map((_, i) => `∂cat/∂(tensor ${i}): its slice of the gradient along dim ${d}`),
  );
}

/** Each operand's slice of the joined result's gradient (outer × size × inner blocks). */
function splitGradient(
  g: Tensor,
  parts: readonly Tensor[],
  sizes: readonly number[],
  outer: number,
  inner: number,
  needs: readonly boolean[],
): (Tensor | null)[] {
  const gv = g.values();
  const total = sizes.reduce((p, s) => p + s, 0);
  let from = 0;
  return parts.map((t, i) => {
    const size = sizes[i];
    const begin = from;
    from += size;
    if (!needs[i]) return null;
    const r = new Float64Array(outer * size * inner);
    for (let o = 0; o < outer; o++)
      r.set(gv.subarray((o * total + begin) * inner, (o * total + begin + size) * inner), o * size * inner);
    return Tensor.fromValues(r, t.shape, g.dtype);
  });
}

export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError("stack expects a non-empty TensorList");
  const ref = tensors[0];
  tensors.forEach((t, i) => {
    if (!sameShape(t.shape, ref.shape))
      throw runtimeError(
        `stack expects each tensor to be equal size, but got ${formatShape(ref.shape)} at entry 0 and ${formatShape(t.shape)} at entry ${i}`,
      );
  });
  const d = normalizeDim(dim, ref.ndim + 1);
  // Computed as a cat of unsqueezed views, recorded as one node like PyTorch's StackBackward0.
  const out = withNoGrad(() =>
    cat(
      tensors.map((t) => unsqueeze(t, d)),
      d,
    ),
  );
  const outer = ref.shape.slice(0, d).reduce((p, s) => p * s, 1);
  const inner = ref.shape.slice(d).reduce((p, s) => p * s, 1);
  return record(
    out,
    "stack",
    tensors,
    (g, needs) =>
      splitGradient(
        g,
        tensors,
        tensors.map(() => 1),
        outer,
        inner,
        needs,
      ),
    tensors.map((_, i) => `∂stack/∂(tensor ${i}): its slice of the gradient along dim ${d}`),
  );
}
