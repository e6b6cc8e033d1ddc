import * as T from "../../engine/tensor/index";
import { PyList, PyTuple, type PyValue } from "../interpreter/objects";
import { typeError } from "../interpreter/pyErrors";
import { bind, intArg, num, tensorArg } from "./torchArgs";
import { TensorObject, type TorchState } from "./torchState";
import type { TensorMethod } from "./torchTensorMethods";

/**
 * `tril`/`triu`, `masked_fill(_)` and `split` — what the lectures' attention code uses to build
 * a causal mask (`wei.masked_fill(tril == 0, float('-inf'))`) and to cut a batch into heads or
 * a dataset into parts. Tensor methods; torch.tril, torch.triu and torch.split are their
 * functional forms (torchModule.ts).
 */

const triangle =
  (lower: boolean): TensorMethod =>
  (s, self, args, kwargs) => {
    const a = bind(lower ? "tril" : "triu", args, kwargs, ["diagonal"]);
    return s.wrap(T.triangle(self, a.diagonal === undefined ? 0 : intArg(a.diagonal, "diagonal"), lower));
  };

function fillValue(v: PyValue | undefined): number {
  if (v instanceof TensorObject) {
    const t = v.tensor;
    if (t.numel !== 1)
      throw typeError(
        `masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ${t.ndim} dimension(s).`,
      );
    return t.values()[0];
  }
  return num(v, "value");
}

const maskedFill =
  (inPlace: boolean): TensorMethod =>
  (s, self, args, kwargs) => {
    const name = inPlace ? "masked_fill_" : "masked_fill";
    const a = bind(name, args, kwargs, ["mask", "value"]);
    const filled = T.maskedFill(self, tensorArg(a.mask, name, "mask"), fillValue(a.value));
    return s.wrap(inPlace ? T.copyInPlace(self, filled) : filled);
  };

/** The dim argument of split, chunk and unbind (0 when not given), checked against the tensor's dims. */
function dimOf(self: T.Tensor, v: PyValue | undefined): number {
  const dim0 = v === undefined ? 0 : intArg(v, "dim");
  const dim = dim0 < 0 ? dim0 + self.ndim : dim0;
  if (dim < 0 || dim >= self.ndim)
    throw new T.TensorError(
      "IndexError",
      `Dimension out of range (expected to be in range of [${-self.ndim}, ${self.ndim - 1}], but got ${dim0})`,
    );
  return dim;
}

/** Views of consecutive runs of `sizes` elements along `dim`. */
function pieces(s: TorchState, self: T.Tensor, dim: number, sizes: number[]): PyTuple {
  const out: PyValue[] = [];
  let start = 0;
  for (const size of sizes) {
    const items: T.IndexItem[] = [];
    for (let d = 0; d < dim; d++) items.push({});
    items.push({ start, stop: start + size });
    out.push(s.wrap(T.index(self, items)));
    start += size;
  }
  return new PyTuple(out);
}

/** `x.split(size)` (pieces of that size along `dim`, the last maybe shorter) or `x.split([a, b])`. */
const split: TensorMethod = (s, self, args, kwargs) => {
  const a = bind("split", args, kwargs, ["split_size_or_sections", "dim"]);
  const dim = dimOf(self, a.dim);
  const length = self.shape[dim];
  const spec = a.split_size_or_sections;
  let sizes: number[];
  if (spec instanceof PyList || spec instanceof PyTuple) {
    sizes = spec.items.map((v) => intArg(v, "split_sizes"));
    const total = sizes.reduce((p, q) => p + q, 0);
    if (total !== length)
      throw new T.TensorError(
        "RuntimeError",
        `split_with_sizes expects split_sizes to sum exactly to ${length} (input tensor's size at dimension ${dim}), but got split_sizes=[${sizes.join(", ")}]`,
      );
  } else {
    const size = intArg(spec, "split_size");
    if (size <= 0 && length > 0)
      throw new T.TensorError(
        "RuntimeError",
        `split_size can only be 0 if dimension size is 0, but got dimension size of ${length}`,
      );
    sizes = [];
    for (let at = 0; at < length || sizes.length === 0; at += size) sizes.push(Math.min(size, length - at));
  }
  return pieces(s, self, dim, sizes);
};

/** `x.chunk(n, dim)`: pieces of ⌈length / n⌉ along `dim` (so maybe fewer than n), the last maybe shorter. */
const chunk: TensorMethod = (s, self, args, kwargs) => {
  const a = bind("chunk", args, kwargs, ["chunks", "dim"]);
  const chunks = intArg(a.chunks, "chunks");
  if (self.ndim === 0)
    throw new T.TensorError("RuntimeError", "chunk expects at least a 1-dimensional tensor");
  if (chunks <= 0)
    throw new T.TensorError("RuntimeError", `chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const dim = dimOf(self, a.dim);
  const length = self.shape[dim];
  const size = Math.ceil(length / chunks);
  const sizes: number[] = [];
  if (size === 0) for (let i = 0; i < chunks; i++) sizes.push(0);
  else for (let at = 0; at < length; at += size) sizes.push(Math.min(size, length - at));
  return pieces(s, self, dim, sizes);
};

/** `x.unbind(dim)`: the slices along `dim`, each without that dim (as `x.select(dim, i)`). */
const unbind: TensorMethod = (s, self, args, kwargs) => {
  const a = bind("unbind", args, kwargs, ["dim"]);
  if (self.ndim === 0)
    throw new T.TensorError("IndexError", "Dimension specified as 0 but tensor has no dimensions");
  const dim = dimOf(self, a.dim);
  const out: PyValue[] = [];
  for (let i = 0; i < self.shape[dim]; i++) {
    const items: T.IndexItem[] = [];
    for (let d = 0; d < dim; d++) items.push({});
    items.push(i);
    out.push(s.wrap(T.index(self, items)));
  }
  return new PyTuple(out);
};

export const MASKING_METHODS: Record<string, TensorMethod> = {
  tril: triangle(true),
  triu: triangle(false),
  masked_fill: maskedFill(false),
  masked_fill_: maskedFill(true),
  split,
  chunk,
  unbind,
};
