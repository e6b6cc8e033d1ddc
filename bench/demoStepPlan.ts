import { ownClassSource } from "../src/runtime/ownValues/testing/ownClassSource";
import { runProgram } from "../src/runtime/runProgram";
import { count, fail, type Plan } from "./plan";
import { REFERENCE, ReferenceCheck } from "./reference";
import { cpu, emit, log, median, round } from "./report";
import { pyFloat, w2Setup } from "./w2pySource";
import { w2Data, type W2Data } from "./workloads";

/**
 * MICROGRAD_DEMO_STEP: a training step of micrograd's demo notebook as it runs in GradLens — a
 * Value class of the program's own (recognised, every backward() checked), MLP(2,[16,16,1])
 * with ReLU neurons, the SVM loss with L2 regularisation over W2's 100 points held in a numpy
 * array, so every Value's data is an `np.float64` (each operation a numpy scalar operation on
 * the tape, as in the notebook). Baseline in the same run: the same step with the points as
 * Python floats. A run of 1 + `steps` steps and a run of 1 step are timed, each `reps` times;
 * the difference of their medians over `steps` is a step's cost (parsing and the trace shared).
 */
export function planDemoStep(): Plan {
  const reps = count("demo-reps", 3, 1);
  const steps = count("demo-steps", 2, 1);
  const data = w2Data();
  const times = {
    npLong: [] as number[],
    npShort: [] as number[],
    pyLong: [] as number[],
    pyShort: [] as number[],
  };
  let firstLoss = NaN;
  let sameLosses = true;

  const timed = (source: string) => {
    const c = cpu();
    const trace = runProgram(source, { stepBudget: 1e12, memoryBudgetMb: 2048 });
    const ms = cpu() - c;
    if (!trace.ok) throw new Error(trace.diagnostics.map((d) => d.message).join("; "));
    return { ms, losses: trace.stdout.trim().split("\n") };
  };

  return {
    name: "MICROGRAD_DEMO_STEP",
    engine() {
      log(
        `MICROGRAD_DEMO_STEP: the demo's step on its own Value class, numpy data and Python floats, ${reps} × (${1 + steps} and 1 steps)`,
      );
      for (let r = 0; r < reps; r++) {
        const npLong = timed(demoSource(data, 1 + steps, true));
        times.npLong.push(npLong.ms);
        times.npShort.push(timed(demoSource(data, 1, true)).ms);
        const pyLong = timed(demoSource(data, 1 + steps, false));
        times.pyLong.push(pyLong.ms);
        times.pyShort.push(timed(demoSource(data, 1, false)).ms);
        firstLoss = Number(npLong.losses[0]);
        if (npLong.losses.join() !== pyLong.losses.join()) sameLosses = false;
      }
    },
    baseline() {},
    report() {
      const c = new ReferenceCheck();
      c.close("loss_first", firstLoss, REFERENCE.W2.lossFirst);
      if (!sameLosses) c.failures.push("numpy data and Python floats printed other losses");
      if (c.failures.length > 0) return fail("MICROGRAD_DEMO_STEP", "interpreter", c.failures.join("; "));
      const numpyStep = (median(times.npLong) - median(times.npShort)) / steps;
      const floatStep = (median(times.pyLong) - median(times.pyShort)) / steps;
      emit({
        workload: "MICROGRAD_DEMO_STEP",
        impl: "interpreter",
        steps,
        reps,
        step_ms_cpu: round(numpyStep, 1),
        python_floats_step_ms_cpu: round(floatStep, 1),
        vs_python_floats: round(numpyStep / floatStep, 2),
        loss_first: firstLoss,
        reference_checked: "loss_first",
      });
    },
  };
}

/**
 * The demo notebook's model, loss and loop, written as a learner writes them over the tests'
 * own Value class, with W2's points and initial weights; prints each step's loss.
 */
export function demoSource(d: W2Data, steps: number, numpyData: boolean): string {
  return `${ownClassSource({ topo: "recursive" })}import numpy as np


class Neuron:
    def __init__(self, nin, nonlin=True):
        self.w = [Value(0.0) for _ in range(nin)]
        self.b = Value(0.0)
        self.nonlin = nonlin

    def __call__(self, x):
        act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        return act.relu() if self.nonlin else act

    def parameters(self):
        return self.w + [self.b]


class Layer:
    def __init__(self, nin, nout, **kwargs):
        self.neurons = [Neuron(nin, **kwargs) for _ in range(nout)]

    def __call__(self, x):
        out = [n(x) for n in self.neurons]
        return out[0] if len(out) == 1 else out

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class MLP:
    def __init__(self, nin, nouts):
        sz = [nin] + nouts
        self.layers = [Layer(sz[i], sz[i + 1], nonlin=i != len(nouts) - 1) for i in range(len(nouts))]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def zero_grad(self):
        for p in self.parameters():
            p.grad = 0


${w2Setup(d, numpyData)}

def loss():
    inputs = [list(map(Value, xrow)) for xrow in X]
    scores = list(map(model, inputs))
    losses = [(1 + -yi * scorei).relu() for yi, scorei in zip(y, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    reg_loss = ${pyFloat(d.alpha)} * sum((p * p for p in model.parameters()))
    return data_loss + reg_loss


for k in range(${steps}):
    total_loss = loss()
    model.zero_grad()
    total_loss.backward()
    learning_rate = 1.0 - 0.9 * k / 100
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    print(float(total_loss.data))
`;
}
