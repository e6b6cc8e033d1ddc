import { MicrogradOps } from "../src/engine/scalar/microgradOps";
import { Tape } from "../src/engine/tape";
import { Value } from "./baseline/value";
import { Timings } from "./timing";
import type { W1Program } from "./workloads";

/** One implementation's W1 run: per-repetition timings and the last repetition's answers. */
export interface W1Run {
  forward: Timings;
  backward: Timings;
  loss: number;
  leafGradSum: number;
}

const SQUARE = { value: 2, isInt: true };

/**
 * W1 through the engine, the way the interpreter drives it: MicrogradOps on a Tape.
 * Every repetition builds a fresh graph: on one tape truncated to empty (`freshTape` false: the
 * rows are rewritten in memory already mapped, as a re-run in a live session would), or on a new
 * tape that grows from its default size (`freshTape`: the figures then include allocating and
 * first touching ~6 MB, which is what makes that variant noisy). Untimed: making the tape and its
 * 100 leaves.
 */
export function w1Engine(p: W1Program, warmup: number, reps: number, freshTape: boolean): W1Run {
  const run: W1Run = { forward: new Timings(), backward: new Timings(), loss: NaN, leafGradSum: NaN };
  const node = new Int32Array(p.nNodes);
  const reused = new Tape();
  for (let rep = 0; rep < warmup + reps; rep++) {
    const keep = rep >= warmup;
    const tape = freshTape ? new Tape() : reused;
    tape.truncate(0);
    const m = new MicrogradOps(tape);
    for (let i = 0; i < 100; i++) node[i] = tape.leaf(p.leaves[i]);

    run.forward.start();
    const loss = engineForward(p, m, node);
    run.forward.stop(keep);

    run.backward.start();
    tape.backward(loss);
    run.backward.stop(keep);

    run.loss = tape.data[loss];
    run.leafGradSum = 0;
    for (let i = 0; i < 100; i++) run.leafGradSum += tape.grad[node[i]];
  }
  return run;
}

/**
 * All 100,000 ops, then the 99 loss adds; `node` maps the program's node numbers to tape rows.
 * Two functions, two loops: V8 optimises each as a whole, where one function's cold second loop
 * would throw its optimised code away on first use.
 */
function engineForward(p: W1Program, m: MicrogradOps, node: Int32Array): number {
  return engineLoss(m, node, engineUnits(p, m, node));
}

function engineUnits(p: W1Program, m: MicrogradOps, node: Int32Array): number {
  let n = 100;
  for (let u = 0; u < p.units; u++) {
    const mm = m.mul(node[p.A[u]], node[p.B[u]]);
    const s = m.add(mm, node[p.C[u]]);
    const t = m.tanh(s);
    node[n] = mm;
    node[n + 1] = s;
    node[n + 2] = t;
    node[n + 3] = m.pow(t, SQUARE);
    node[n + 4] = m.relu(t);
    n += 5;
  }
  return n;
}

/** ((n[k-100] + n[k-99]) + ...) + n[k-1]. */
function engineLoss(m: MicrogradOps, node: Int32Array, n: number): number {
  let loss = node[n - 100];
  for (let i = n - 99; i < n; i++) loss = m.add(loss, node[i]);
  return loss;
}

/** W1 through the plain closure-per-value port, same program, same timed regions. */
export function w1Baseline(p: W1Program, warmup: number, reps: number): W1Run {
  const run: W1Run = { forward: new Timings(), backward: new Timings(), loss: NaN, leafGradSum: NaN };
  for (let rep = 0; rep < warmup + reps; rep++) {
    const keep = rep >= warmup;
    const node: Value[] = [];
    for (let i = 0; i < 100; i++) node.push(new Value(p.leaves[i]));

    run.forward.start();
    const loss = baselineForward(p, node);
    run.forward.stop(keep);

    run.backward.start();
    loss.backward();
    run.backward.stop(keep);

    run.loss = loss.data;
    run.leafGradSum = 0;
    for (let i = 0; i < 100; i++) run.leafGradSum += node[i].grad;
  }
  return run;
}

function baselineForward(p: W1Program, node: Value[]): Value {
  for (let u = 0; u < p.units; u++) {
    const mm = node[p.A[u]].mul(node[p.B[u]]);
    const s = mm.add(node[p.C[u]]);
    const t = s.tanh();
    node.push(mm, s, t, t.pow(2), t.relu());
  }
  const n = node.length;
  let loss = node[n - 100];
  for (let i = n - 99; i < n; i++) loss = loss.add(node[i]);
  return loss;
}
