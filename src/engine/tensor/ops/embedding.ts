import { record } from "../autograd/gradNode";
import { isInteger, isSinglePrecision, scalarTypeName } from "../dtype";
import { Tensor } from "../tensor";
import { indexError, runtimeError } from "../tensorError";

/**
 * `F.embedding(indices, weight, padding_idx)`: the rows of `weight` the integer indices name,
 * shaped indices.shape + [embedding_dim]. Its rule adds each output row's gradient into the
 * row it was read from (repeats accumulate); the padding row gets none.
 */
export function embedding(indices: Tensor, weight: Tensor, paddingIdx: number | null = null): Tensor {
  if (!isInteger(indices.dtype))
    throw runtimeError(
      `Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.${scalarTypeName(indices.dtype)}Tensor instead (while checking arguments for embedding)`,
    );
  if (weight.ndim !== 2) throw runtimeError("'weight' must be 2-D");
  const [rows, dim] = weight.shape;
  const idx = indices.values();
  const w = weight.values();
  const out = new Float64Array(idx.length * dim);
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i];
    if (r < 0 || r >= rows) throw indexError("index out of range in self");
    out.set(w.subarray(r * dim, (r + 1) * dim), i * dim);
  }
  return record(
    Tensor.fromValues(out, [...indices.shape, dim], weight.dtype),
    "embedding",
    [weight],
    (g) => {
      const gv = g.values();
      const r = new Float64Array(rows * dim);
      const single = isSinglePrecision(g.dtype);
      for (let i = 0; i < idx.length; i++) {
        if (idx[i] === paddingIdx) continue;
        const base = idx[i] * dim;
        // row by row in order, each add rounded to the dtype (PyTorch's dense embedding backward)
        if (single) for (let j = 0; j < dim; j++) r[base + j] = Math.fround(r[base + j] + gv[i * dim + j]);
        else for (let j = 0; j < dim; j++) r[base + j] += gv[i * dim + j];
      }
      return [Tensor.fromValues(r, weight.shape, g.dtype)];
    },
    ["∂embedding(W)[i]/∂W: each row's gradient added into the row it was read from"],
  );
}
