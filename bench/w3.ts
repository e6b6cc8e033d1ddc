import * as T from "../src/engine/tensor";
import { NaiveMlp } from "./baseline/naiveMlp";
import { Timings } from "./timing";
import type { W3Data } from "./workloads";

/** One implementation's W3 run: timings of the timed steps, and the loss of every step. */
export interface W3Run {
  step: Timings;
  /** Loss of each step before its update, warm-up steps included (step k at index k). */
  losses: number[];
}

/**
 * W3, an MLP 784-256-10 on a batch of 256, through the tensor engine's public API as the
 * interpreter's `torch` module drives it: `h = relu(X @ W1 + b1)`, `logits = h @ W2 + b2`,
 * mean cross-entropy, `zero_grad` (grads set to None), `backward`, SGD under `no_grad`, and the
 * loss read back with `.item()`. float64, one thread.
 */
export function w3Engine(d: W3Data, warmup: number, steps: number): W3Run {
  const f64 = (values: Float64Array, shape: number[]) =>
    T.Tensor.fromValues(values.slice(), shape, "float64");
  const X = f64(d.X, [d.B, d.D]);
  const y = T.Tensor.fromValues(Float64Array.from(d.y), [d.B], "int64");
  const params = [f64(d.W1, [d.D, d.H]), f64(d.b1, [d.H]), f64(d.W2, [d.H, d.K]), f64(d.b2, [d.K])];
  for (const p of params) T.requiresGradInPlace(p);
  const [W1, b1, W2, b2] = params;
  const run: W3Run = { step: new Timings(), losses: [] };
  for (let k = 0; k < warmup + steps; k++) {
    run.step.start();
    const h = T.relu(T.add(T.matmul(X, W1), b1));
    const loss = T.crossEntropy(T.add(T.matmul(h, W2), b2), y);
    for (const p of params) T.setGrad(p, null);
    T.backward(loss);
    T.withNoGrad(() => {
      for (const p of params) T.subInPlace(p, T.mul(p.grad!, d.lr));
    });
    run.losses.push(loss.item());
    run.step.stop(k >= warmup);
  }
  return run;
}

/** The same steps written by hand with naive triple-loop matmuls. */
export function w3Baseline(d: W3Data, warmup: number, steps: number): W3Run {
  const mlp = new NaiveMlp(d);
  const run: W3Run = { step: new Timings(), losses: [] };
  for (let k = 0; k < warmup + steps; k++) {
    run.step.start();
    run.losses.push(mlp.step());
    run.step.stop(k >= warmup);
  }
  return run;
}
