import type { FloatArray } from "../tensor/floatArray";
import { roundsFloat32 } from "../tensor/dtype";
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

export function invalid(what: string, value: number): TensorError {
  return new TensorError("ValueError", `Invalid ${what}: ${value}`);
}
