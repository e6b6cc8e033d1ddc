import type { FloatArray } from "../tensor/floatArray";
import type { Tensor } from "../tensor/tensor";
import { fma } from "../math/fusedMultiplyAdd";
import { invalid, Optimizer, paramValues } from "./optimizer";

export interface RMSpropOptions {
  lr: number;
  alpha: number;
  eps: number;
  weightDecay: number;
  momentum: number;
  centered: boolean;
  maximize: boolean;
}

interface RMSpropState {
  squareAvg: Float64Array;
  gradAvg: Float64Array | null;
  momentumBuffer: Float64Array | null;
}

/**
 * `torch.optim.RMSprop` (the PyTorch tutorial's optimizer of choice for its polynomial), with
 * PyTorch's defaults and its single-tensor update in the same order of operations:
 *   g = ±grad + weight_decay·p
 *   v = α·v + (1 − α)·g·g;  avg = √v (centered: √(v − m·m) with m = α·m + (1 − α)·g), + eps
 *   p = p − lr·g/avg, or with momentum: buf = momentum·buf + g/avg, p = p − lr·buf
 */
export class RMSprop extends Optimizer<RMSpropOptions, RMSpropState> {
  constructor(params: readonly Tensor[], options: Partial<RMSpropOptions> = {}) {
    super(params, {
      lr: 1e-2,
      alpha: 0.99,
      eps: 1e-8,
      weightDecay: 0,
      momentum: 0,
      centered: false,
      maximize: false,
      ...options,
    });
  }

  protected validate(o: RMSpropOptions): void {
    if (!(o.lr >= 0)) throw invalid("learning rate", o.lr);
    if (!(o.eps >= 0)) throw invalid("epsilon value", o.eps);
    if (!(o.momentum >= 0)) throw invalid("momentum value", o.momentum);
    if (!(o.weightDecay >= 0)) throw invalid("weight_decay value", o.weightDecay);
    if (!(o.alpha >= 0)) throw invalid("alpha value", o.alpha);
  }

  protected update(p: Tensor, grad: FloatArray, o: RMSpropOptions): void {
    const { values, commit } = paramValues(p);
    const n = values.length;
    let state = this.state.get(p);
    if (state === undefined) {
      state = {
        squareAvg: new Float64Array(n),
        gradAvg: o.centered ? new Float64Array(n) : null,
        momentumBuffer: o.momentum > 0 ? new Float64Array(n) : null,
      };
      this.state.set(p, state);
    }
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) g[i] = o.maximize ? -grad[i] : grad[i];
    if (o.weightDecay !== 0) for (let i = 0; i < n; i++) g[i] = fma(o.weightDecay, values[i], g[i]);
    const { squareAvg } = state;
    const keep = 1 - o.alpha;
    // PyTorch's CPU kernels compute `a + alpha·b` and `a + value·b·c` with one rounding for the
    // last multiply-add (its compiler fuses them), so the same fused steps here
    for (let i = 0; i < n; i++) squareAvg[i] = fma(keep * g[i], g[i], squareAvg[i] * o.alpha);
    const avg = new Float64Array(n);
    if (o.centered) {
      const gradAvg = (state.gradAvg ??= new Float64Array(n));
      for (let i = 0; i < n; i++) {
        gradAvg[i] = fma(keep, g[i], gradAvg[i] * o.alpha);
        avg[i] = Math.sqrt(fma(-gradAvg[i], gradAvg[i], squareAvg[i])) + o.eps;
      }
    } else for (let i = 0; i < n; i++) avg[i] = Math.sqrt(squareAvg[i]) + o.eps;
    if (o.momentum > 0) {
      const buf = (state.momentumBuffer ??= new Float64Array(n));
      for (let i = 0; i < n; i++) {
        buf[i] = buf[i] * o.momentum + g[i] / avg[i];
        values[i] = fma(-o.lr, buf[i], values[i]);
      }
    } else for (let i = 0; i < n; i++) values[i] = values[i] + (-o.lr * g[i]) / avg[i];
    commit();
  }
}
