import { record } from "../autograd/gradNode";
import { normalizeDim, numelOf, reducedShape } from "../shapeMath";
import { Tensor } from "../tensor";
import { indexError, runtimeError } from "../tensorError";
import { forEachLane, laneBase } from "./lanes";

/**
 * max / min / argmax / argmin. Over all elements the gradient is shared evenly among the
 * elements equal to the result (PyTorch's rule for ties); along a dim it goes to the index
 * returned (the first extreme element), and NaN counts as the extreme, as PyTorch's does.
 */

type Pick = "max" | "min";

function better(kind: Pick, x: number, best: number): boolean {
  if (best !== best) return false;
  if (x !== x) return true;
  return kind === "max" ? x > best : x < best;
}

/** Index of the extreme element of each lane along `dim` (the first one on ties). */
function laneExtremes(a: Tensor, dim: number, kind: Pick): { values: Float64Array; indices: Float64Array } {
  const lanes = a.ndim === 0 ? 1 : numelOf(reducedShape(a.shape, [dim], false));
  const values = new Float64Array(lanes);
  const indices = new Float64Array(lanes);
  const data = a.storage.data;
  forEachLane(a, dim, (lane, start, stride, n) => {
    let best = data[start];
    let at = 0;
    for (let j = 1; j < n; j++) {
      const x = data[start + j * stride];
      if (better(kind, x, best)) {
        best = x;
        at = j;
      }
    }
    values[lane] = best;
    indices[lane] = at;
  });
  return { values, indices };
}

function checkNotEmpty(a: Tensor, kind: string, dim: number | null): void {
  if (dim === null && a.numel === 0)
    throw runtimeError(
      `${kind}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`,
    );
  if (dim !== null && a.ndim > 0 && a.shape[dim] === 0)
    throw indexError(`${kind}(): Expected reduction dim ${dim} to have non-zero size.`);
}

/** `x.max()` / `x.min()`: the extreme element as a 0-d tensor. */
export function extremeAll(a: Tensor, kind: Pick): Tensor {
  checkNotEmpty(a, kind, null);
  const v = a.values();
  let best = v[0];
  for (let i = 1; i < v.length; i++) if (better(kind, v[i], best)) best = v[i];
  const out = Tensor.fromValues(new Float64Array([best]), [], a.dtype);
  return record(
    out,
    kind,
    [a],
    (g) => {
      const isBest = (x: number) => x === best || (x !== x && best !== best);
      let count = 0;
      for (let i = 0; i < v.length; i++) if (isBest(v[i])) count++;
      const share = g.item() / count;
      const r = new Float64Array(v.length);
      for (let i = 0; i < v.length; i++) if (isBest(v[i])) r[i] = share;
      return [Tensor.fromValues(r, a.shape, g.dtype)];
    },
    [`∂${kind}(a)/∂a = 1/k at the k elements equal to the ${kind}, else 0`],
    [a],
  );
}

/** `x.max(dim, keepdim)` / `x.min(...)`: (values, indices); the values carry the gradient. */
export function extremeAlong(
  a: Tensor,
  dim: number,
  keepdim: boolean,
  kind: Pick,
): { values: Tensor; indices: Tensor } {
  const d = normalizeDim(dim, a.ndim);
  checkNotEmpty(a, kind, d);
  const { values, indices } = laneExtremes(a, d, kind);
  const shape = a.ndim === 0 ? [] : reducedShape(a.shape, [d], keepdim);
  const idx = Tensor.fromValues(indices, shape, "int64");
  const out = record(
    Tensor.fromValues(values, shape, a.dtype),
    kind,
    [a],
    (g) => {
      const gv = g.values();
      const r = new Float64Array(a.numel);
      const stride = a.ndim === 0 ? 1 : a.shape.slice(d + 1).reduce((p, s) => p * s, 1);
      for (let lane = 0; lane < indices.length; lane++)
        r[(a.ndim === 0 ? 0 : laneBase(a.shape, d, lane)) + indices[lane] * stride] = gv[lane];
      return [Tensor.fromValues(r, a.shape, g.dtype)];
    },
    [`∂${kind}(a, dim=${d})/∂a = 1 at the index of the ${kind} in each slice, else 0`],
    [idx],
  );
  return { values: out, indices: idx };
}

export function max(a: Tensor): Tensor {
  return extremeAll(a, "max");
}

export function min(a: Tensor): Tensor {
  return extremeAll(a, "min");
}

export function maxAlong(a: Tensor, dim: number, keepdim = false): { values: Tensor; indices: Tensor } {
  return extremeAlong(a, dim, keepdim, "max");
}

export function minAlong(a: Tensor, dim: number, keepdim = false): { values: Tensor; indices: Tensor } {
  return extremeAlong(a, dim, keepdim, "min");
}

/** `argmax` over all elements (flat index) or along a dim; int64, no gradient. */
export function argmax(a: Tensor, dim?: number | null, keepdim = false): Tensor {
  return argExtreme(a, dim, keepdim, "max");
}

export function argmin(a: Tensor, dim?: number | null, keepdim = false): Tensor {
  return argExtreme(a, dim, keepdim, "min");
}

function argExtreme(a: Tensor, dim: number | null | undefined, keepdim: boolean, kind: Pick): Tensor {
  if (dim === undefined || dim === null) {
    const flat = Tensor.fromValues(a.copyValues(), [a.numel], a.dtype);
    checkNotEmpty(a, `arg${kind}`, null);
    const { indices } = laneExtremes(flat, 0, kind);
    return Tensor.fromValues(indices, keepdim ? a.shape.map(() => 1) : [], "int64");
  }
  const d = normalizeDim(dim, a.ndim);
  checkNotEmpty(a, `arg${kind}`, d);
  const { indices } = laneExtremes(a, d, kind);
  return Tensor.fromValues(indices, a.ndim === 0 ? [] : reducedShape(a.shape, [d], keepdim), "int64");
}
