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
  step: number;
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
        step: 0,
        squareAvg: new Float64Array(n),
        gradAvg: o.centered ? new Float64Array(n) : null,
        momentumBuffer: o.momentum > 0 ? new Float64Array(n) : null,
      };
      this.state.set(p, state);
    }
    state.step += 1;
    const { r, madd } = precisionOf(p);
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) g[i] = o.maximize ? -grad[i] : grad[i];
    if (o.weightDecay !== 0) {
      const wd = r(o.weightDecay);
      for (let i = 0; i < n; i++) g[i] = madd(values[i], wd, g[i]);
    }
    const { squareAvg } = state;
    const alpha = r(o.alpha);
    const keep = r(1 - o.alpha);
    const eps = r(o.eps);
    // PyTorch's CPU kernels compute `a + alpha·b` and `a + value·b·c` with one rounding for the
    // last multiply-add (its compiler fuses them), so the same fused steps here
    for (let i = 0; i < n; i++) squareAvg[i] = madd(r(keep * g[i]), g[i], r(squareAvg[i] * alpha));
    const avg = new Float64Array(n);
    if (o.centered) {
      const gradAvg = (state.gradAvg ??= new Float64Array(n));
      for (let i = 0; i < n; i++) {
        gradAvg[i] = madd(g[i], keep, r(gradAvg[i] * alpha));
        avg[i] = r(r(Math.sqrt(madd(-gradAvg[i], gradAvg[i], squareAvg[i]))) + eps);
      }
    } else for (let i = 0; i < n; i++) avg[i] = r(r(Math.sqrt(squareAvg[i])) + eps);
    const step = r(-o.lr);
    if (o.momentum > 0) {
      const buf = (state.momentumBuffer ??= new Float64Array(n));
      const momentum = r(o.momentum);
      for (let i = 0; i < n; i++) {
        buf[i] = r(r(buf[i] * momentum) + r(g[i] / avg[i]));
        values[i] = madd(buf[i], step, values[i]);
      }
    } else for (let i = 0; i < n; i++) values[i] = r(values[i] + r(r(step * g[i]) / avg[i]));
    commit();
  }

  exportState(p: Tensor): StateEntry[] | undefined {
    const state = this.state.get(p);
    if (state === undefined) return undefined;
    const entries: StateEntry[] = [
      ["step", state.step],
      ["square_avg", state.squareAvg],
    ];
    if (state.momentumBuffer !== null) entries.push(["momentum_buffer", state.momentumBuffer]);
    if (state.gradAvg !== null) entries.push(["grad_avg", state.gradAvg]);
    return entries;
  }

  importState(p: Tensor, entries: ReadonlyMap<string, Float64Array | number | null> | null): void {
    if (entries === null) return void this.state.delete(p);
    const n = p.numel;
    this.state.set(p, {
      step: countOf(entries.get("step")),
      squareAvg: bufferOf(entries.get("square_avg"), n, "square_avg") ?? new Float64Array(n),
      momentumBuffer: bufferOf(entries.get("momentum_buffer"), n, "momentum_buffer"),
      gradAvg: bufferOf(entries.get("grad_avg"), n, "grad_avg"),
    });
  }
}
