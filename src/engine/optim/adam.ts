import type { FloatArray } from "../tensor/floatArray";
import { pow } from "../math/correctlyRounded";
import type { Tensor } from "../tensor/tensor";
import {
  bufferOf,
  countOf,
  invalid,
  Optimizer,
  paramValues,
  precisionOf,
  type StateEntry,
} from "./optimizer";

export interface AdamOptions {
  lr: number;
  betas: [number, number];
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
  maximize: boolean;
}

interface AdamState {
  step: number;
  expAvg: Float64Array;
  expAvgSq: Float64Array;
  maxExpAvgSq: Float64Array | null;
}

/**
 * `torch.optim.Adam` (and, with `decoupled`, AdamW), PyTorch's single-tensor update in the
 * same order of floating-point operations (PyTorch 1.13's, whose CPU kernels fuse the last
 * multiply-add of `add_(x, alpha=a)` and `addcmul_`):
 *   g = ±grad (+ weight_decay·p for Adam; AdamW instead scales p by 1 − lr·weight_decay)
 *   m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g·g
 *   denom = √v̂ / √(1 − β2^t) + eps  (v̂ = running max of v with amsgrad)
 *   p = p + (−lr/(1 − β1^t))·m / denom
 */
export class Adam extends Optimizer<AdamOptions, AdamState> {
  constructor(
    params: readonly Tensor[],
    options: Partial<AdamOptions> = {},
    private readonly decoupled = false,
  ) {
    super(params, {
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: decoupled ? 1e-2 : 0,
      amsgrad: false,
      maximize: false,
      ...options,
    });
  }

  protected validate(o: AdamOptions): void {
    if (!(o.lr >= 0)) throw invalid("learning rate", o.lr);
    if (!(o.eps >= 0)) throw invalid("epsilon value", o.eps);
    if (!(o.betas[0] >= 0 && o.betas[0] < 1)) throw invalid("beta parameter at index 0", o.betas[0]);
    if (!(o.betas[1] >= 0 && o.betas[1] < 1)) throw invalid("beta parameter at index 1", o.betas[1]);
    if (!(o.weightDecay >= 0)) throw invalid("weight_decay value", o.weightDecay);
  }

  protected update(p: Tensor, grad: FloatArray, o: AdamOptions): void {
    const { values, commit } = paramValues(p);
    const n = values.length;
    let state = this.state.get(p);
    if (state === undefined) {
      state = {
        step: 0,
        expAvg: new Float64Array(n),
        expAvgSq: new Float64Array(n),
        maxExpAvgSq: o.amsgrad ? new Float64Array(n) : null,
      };
      this.state.set(p, state);
    }
    if (o.amsgrad) state.maxExpAvgSq ??= new Float64Array(n);
    const { r, madd } = precisionOf(p);
    const [beta1, beta2] = o.betas;
    state.step += 1;
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) g[i] = o.maximize ? -grad[i] : grad[i];
    if (o.weightDecay !== 0) {
      if (this.decoupled) {
        const keep = r(1 - o.lr * o.weightDecay);
        for (let i = 0; i < n; i++) values[i] = r(values[i] * keep);
      } else {
        const wd = r(o.weightDecay);
        for (let i = 0; i < n; i++) g[i] = madd(values[i], wd, g[i]);
      }
    }
    const { expAvg, expAvgSq } = state;
    const b1 = r(beta1);
    const b2 = r(beta2);
    const w1 = r(1 - beta1);
    const w2 = r(1 - beta2);
    for (let i = 0; i < n; i++) {
      expAvg[i] = madd(g[i], w1, r(expAvg[i] * b1));
      expAvgSq[i] = madd(r(w2 * g[i]), g[i], r(expAvgSq[i] * b2));
    }
    // Python's float power (correctly rounded), not V8's Math.pow
    const biasCorrection1 = 1 - pow(beta1, state.step);
    const biasCorrection2 = 1 - pow(beta2, state.step);
    const stepSize = r(-(o.lr / biasCorrection1));
    const bc2Sqrt = r(Math.sqrt(biasCorrection2));
    const eps = r(o.eps);
    let second = expAvgSq;
    if (state.maxExpAvgSq !== null) {
      const mx = state.maxExpAvgSq;
      for (let i = 0; i < n; i++) mx[i] = Math.max(mx[i], expAvgSq[i]);
      second = mx;
    }
    for (let i = 0; i < n; i++) {
      const denom = r(r(r(Math.sqrt(second[i])) / bc2Sqrt) + eps);
      values[i] = r(values[i] + r(r(stepSize * expAvg[i]) / denom));
    }
    commit();
  }

  exportState(p: Tensor): StateEntry[] | undefined {
    const state = this.state.get(p);
    if (state === undefined) return undefined;
    const entries: StateEntry[] = [
      ["step", state.step],
      ["exp_avg", state.expAvg],
      ["exp_avg_sq", state.expAvgSq],
    ];
    if (state.maxExpAvgSq !== null) entries.push(["max_exp_avg_sq", state.maxExpAvgSq]);
    return entries;
  }

  importState(p: Tensor, entries: ReadonlyMap<string, Float64Array | number | null> | null): void {
    if (entries === null) return void this.state.delete(p);
    const n = p.numel;
    this.state.set(p, {
      step: countOf(entries.get("step")),
      expAvg: bufferOf(entries.get("exp_avg"), n, "exp_avg") ?? new Float64Array(n),
      expAvgSq: bufferOf(entries.get("exp_avg_sq"), n, "exp_avg_sq") ?? new Float64Array(n),
      maxExpAvgSq: bufferOf(entries.get("max_exp_avg_sq"), n, "max_exp_avg_sq"),
    });
  }
}

/** `torch.optim.AdamW`: Adam with decoupled weight decay (default 0.01). */
export class AdamW extends Adam {
  constructor(params: readonly Tensor[], options: Partial<AdamOptions> = {}) {
    super(params, options, true);
  }
}
