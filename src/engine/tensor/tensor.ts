import type { GradNode } from "./autograd/gradNode";
import { type DType, roundToDtype } from "./dtype";
import { contiguousStrides, normalizeDim, numelOf } from "./shapeMath";
import { runtimeError, typeError } from "./tensorError";
import { newTensorId } from "./tensorIds";
import { chargeMadeMemory } from "../memory";
import { storageWritten } from "./leafMoves";
import { type FloatArray, storedAs } from "./floatArray";

/**
 * The memory one or more tensors look at. Views share a storage; `version` counts in-place
 * writes so a backward pass can tell that a value it saved has been changed under it.
 */
export class Storage {
  private writes = 0;
  /** Set once a second tensor looks at this storage (a view): in-place ops then cannot be recorded. */
  shared = false;
  /** Writes to the memory through any storage over it (counted on `memory`). */
  private memoryWrites = 0;
  /**
   * The storage that counts writes to this one's memory: itself, or for `x.data`'s storage (a
   * version counter of its own, as in PyTorch, over x's array) x's. A leaf's state for a
   * gradient check's moves (leafMoves.ts): writes through `x.data` change x.
   */
  readonly memory: Storage;

  constructor(
    public data: FloatArray,
    /** A storage over the same array (`x.data`'s over x's), whose memory this one shares. */
    sameMemoryAs?: Storage,
  ) {
    // charged as it is taken in: every tensor's values pass through here (see engine/memory.ts);
    // the array exists already, so the heap holds it once, not once more on top
    chargeMadeMemory(data.byteLength);
    this.memory = sameMemoryAs?.memory ?? this;
  }

  get version(): number {
    return this.writes;
  }

  /** Every in-place write counts one (`storage.version++`). */
  set version(v: number) {
    this.writes = v;
    this.memory.memoryWrites++;
    storageWritten(this);
  }

  /** Writes to this storage's memory so far, through it or any storage over the same array. */
  get memoryVersion(): number {
    return this.memory.memoryWrites;
  }
}

/** A fresh id, for a tensor that takes over another's place in the graph. */
export function nextId(): number {
  return newTensorId();
}

export type Nested = number | Nested[];

/**
 * A strided view of a storage plus its autograd state, PyTorch's way: `gradFn` is null for a
 * leaf; `grad` is what `.grad` reads; `retainsGrad` asks a non-leaf to keep its gradient.
 * Operations are free functions in ./ops, so this file knows nothing of any of them.
 */
export class Tensor {
  /**
   * Unique, increasing in creation order: the row of the run's tape (see tensorIds.ts), which
   * the interpreter keys its trace nodes by. An in-place operation that is recorded gives the
   * tensor a new id (it now holds a new value).
   */
  id = newTensorId();
  requiresGrad = false;
  grad: Tensor | null = null;
  gradFn: GradNode | null = null;
  /** How a tensor that needs no gradient was made, when origins are recorded (display only). */
  origin: GradNode | null = null;
  retainsGrad = false;
  /**
   * Why a value made from ones that require grad has no graph (display only): computed under
   * `no_grad`, or cut off by `detach()` / `.data` — or made from such a value.
   */
  cut: "no_grad" | "detach" | null = null;
  /** A Python number wrapped for an operation (`x * 2`): it takes part in type promotion weakly. */
  isWrappedNumber = false;
  /** Scratch stamp for graph traversals (saves a Set per pass). */
  visitMark = 0;

  constructor(
    public storage: Storage,
    public shape: readonly number[],
    public strides: readonly number[],
    public offset: number,
    public dtype: DType,
  ) {}

  /** A fresh contiguous tensor owning `values` (rounded to the dtype). */
  static fromValues(values: Float64Array, shape: readonly number[], dtype: DType): Tensor {
    if (values.length !== numelOf(shape))
      throw runtimeError(`internal: ${values.length} values for shape [${shape}]`);
    roundToDtype(values, dtype);
    return new Tensor(
      new Storage(storedAs(values, dtype)),
      shape.slice(),
      contiguousStrides(shape),
      0,
      dtype,
    );
  }

  /**
   * A fresh contiguous tensor owning `data`, an array of newStoredArray's kind for `dtype` whose
   * values are that dtype's already (a kernel's output): no rounding pass, no copy.
   */
  static fromStored(data: FloatArray, shape: readonly number[], dtype: DType): Tensor {
    if (data.length !== numelOf(shape))
      throw runtimeError(`internal: ${data.length} values for shape [${shape}]`);
    return new Tensor(new Storage(data), shape.slice(), contiguousStrides(shape), 0, dtype);
  }

  get ndim(): number {
    return this.shape.length;
  }

  get numel(): number {
    return numelOf(this.shape);
  }

  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  get version(): number {
    return this.storage.version;
  }

  isContiguous(): boolean {
    let expected = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      if (this.shape[i] !== 1 && this.strides[i] !== expected) return false;
      expected *= this.shape[i];
    }
    return true;
  }

  /**
   * The elements in row-major order. When the tensor already covers its storage exactly this
   * is the storage itself — callers must not write to it.
   */
  values(): FloatArray {
    const n = this.numel;
    const data = this.storage.data;
    if (this.isContiguous()) {
      return this.offset === 0 && data.length === n ? data : data.subarray(this.offset, this.offset + n);
    }
    return gatherStrided(data, this.shape, this.strides, this.offset);
  }

  /**
   * The elements row-major as (array, start): the storage itself when contiguous, else a copy.
   * Read-only for the caller; for kernels that take an offset instead of a subarray.
   */
  rowMajor(): { data: FloatArray; offset: number } {
    return this.isContiguous()
      ? { data: this.storage.data, offset: this.offset }
      : { data: gatherStrided(this.storage.data, this.shape, this.strides, this.offset), offset: 0 };
  }

  /** A row-major copy the caller owns. */
  copyValues(): Float64Array {
    const v = this.values();
    if (v instanceof Float32Array) return new Float64Array(v);
    return v === this.storage.data || v.buffer === this.storage.data.buffer ? v.slice() : v;
  }

  /** `.item()`: the one element of a one-element tensor. */
  item(): number {
    if (this.numel !== 1)
      throw runtimeError(`a Tensor with ${this.numel} elements cannot be converted to Scalar`);
    return this.storage.data[this.offset];
  }

  /** `bool(t)` / `if t:`: only a one-element tensor has a truth value. */
  toBool(): boolean {
    if (this.numel !== 1) throw runtimeError("Boolean value of Tensor with more than one value is ambiguous");
    return this.storage.data[this.offset] !== 0;
  }

  /** `len(t)`: the size of the first dimension. */
  length(): number {
    if (this.ndim === 0) throw typeError("len() of a 0-d tensor");
    return this.shape[0];
  }

  /** `.tolist()`: nested arrays (a bare number for a 0-d tensor). */
  toNested(): Nested {
    const v = this.values();
    if (this.ndim === 0) return v[0];
    let pos = 0;
    const build = (d: number): Nested[] => {
      const out: Nested[] = [];
      for (let i = 0; i < this.shape[d]; i++) out.push(d === this.ndim - 1 ? v[pos++] : build(d + 1));
      return out;
    };
    return build(0);
  }

  /** The element at a multi-index (no bounds check beyond what the caller did). */
  at(...index: number[]): number {
    let p = this.offset;
    for (let i = 0; i < index.length; i++) p += index[i] * this.strides[i];
    return this.storage.data[p];
  }

  /** `x.size(dim)` / `x.shape[dim]` with a negative dim allowed. */
  size(dim: number): number {
    return this.shape[normalizeDim(dim, this.ndim)];
  }
}

/** Copies a strided view into a new row-major array. */
export function gatherStrided(
  data: FloatArray,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
): Float64Array {
  const n = numelOf(shape);
  const out = new Float64Array(n);
  const nd = shape.length;
  if (n === 0) return out;
  if (nd === 0) {
    out[0] = data[offset];
    return out;
  }
  const inner = shape[nd - 1];
  const innerStride = strides[nd - 1];
  const index = new Array<number>(nd).fill(0);
  let base = offset;
  let o = 0;
  while (o < n) {
    for (let j = 0, p = base; j < inner; j++, p += innerStride) out[o++] = data[p];
    for (let d = nd - 2; d >= 0; d--) {
      base += strides[d];
      if (++index[d] < shape[d]) break;
      base -= strides[d] * shape[d];
      index[d] = 0;
    }
  }
  return out;
}
