import { MicrogradOps, type PyNumber } from "../src/engine/scalar/microgradOps";
import { Tape } from "../src/engine/tape";
import { Mlp } from "./baseline/mlp";
import { Value } from "./baseline/value";
import { Timings } from "./timing";
import { w2LearningRate, type W2Data } from "./workloads";

/** One implementation's W2 run: timings of the timed steps, and the losses of every step. */
export interface W2Run {
  step: Timings;
  forward: Timings;
  backward: Timings;
  update: Timings;
  /** Loss and accuracy of each step, warm-up steps included (step k at index k). */
  losses: number[];
  accuracies: number[];
}

function newRun(): W2Run {
  return {
    step: new Timings(),
    forward: new Timings(),
    backward: new Timings(),
    update: new Timings(),
    losses: [],
    accuracies: [],
  };
}

const int = (value: number): PyNumber => ({ value, isInt: true });
const float = (value: number): PyNumber => ({ value, isInt: false });

/**
 * MLP(2,[16,16,1]) on tape rows: its parameters are the first rows of the tape, in micrograd's
 * `parameters()` order, and `score` builds one sample's forward with MicrogradOps, operator by
 * operator as micrograd's `MLP.__call__` does (so the graph has micrograd's nodes and rounding).
 */
class TapeMlp {
  readonly params: Int32Array;
  private acts: Int32Array;
  private next: Int32Array;

  constructor(
    readonly tape: Tape,
    readonly m: MicrogradOps,
    private readonly sizes: readonly number[],
    weights: readonly number[],
  ) {
    this.params = Int32Array.from(weights, (w) => tape.leaf(w));
    this.acts = new Int32Array(Math.max(...sizes));
    this.next = new Int32Array(Math.max(...sizes));
  }

  /** `model(list(map(Value, [x0, x1])))`: the score's row. */
  score(x0: number, x1: number): number {
    this.acts[0] = this.tape.leaf(x0);
    this.acts[1] = this.tape.leaf(x1);
    let p = 0;
    const layers = this.sizes.length - 1;
    for (let l = 1; l <= layers; l++) {
      const nin = this.sizes[l - 1];
      for (let j = 0; j < this.sizes[l]; j++) {
        const act = this.neuron(p, nin, this.acts);
        this.next[j] = l < layers ? this.m.relu(act) : act;
        p += nin + 1;
      }
      const t = this.acts;
      this.acts = this.next;
      this.next = t;
    }
    return this.acts[0];
  }

  /** Neuron `p`: `sum((wi*xi for wi, xi in zip(self.w, x)), self.b)`. */
  private neuron(p: number, nin: number, x: Int32Array): number {
    const { m, params } = this;
    let act = params[p + nin];
    for (let q = 0; q < nin; q++) act = m.add(act, m.mul(params[p + q], x[q]));
    return act;
  }
}

/** The demo's points as flat typed arrays, with the constants its loss wraps in `Value`s. */
class Batch {
  readonly x0: Float64Array;
  readonly x1: Float64Array;
  readonly y: Int32Array;
  /** `-yi`, the Python int each score is multiplied by. */
  readonly negY: PyNumber[];
  readonly scale: PyNumber;
  readonly alpha: PyNumber;

  constructor(d: W2Data) {
    this.x0 = Float64Array.from(d.X, (row) => row[0]);
    this.x1 = Float64Array.from(d.X, (row) => row[1]);
    this.y = Int32Array.from(d.y);
    this.negY = d.y.map((yi) => int(-yi));
    this.scale = float(1.0 / d.y.length);
    this.alpha = float(d.alpha);
  }
}

const ONE = int(1);
const ZERO = int(0);

/** The demo's `loss()`: the loss's row; counts the correct signs into `acc.correct`. */
function engineLoss(mlp: TapeMlp, batch: Batch, acc: { correct: number }): number {
  const { m, tape } = mlp;
  let dataLoss = -1;
  acc.correct = 0;
  for (let i = 0; i < batch.y.length; i++) {
    const score = mlp.score(batch.x0[i], batch.x1[i]);
    if (batch.y[i] > 0 === tape.data[score] > 0) acc.correct++;
    // (1 + -yi*scorei).relu(), summed from Python's start value 0
    const li = m.relu(m.radd(m.rmul(score, batch.negY[i]), ONE));
    dataLoss = i === 0 ? m.radd(li, ZERO) : m.add(dataLoss, li);
  }
  dataLoss = m.mul(dataLoss, batch.scale); // sum(losses) * (1.0 / len(losses))
  return m.add(dataLoss, m.rmul(regularisation(mlp), batch.alpha)); // data_loss + alpha * sum(...)
}

/** `sum((p*p for p in model.parameters()))`. */
function regularisation(mlp: TapeMlp): number {
  const { m, params } = mlp;
  let reg = m.radd(m.mul(params[0], params[0]), ZERO);
  for (let i = 1; i < params.length; i++) reg = m.add(reg, m.mul(params[i], params[i]));
  return reg;
}

/**
 * micrograd's demo training step through the engine API. The parameters are the first 337 rows
 * of one tape; each step truncates the tape back to them and builds the step's graph anew in
 * the same memory. `forward` includes `zero_grad`.
 */
export function w2Engine(d: W2Data, warmup: number, steps: number): W2Run {
  const run = newRun();
  const tape = new Tape(1 << 17);
  const mlp = new TapeMlp(tape, new MicrogradOps(tape), d.sizes, d.params);
  const afterParams = tape.size;
  const batch = new Batch(d);
  const acc = { correct: 0 };
  for (let k = 0; k < warmup + steps; k++) {
    const keep = k >= warmup;
    run.step.start();
    run.forward.start();
    tape.truncate(afterParams);
    const loss = engineLoss(mlp, batch, acc);
    for (const p of mlp.params) tape.setGrad(p, 0, true); // model.zero_grad()
    run.forward.stop(keep);

    run.backward.start();
    tape.backward(loss);
    run.backward.stop(keep);

    run.update.start();
    const lr = w2LearningRate(k);
    for (const p of mlp.params) tape.setData(p, tape.data[p] - lr * tape.grad[p], false);
    run.update.stop(keep);
    run.step.stop(keep);

    run.losses.push(tape.data[loss]);
    run.accuracies.push(acc.correct / batch.y.length);
  }
  return run;
}

/** The demo's `loss()` on the plain port: the loss, and how many signs were right. */
function baselineLoss(model: Mlp, d: W2Data): { loss: Value; correct: number } {
  const scores = d.X.map((row) => model.call(row.map((x) => new Value(x))));
  const losses = scores.map((s, i) => s.mul(-d.y[i]).add(1).relu()); // (1 + -yi*scorei).relu()
  // sum(losses) starts from 0: 0 + l0 is l0.__radd__(0), then * (1.0 / len(losses))
  const sum = losses.slice(1).reduce((acc, l) => acc.add(l), losses[0].add(0));
  const dataLoss = sum.mul(1.0 / losses.length);
  return {
    loss: dataLoss,
    correct: scores.filter((s, i) => d.y[i] > 0 === s.data > 0).length,
  };
}

/** The same steps with the plain closure-per-value port: a fresh graph of objects each step. */
export function w2Baseline(d: W2Data, warmup: number, steps: number): W2Run {
  const run = newRun();
  const model = new Mlp(d.sizes, d.params);
  for (let k = 0; k < warmup + steps; k++) {
    const keep = k >= warmup;
    run.step.start();
    run.forward.start();
    const { loss: dataLoss, correct } = baselineLoss(model, d);
    const params = model.parameters();
    let reg = params[0].mul(params[0]).add(0); // sum() starts from 0: 0 + p0*p0
    for (let i = 1; i < params.length; i++) reg = reg.add(params[i].mul(params[i]));
    const loss = dataLoss.add(reg.mul(d.alpha));
    model.zeroGrad();
    run.forward.stop(keep);

    run.backward.start();
    loss.backward();
    run.backward.stop(keep);

    run.update.start();
    const lr = w2LearningRate(k);
    for (const p of model.parameters()) p.data -= lr * p.grad;
    run.update.stop(keep);
    run.step.stop(keep);

    run.losses.push(loss.data);
    run.accuracies.push(correct / d.X.length);
  }
  return run;
}
