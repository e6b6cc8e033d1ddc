import type { FloatArray } from "../tensor/floatArray";
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

export interface AdagradOptions {
  lr: number;
  lrDecay: number;
  weightDecay: number;
  initialAccumulatorValue: number;
  eps: number;
  maximize: boolean;
}

interface AdagradState {
  step: number;
  sum: Float64Array;
}

/**
 * `torch.optim.Adagrad`, PyTorch 1.13's single-tensor update in its order of operations (in the
 * parameter's precision, see Precision):
 *   g = ±grad (+ weight_decay·p);  clr = lr / (1 + (step − 1)·lr_decay)
 *   sum = sum + g·g;  p = p − clr·g / (√sum + eps)
 */
export class Adagrad extends Optimizer<AdagradOptions, AdagradState> {
  constructor(params: readonly Tensor[], options: Partial<AdagradOptions> = {}) {
    super(params, {
      lr: 1e-2,
      lrDecay: 0,
      weightDecay: 0,
      initialAccumulatorValue: 0,
      eps: 1e-10,
      maximize: false,
      ...options,
    });
  }

  protected validate(o: AdagradOptions): void {
    if (!(o.lr >= 0)) throw invalid("learning rate", o.lr);
    if (!(o.lrDecay >= 0)) throw invalid("lr_decay value", o.lrDecay);
    if (!(o.weightDecay >= 0)) throw invalid("weight_decay value", o.weightDecay);
    if (!(o.initialAccumulatorValue >= 0))
      throw invalid("initial_accumulator_value value", o.initialAccumulatorValue);
    if (!(o.eps >= 0)) throw invalid("epsilon value", o.eps);
  }

  protected update(p: Tensor, grad: FloatArray, o: AdagradOptions): void {
    const { values, commit } = paramValues(p);
    const n = values.length;
    const { r, madd } = precisionOf(p);
    let state = this.state.get(p);
    if (state === undefined) {
      state = { step: 0, sum: new Float64Array(n).fill(r(o.initialAccumulatorValue)) };
      this.state.set(p, state);
    }
    state.step += 1;
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) g[i] = o.maximize ? -grad[i] : grad[i];
    if (o.weightDecay !== 0) {
      const wd = r(o.weightDecay);
      for (let i = 0; i < n; i++) g[i] = madd(values[i], wd, g[i]);
    }
    const clr = o.lr / (1 + (state.step - 1) * o.lrDecay);
    const step = r(-clr);
    const eps = r(o.eps);
    const { sum } = state;
    for (let i = 0; i < n; i++) {
      sum[i] = madd(g[i], g[i], sum[i]);
      const std = r(r(Math.sqrt(sum[i])) + eps);
      values[i] = r(values[i] + r(r(step * g[i]) / std));
    }
    commit();
  }

  exportState(p: Tensor): StateEntry[] | undefined {
    const state = this.state.get(p);
    return (
      state && [
        ["step", state.step],
        ["sum", state.sum],
      ]
    );
  }

  importState(p: Tensor, entries: ReadonlyMap<string, Float64Array | number | null> | null): void {
    if (entries === null) return void this.state.delete(p);
    this.state.set(p, {
      step: countOf(entries.get("step")),
      sum: bufferOf(entries.get("sum"), p.numel, "sum") ?? new Float64Array(p.numel),
    });
  }
}
