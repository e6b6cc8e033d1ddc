import { Storage, Tensor } from "../../../engine/tensor/index";
import { armLeafMove } from "../../../engine/tensor/leafMoves";
import { PyInstance, type PyClass } from "../../interpreter/objects";
import { isFloat, type NpDtype } from "./npDtype";

/**
 * The memory one or more arrays look at (numpy's data buffer): views share it. Its `storage`
 * is the engine storage the arrays read now. A write into an array replaces the storage by a
 * copy first when the graph still needs the values it holds (`used`), so the values an
 * operation read stay as they were for the trace and for backward — numpy's semantics (every
 * view sees the write) and the graph's (every value is a version that does not change) both
 * hold. `version` counts writes: an array whose tensor is older looks again.
 */
export class NpBuffer {
  used = false;
  version = 0;
  /** Shares memory with a torch tensor: writes go into this very storage, never a copy. */
  external = false;
  /** The array that made the last write (see writes.ts). */
  lastWriter: NdArray | null = null;
  /** Written after the graph had read it (a parameter update), and not read since. */
  updated = false;
  constructor(public storage: Storage) {}
}

/**
 * What every numpy value that holds numbers has: the engine tensor of its current value (a
 * version: an in-place write gives the array a new tensor), and the generation that tensor
 * belongs to (see NumpyState.generation).
 */
export interface NpValue {
  dtype: NpDtype;
  tensor: Tensor;
  gen: number;
}

/**
 * `numpy.ndarray`: a view (shape, strides, offset — those of its tensor) of a buffer. `tensor`
 * is the value's version in the graph; `bufferVersion` says which state of the buffer it shows.
 */
export class NdArray extends PyInstance implements NpValue {
  bufferVersion: number;
  /** Made with memory of its own (numpy's OWNDATA), not a view of another array's or a tensor's. */
  ownsData = true;
  constructor(
    cls: PyClass,
    public buffer: NpBuffer,
    public tensor: Tensor,
    public dtype: NpDtype,
    public gen: number,
  ) {
    super(cls);
    this.bufferVersion = buffer.version;
  }

  get shape(): readonly number[] {
    return this.tensor.shape;
  }

  get ndim(): number {
    return this.tensor.shape.length;
  }

  get size(): number {
    return this.tensor.numel;
  }
}

/**
 * A numpy scalar (`np.float64(0.5)`, what `a[0]` or `a.sum()` gives): immutable, holding a 0-d
 * tensor of its own so that it takes part in the graph (a loss is usually one).
 */
export class NpScalar extends PyInstance implements NpValue {
  constructor(
    cls: PyClass,
    public tensor: Tensor,
    public dtype: NpDtype,
    public gen: number,
  ) {
    super(cls);
  }

  get value(): number {
    return this.tensor.storage.data[this.tensor.offset];
  }
}

/** A tensor that takes part in the graph: every float value does, as a leaf or an operation's result. */
export function joinGraph(t: Tensor, dtype: NpDtype): Tensor {
  if (isFloat(dtype) && !t.requiresGrad && t.gradFn === null) {
    t.requiresGrad = true;
    armLeafMove(t); // a gradient check's re-run may move this leaf
  }
  return t;
}

/** A new tensor on the same storage and layout: the same memory as a new value (a new id, no history). */
export function aliasOf(t: Tensor, storage: Storage = t.storage): Tensor {
  const a = new Tensor(storage, t.shape, t.strides, t.offset, t.dtype);
  a.requiresGrad = t.requiresGrad || t.gradFn !== null;
  return a;
}
