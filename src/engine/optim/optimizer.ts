import type { FloatArray } from "../tensor/floatArray";
import { isSinglePrecision, roundsFloat32 } from "../tensor/dtype";
import { fma, fmaf } from "../math/fusedMultiplyAdd";
import { Tensor } from "../tensor/tensor";
import { TensorError } from "../tensor/tensorError";

/**
 * What every optimizer shares: parameter groups (each with its own hyper-parameters, which a
 * program may change between steps, e.g. `opt.param_groups[0]["lr"] = 0.01`), per-parameter
 * state, and `zero_grad`. Updates run on raw storage: they are not recorded, like PyTorch's
 * `@torch.no_grad()` step, and they bump each parameter's version.
 */
export interface ParamGroup<O> {
  params: Tensor[];
  options: O;
}

/**
 * A parameter's state as PyTorch names it (`step`, `exp_avg`, `momentum_buffer`, …): a count,
 * a buffer of the parameter's values (in its element order), or null (SGD's buffer before any
 * momentum). What `optimizer.state[p]` shows and `load_state_dict` gives back.
 */
export type StateEntry = [name: string, value: Float64Array | number | null];

export abstract class Optimizer<O extends object, S> {
  readonly paramGroups: ParamGroup<O>[];
  readonly state = new Map<Tensor, S>();

  constructor(
    params: readonly Tensor[] | readonly { params: readonly Tensor[]; options?: Partial<O> }[],
    defaults: O,
  ) {
    if (params.length === 0) throw new TensorError("ValueError", "optimizer got an empty parameter list");
    const groups =
      params[0] instanceof Tensor
        ? [{ params: params as readonly Tensor[] }]
        : (params as { params: readonly Tensor[]; options?: Partial<O> }[]);
    const seen = new Set<Tensor>();
    this.paramGroups = groups.map((g) => {
      for (const p of g.params) {
        if (!p.isLeaf) throw new TensorError("ValueError", "can't optimize a non-leaf Tensor");
        if (seen.has(p))
          throw new TensorError("ValueError", "some parameters appear in more than one parameter group");
        seen.add(p);
      }
      const options = { ...defaults, ...("options" in g ? g.options : {}) };
      this.validate(options);
      return { params: [...g.params], options };
    });
  }

  protected abstract validate(options: O): void;

  /** Updates one parameter whose `.grad` is set, with its group's options. */
  protected abstract update(p: Tensor, grad: FloatArray, options: O): void;

  /** This parameter's state under PyTorch's names, in PyTorch's order; undefined before its first step. */
  abstract exportState(p: Tensor): StateEntry[] | undefined;

  /**
   * Replaces this parameter's state with `entries` (by PyTorch's names; buffers are copied),
   * or forgets it (null): the next step then starts it afresh.
   */
  abstract importState(p: Tensor, entries: ReadonlyMap<string, Float64Array | number | null> | null): void;

  /** One parameter's update with the given options (its group's): skipped without a gradient. */
  stepParam(p: Tensor, options: O): void {
    if (p.grad === null) return;
    this.update(p, p.grad.values(), options);
    p.storage.version++;
  }

  /** `optimizer.step()`: parameters without a gradient are skipped. */
  step(): void {
    for (const group of this.paramGroups)
      for (const p of group.params) {
        if (p.grad === null) continue;
        this.update(p, p.grad.values(), group.options);
        p.storage.version++;
      }
  }

  /**
   * `optimizer.zero_grad(set_to_none=False)`: PyTorch 1.13 (the reference here) keeps zeroed
   * gradients by default, so momentum and Adam still move a parameter the next backward misses.
   * PyTorch 2.x drops them (`set_to_none=True`).
   */
  zeroGrad(setToNone = false): void {
    for (const group of this.paramGroups)
      for (const p of group.params) {
        if (p.grad === null) continue;
        if (setToNone) p.grad = null;
        else {
          p.grad.storage.data.fill(0, p.grad.offset, p.grad.offset + p.grad.numel);
          p.grad.storage.version++;
        }
      }
  }
}

/** The parameter's values, to update in place: its storage when contiguous (the common case). */
export function paramValues(p: Tensor): { values: Float64Array; commit: () => void } {
  const data = p.storage.data;
  if (p.isContiguous()) {
    if (data instanceof Float64Array) {
      const values = data.subarray(p.offset, p.offset + p.numel);
      return { values, commit: () => roundParam(p, values) };
    }
    // float32 storage: updated in float64 as before, then stored (already rounded: exact)
    const values = new Float64Array(data.subarray(p.offset, p.offset + p.numel));
    return {
      values,
      commit: () => {
        roundParam(p, values);
        data.set(values, p.offset);
      },
    };
  }
  const values = p.copyValues();
  return {
    values,
    commit: () => {
      roundParam(p, values);
      const strides = p.strides;
      for (let i = 0; i < values.length; i++) {
        let rest = i;
        let pos = p.offset;
        for (let d = p.ndim - 1; d >= 0; d--) {
          pos += (rest % p.shape[d]) * strides[d];
          rest = Math.floor(rest / p.shape[d]);
        }
        p.storage.data[pos] = values[i];
      }
    },
  };
}

function roundParam(p: Tensor, values: Float64Array): void {
  if (p.dtype === "float32" && roundsFloat32())
    for (let i = 0; i < values.length; i++) values[i] = Math.fround(values[i]);
}

/**
 * The arithmetic of PyTorch's in-place ops on a parameter of this dtype: its state tensors have
 * the parameter's dtype, so for float32 every `mul_`, `div`, `sqrt` rounds to float32 (`r`), a
 * Python float enters an op cast to float32 (`r` too), and `add_(x, alpha=a)` / `addcmul_` end
 * in one fused multiply-add (`madd`, PyTorch's CPU kernels' fmadd) rounded once.
 */
export interface Precision {
  r: (v: number) => number;
  madd: (a: number, b: number, c: number) => number;
}

const DOUBLE: Precision = { r: (v) => v, madd: fma };
const SINGLE: Precision = { r: Math.fround, madd: fmaf };

export function precisionOf(p: Tensor): Precision {
  return isSinglePrecision(p.dtype) ? SINGLE : DOUBLE;
}

/** A state buffer read back: a copy, of `n` values (a count stored as a one-element buffer is read as its number). */
export function bufferOf(
  v: Float64Array | number | null | undefined,
  n: number,
  name: string,
): Float64Array | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || v.length !== n)
    throw new TensorError("RuntimeError", `the state's ${name} does not match the parameter's size ${n}`);
  return v.slice();
}

/** A count of the state read back (`step`, as an int or a one-element tensor). */
export function countOf(v: Float64Array | number | null | undefined): number {
  if (v === undefined || v === null) return 0;
  return typeof v === "number" ? v : v[0];
}

export function invalid(what: string, value: number): TensorError {
  return new TensorError("ValueError", `Invalid ${what}: ${value}`);
}
