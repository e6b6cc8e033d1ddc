import type { FloatArray } from "../tensor/floatArray";
import type { Tensor } from "../tensor/tensor";
import { TensorError } from "../tensor/tensorError";
import { invalid, Optimizer, paramValues } from "./optimizer";

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
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) g[i] = o.maximize ? -grad[i] : grad[i];
    if (o.weightDecay !== 0) for (let i = 0; i < n; i++) g[i] = g[i] + o.weightDecay * values[i];
    if (o.momentum !== 0) {
      const state = this.state.get(p) ?? { momentumBuffer: null };
      this.state.set(p, state);
      let buf = state.momentumBuffer;
      if (buf === null) buf = state.momentumBuffer = g.slice();
      else for (let i = 0; i < n; i++) buf[i] = buf[i] * o.momentum + (1 - o.dampening) * g[i];
      if (o.nesterov) for (let i = 0; i < n; i++) g[i] = g[i] + o.momentum * buf[i];
      else g.set(buf);
    }
    const step = -o.lr;
    for (let i = 0; i < n; i++) values[i] = values[i] + step * g[i];
    commit();
  }
}
