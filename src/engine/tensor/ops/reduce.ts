import { record } from "../autograd/gradNode";
import { type DType, isFloating, scalarTypeName } from "../dtype";
import { contiguousStrides, normalizeDim, normalizeDims, numelOf, reducedShape } from "../shapeMath";
import { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { broadcastStrides, expandValues, forEachRow } from "./broadcast";
import { cascadeSum } from "./cascadeSum";
import { forEachLane, laneBase } from "./lanes";

/**
 * Sums, means and products over dimensions. `dim` is an int, a list of ints (negative ones
 * count from the end) or absent for all; `keepdim` keeps reduced dimensions as size 1.
 */

export type Dims = number | readonly number[] | null | undefined;

/** Sum of `a` over `dims` into the keepdim shape. */
function sumValues(a: Tensor, dims: readonly number[]): { values: Float64Array; keepShape: number[] } {
  const keepShape = reducedShape(a.shape, dims, true);
  const out = new Float64Array(numelOf(keepShape));
  const ts = broadcastStrides({ shape: keepShape, strides: contiguousStrides(keepShape) }, a.shape);
  const data = a.storage.data;
  const nd = a.ndim;
  const sIn = nd > 0 ? a.strides[nd - 1] : 0;
  const sOut = nd > 0 ? ts[nd - 1] : 0;
  forEachRow(a.shape, [a.strides, ts], [a.offset, 0], (_o, [s, t], len) => {
    if (sOut === 0) {
      let acc = 0;
      for (let j = 0; j < len; j++) acc += data[s + j * sIn];
      out[t] += acc;
    } else for (let j = 0; j < len; j++) out[t + j * sOut] += data[s + j * sIn];
  });
  return { values: out, keepShape };
}

/** g (the reduced result's gradient) spread back over the reduced dimensions, times `scale`. */
function spread(g: Tensor, keepShape: readonly number[], a: Tensor, scale: number): Tensor {
  const gk = new Tensor(g.storage, [...keepShape], contiguousStrides(keepShape), 0, g.dtype);
  const src = g.isContiguous() ? gk : Tensor.fromValues(g.copyValues(), keepShape, g.dtype);
  const v = expandValues(src, a.shape);
  if (scale !== 1) for (let i = 0; i < v.length; i++) v[i] *= scale;
  return Tensor.fromValues(v, a.shape, g.dtype);
}

function dimSuffix(dims: readonly number[], ndim: number): string {
  return dims.length === ndim ? "" : `, dim=${dims.length === 1 ? dims[0] : `(${dims.join(", ")})`}`;
}

/** The sum's values: PyTorch's cascade order for floats, exact for integers. */
function reducedValues(a: Tensor, dims: readonly number[], outType: DType) {
  if (outType === "float32" || outType === "float64")
    return { values: cascadeSum(a, dims, outType), keepShape: reducedShape(a.shape, dims, true) };
  return sumValues(a, dims);
}

/**
 * `given`, in sum and mean: the result's values as the caller computed them in its own order
 * (numpy's pairwise sum, see src/runtime/modules/numpy/numpySum.ts), already of `dtype`: the
 * operation is recorded as usual without computing PyTorch's sum only to replace it.
 */
export function sum(a: Tensor, dim?: Dims, keepdim = false, dtype?: DType, given?: Float64Array): Tensor {
  const dims = normalizeDims(dim, a.ndim);
  const outType = dtype ?? (isFloating(a.dtype) ? a.dtype : "int64");
  const { values, keepShape } = given
    ? { values: given, keepShape: reducedShape(a.shape, dims, true) }
    : reducedValues(a, dims, outType);
  const out = Tensor.fromValues(values, reducedShape(a.shape, dims, keepdim), outType);
  return record(out, "sum", [a], (g) => [spread(g, keepShape, a, 1)], [
    `∂sum(a${dimSuffix(dims, a.ndim)})/∂a = 1 for every element`,
  ]);
}

export function mean(a: Tensor, dim?: Dims, keepdim = false, dtype?: DType, given?: Float64Array): Tensor {
  const outType = dtype ?? a.dtype;
  if (!isFloating(outType))
    throw runtimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${scalarTypeName(a.dtype)}`,
    );
  const dims = normalizeDims(dim, a.ndim);
  const count = dims.reduce((p, d) => p * a.shape[d], 1);
  let values: Float64Array;
  let keepShape: number[];
  if (given) {
    values = given;
    keepShape = reducedShape(a.shape, dims, true);
  } else {
    // PyTorch's CPU mean is the sum, then a division by the count
    ({ values, keepShape } = reducedValues(a, dims, outType));
    for (let i = 0; i < values.length; i++) values[i] /= count;
  }
  const out = Tensor.fromValues(values, reducedShape(a.shape, dims, keepdim), outType);
  return record(out, "mean", [a], (g) => [spread(g, keepShape, a, 1 / count)], [
    `∂mean(a${dimSuffix(dims, a.ndim)})/∂a = 1/${count} for every element`,
  ]);
}

/**
 * `prod` (all elements, or one dim). The gradient of each element is the product of the others
 * in its lane, computed directly so zeros give the right answer instead of 0/0.
 */
export function prod(a: Tensor, dim?: number | null, keepdim = false): Tensor {
  const all = dim === undefined || dim === null;
  const src = all ? Tensor.fromValues(a.copyValues(), [a.numel], a.dtype) : a;
  const d = all ? 0 : normalizeDim(dim, a.ndim);
  const lanes = new Float64Array(all ? 1 : numelOf(reducedShape(a.shape, [d], false)));
  const data = src.storage.data;
  forEachLane(src, d, (lane, start, stride, n) => {
    let p = 1;
    for (let j = 0; j < n; j++) p *= data[start + j * stride];
    lanes[lane] = p;
  });
  const shape = all ? [] : reducedShape(a.shape, [d], keepdim);
  const out = Tensor.fromValues(lanes, shape, isFloating(a.dtype) ? a.dtype : "int64");
  return record(
    out,
    "prod",
    [a],
    (g) => {
      const gv = g.values();
      const r = new Float64Array(src.numel);
      const outStride = contiguousStrides(src.shape)[d];
      forEachLane(src, d, (lane, start, stride, n) => {
        const outStart = laneBase(src.shape, d, lane);
        for (let j = 0; j < n; j++) {
          let p = 1;
          for (let k = 0; k < n; k++) if (k !== j) p *= data[start + k * stride];
          r[outStart + j * outStride] = p * gv[lane];
        }
      });
      return [Tensor.fromValues(r, a.shape, g.dtype)];
    },
    [`∂prod(a${all ? "" : `, dim=${d}`})/∂aᵢ = product of the other elements`],
    [a],
  );
}
