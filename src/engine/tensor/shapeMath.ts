import { indexError, runtimeError } from "./tensorError";

/** Row-major strides of a contiguous tensor of this shape. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return strides;
}

export function numelOf(shape: readonly number[]): number {
  // an index loop: a for-of over a frozen array (every 0-d tensor's shape) makes an iterator
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `[2, 3]`, as PyTorch prints a shape inside messages. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** `torch.Size([2, 3])`. */
export function formatSize(shape: readonly number[]): string {
  return `torch.Size([${shape.join(", ")}])`;
}

/**
 * PyTorch's broadcasting: align shapes at the right; each pair of sizes must be equal or one
 * of them 1. The message names both sizes and the dimension counted in the result.
 */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  const offA = a.length - n;
  const offB = b.length - n;
  for (let i = 0; i < n; i++) {
    // explicit bounds, not `a[negative] ?? 1`: reads before an array's start are V8's slow path
    const da = i + offA >= 0 ? a[i + offA] : 1;
    const db = i + offB >= 0 ? b[i + offB] : 1;
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else
      throw runtimeError(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
  }
  return out;
}

/** A dimension argument made non-negative; PyTorch's IndexError for one out of range. */
export function normalizeDim(dim: number, ndim: number): number {
  const rank = Math.max(ndim, 1);
  if (!Number.isInteger(dim) || dim < -rank || dim >= rank)
    throw indexError(
      `Dimension out of range (expected to be in range of [${-rank}, ${rank - 1}], but got ${dim})`,
    );
  return dim < 0 ? dim + rank : dim;
}

/** A `dim` argument that may be an int, a tuple/list, or absent (all dims), made a sorted set. */
export function normalizeDims(dim: number | readonly number[] | undefined | null, ndim: number): number[] {
  if (dim === undefined || dim === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof dim === "number" ? [dim] : dim;
  if (list.length === 0) return Array.from({ length: ndim }, (_, i) => i);
  const seen = new Set<number>();
  for (const d of list) {
    const n = ndim === 0 ? (normalizeDim(d, 0), 0) : normalizeDim(d, ndim);
    if (seen.has(n) && ndim > 0) throw runtimeError(`dim ${n} appears multiple times in the list of dims`);
    seen.add(n);
  }
  return ndim === 0 ? [] : [...seen].sort((x, y) => x - y);
}

/** The shape after reducing `dims`; with keepdim they stay as size 1. */
export function reducedShape(shape: readonly number[], dims: readonly number[], keepdim: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (dims.includes(i)) {
      if (keepdim) out.push(1);
    } else out.push(shape[i]);
  }
  return out;
}

/** Checks a shape argument (non-negative integers) and resolves one `-1` against `numel`. */
export function inferShape(shape: readonly number[], numel: number): number[] {
  let inferred = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (d === -1) {
      if (inferred >= 0) throw runtimeError("only one dimension can be inferred");
      inferred = i;
    } else if (!Number.isInteger(d) || d < 0) {
      throw runtimeError(`invalid shape dimension ${d}`);
    } else known *= d;
  }
  const out = [...shape];
  if (inferred >= 0) {
    if (known === 0 || numel % known !== 0)
      throw runtimeError(`shape '${formatShape(shape)}' is invalid for input of size ${numel}`);
    out[inferred] = numel / known;
  } else if (known !== numel) {
    throw runtimeError(`shape '${formatShape(shape)}' is invalid for input of size ${numel}`);
  }
  return out;
}
