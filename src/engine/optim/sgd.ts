import { fma, fmaf } from "../math/fusedMultiplyAdd";
import { isSinglePrecision } from "../tensor/dtype";
import type { FloatArray } from "../tensor/floatArray";
import type { Tensor } from "../tensor/tensor";
import { TensorError } from "../tensor/tensorError";
import { bufferOf, invalid, Optimizer, paramValues, type StateEntry } from "./optimizer";

export interface SGDOptions {
  lr: number;
  momentum: number;
  dampening: number;
  weightDecay: number;
  nesterov: boolean;
  maximize: boolean;
}

interface SGDState {
  momentumBuffer: Float64Array | null;
}

/**
 * `torch.optim.SGD`, PyTorch's update exactly (its for-loop implementation):
 *   g = ±grad + weight_decay·p
 *   buf = g on the first step, else momentum·buf + (1 − dampening)·g
 *   g = g + momentum·buf (nesterov) or buf
 *   p = p − lr·g
 */
export class SGD extends Optimizer<SGDOptions, SGDState> {
  constructor(params: readonly Tensor[], options: Partial<SGDOptions> = {}) {
    super(params, {
      lr: 1e-3,
      momentum: 0,
      dampening: 0,
      weightDecay: 0,
      nesterov: false,
      maximize: false,
      ...options,
    });
  }

  protected validate(o: SGDOptions): void {
    if (o.lr < 0) throw invalid("learning rate", o.lr);
    if (o.momentum < 0) throw invalid("momentum value", o.momentum);
    if (o.weightDecay < 0) throw invalid("weight_decay value", o.weightDecay);
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0))
      throw new TensorError("ValueError", "Nesterov momentum requires a momentum and zero dampening");
  }

  protected update(p: Tensor, grad: FloatArray, o: SGDOptions): void {
    const { values, commit } = paramValues(p);
    const n = values.length;
    // PyTorch's in-place ops in the parameter's own precision: `mul_` rounds, an `add_` with
    // alpha is one fused multiply-add (its kernels' fmadd), and the Python floats (lr,
    // momentum, 1 − dampening, weight decay) are cast to the parameter's dtype first
    const single = isSinglePrecision(p.dtype);
    const cast = single ? Math.fround : (v: number) => v;
    const madd = single ? fmaf : fma;
    const momentum = cast(o.momentum);
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) g[i] = o.maximize ? -grad[i] : grad[i];
    if (o.weightDecay !== 0) {
      const wd = cast(o.weightDecay);
      for (let i = 0; i < n; i++) g[i] = madd(values[i], wd, g[i]);
    }
    // every parameter stepped has a state, its buffer None without momentum (as PyTorch's)
    const state = this.state.get(p) ?? { momentumBuffer: null };
    this.state.set(p, state);
    if (o.momentum !== 0) {
      let buf = state.momentumBuffer;
      const keep = cast(1 - o.dampening);
      if (buf === null) buf = state.momentumBuffer = g.slice();
      else for (let i = 0; i < n; i++) buf[i] = madd(g[i], keep, cast(buf[i] * momentum));
      if (o.nesterov) for (let i = 0; i < n; i++) g[i] = madd(buf[i], momentum, g[i]);
      else g.set(buf);
    }
    const step = cast(-o.lr);
    for (let i = 0; i < n; i++) values[i] = madd(g[i], step, values[i]);
    commit();
  }

  exportState(p: Tensor): StateEntry[] | undefined {
    const state = this.state.get(p);
    return state && [["momentum_buffer", state.momentumBuffer]];
  }

  importState(p: Tensor, entries: ReadonlyMap<string, Float64Array | number | null> | null): void {
    if (entries === null) this.state.delete(p);
    else
      this.state.set(p, {
        momentumBuffer: bufferOf(entries.get("momentum_buffer"), p.numel, "momentum_buffer"),
      });
  }
}
