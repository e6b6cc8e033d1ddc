import { parsePython } from "../src/lang/python/parsePython";
import { makeBuiltins } from "../src/runtime/builtins";
import { Interpreter } from "../src/runtime/interpreter/interpreter";
import { BuiltinModules } from "../src/runtime/moduleLoader";
import { ownClassSource } from "../src/runtime/ownValues/testing/ownClassSource";
import { runProgram } from "../src/runtime/runProgram";
import { cpu, emit, log, median, round } from "./report";
import { ReferenceCheck } from "./reference";
import { count, fail, type Plan } from "./plan";

/**
 * OWN60: what recognising a learner's own autograd class costs (issue 13's budget: ≤ 30%). The
 * micrograd lecture's training loop — its own `Value` class (recursive topological sort), a
 * `Neuron`/`Layer`/`MLP` of its own, MLP(3, [4, 4, 1]) on the lecture's four samples, 60 steps
 * — is run as written, where GradLens makes every Value a tape row and checks every
 * backward(), and with `grad` renamed, where the class is not recognised and runs as plain
 * objects. Both must print the same losses. Timed twice: the program's run alone (what the
 * recognition and the checks of backward() cost the interpreter), and the whole run with its
 * trace (which for the recognised class holds every value of the 60 steps: the graph).
 */
export function planOwnValue(): Plan {
  const reps = count("own-reps", 5, 1);
  const steps = count("own-steps", 60, 1);
  const recognised = ownValueTraining(steps);
  const plain = recognised.replace(/\bgrad\b/g, "gradient");
  const times = {
    recognised: [] as number[],
    plain: [] as number[],
    recognisedRun: [] as number[],
    plainRun: [] as number[],
  };
  let losses: string[][] = [];
  let values = 0;
  let warnings = 0;

  const timed = (source: string) => {
    const c = cpu();
    const trace = runProgram(source, { stepBudget: 1e12 });
    const ms = cpu() - c;
    if (!trace.ok) throw new Error(trace.diagnostics.map((d) => d.message).join("; "));
    return { ms, trace };
  };

  /** The interpreter alone, as runProgram drives it, without building the trace. */
  const interpreted = (source: string) => {
    const program = parsePython(source).program!;
    const c = cpu();
    const interp = new Interpreter(program, 1e12, makeBuiltins, new BuiltinModules());
    interp.run();
    return cpu() - c;
  };

  return {
    name: "OWN60",
    engine() {
      log(
        `OWN60: the lecture's own Value class training MLP(3,[4,4,1]) for ${steps} steps, ${reps} × 2 runs`,
      );
      timed(plain); // warm-up
      for (let r = 0; r < reps; r++) {
        const a = timed(recognised);
        const b = timed(plain);
        times.recognised.push(a.ms);
        times.plain.push(b.ms);
        times.recognisedRun.push(interpreted(recognised));
        times.plainRun.push(interpreted(plain));
        losses = [a.trace.stdout.trim().split("\n"), b.trace.stdout.trim().split("\n")];
        values = a.trace.nodes.length;
        warnings = a.trace.diagnostics.length;
      }
    },
    baseline() {},
    report() {
      const c = new ReferenceCheck();
      // the forward pass of step 0 does not depend on set order: recorded with CPython 3.11
      c.close("loss_first", Number(losses[0][0]), OWN60_FIRST_LOSS);
      if (losses[0].join() !== losses[1].join()) c.failures.push("the recognised run printed other losses");
      if (warnings > 0) c.failures.push(`${warnings} diagnostics on a correct class`);
      if (c.failures.length > 0) return fail("OWN60", "interpreter", c.failures.join("; "));
      const recognisedMs = median(times.recognised);
      const plainMs = median(times.plain);
      const recognisedRun = median(times.recognisedRun);
      const plainRun = median(times.plainRun);
      emit({
        workload: "OWN60",
        impl: "interpreter",
        steps,
        values,
        run_recognised_ms_cpu: round(recognisedRun, 1),
        run_plain_ms_cpu: round(plainRun, 1),
        run_overhead_pct: round((100 * (recognisedRun - plainRun)) / plainRun, 1),
        with_trace_recognised_ms_cpu: round(recognisedMs, 1),
        with_trace_plain_ms_cpu: round(plainMs, 1),
        with_trace_overhead_pct: round((100 * (recognisedMs - plainMs)) / plainMs, 1),
        loss_first: Number(losses[0][0]),
        reference_checked: "loss_first",
      });
    },
  };
}

/** CPython 3.11's first loss of `ownValueTraining` (random.seed(1337)). */
const OWN60_FIRST_LOSS = 6.005402783252284;

/** The lecture's training loop on a Value class of the lecture's shape, printing each step's loss. */
export function ownValueTraining(steps: number): string {
  return `${ownClassSource({ topo: "recursive" })}import random

random.seed(1337)


class Neuron:
    def __init__(self, nin):
        self.w = [Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = Value(random.uniform(-1, 1))

    def __call__(self, x):
        act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        return act.tanh()

    def parameters(self):
        return self.w + [self.b]


class Layer:
    def __init__(self, nin, nout):
        self.neurons = [Neuron(nin) for _ in range(nout)]

    def __call__(self, x):
        outs = [n(x) for n in self.neurons]
        return outs[0] if len(outs) == 1 else outs

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class MLP:
    def __init__(self, nin, nouts):
        sizes = [nin] + nouts
        self.layers = [Layer(sizes[i], sizes[i + 1]) for i in range(len(nouts))]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]


model = MLP(3, [4, 4, 1])
xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
ys = [1.0, -1.0, -1.0, 1.0]
for k in range(${steps}):
    ypred = [model(x) for x in xs]
    loss = sum((yout - ygt) ** 2 for ygt, yout in zip(ys, ypred))
    for p in model.parameters():
        p.grad = 0.0
    loss.backward()
    for p in model.parameters():
        p.data += -0.05 * p.grad
    print(repr(loss.data))
`;
}
