import type { Trace } from "../../trace/trace";
import { TraceBuilder } from "./traceBuilder";

/**
 * examples/first_expression.py as micrograd builds it (17 values):
 *   h = (x * w + b).relu(); y = h * x + 3 / w; y += 1 - b; loss = y ** 2; loss.backward()
 * By hand: loss = 30.25, x.grad = 5.5, w.grad = 88, b.grad = -11, h.grad = -22.
 */
export function firstExpressionTrace(): Trace {
  const t = new TraceBuilder();
  const x = t.leaf(2.0, "x", "Value(2.0)");
  const w = t.leaf(-0.5, "w", "Value(-0.5)");
  const b = t.leaf(1.5, "b", "Value(1.5)");
  const xw = t.mul(x, w, "x * w");
  const h = t.name(t.relu(t.add(xw, b, "x * w + b"), "(x * w + b).relu()"), "h");
  const hx = t.mul(h, x, "h * x");
  // micrograd's 3 / w is w.__rtruediv__(3): 3 * w**-1, which becomes (w**-1) * Value(3).
  const threeOverW = t.mul(t.pow(w, -1, "3 / w"), t.constant(3), "3 / w");
  const y = t.name(t.add(hx, threeOverW, "h * x + 3 / w"), "y");
  // 1 - b is b.__rsub__(1): 1 + (-b), which becomes (b * Value(-1)) + Value(1).
  const oneMinusB = t.add(t.mul(b, t.constant(-1), "1 - b"), t.constant(1), "1 - b");
  const y2 = t.name(t.add(y, oneMinusB, "y += 1 - b"), "y");
  const loss = t.name(t.pow(y2, 2, "y ** 2"), "loss");
  return t.build(loss);
}

/** A deterministic stream in [-1, 1), so fixtures do not depend on Math.random. */
function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32) * 2 - 1;
  };
}

/** The program `mlpTrace` stands for; its spans point into this text. */
export const MLP_SOURCE = `model = MLP(2, [16, 16, 1])
losses = [(model(x) - y) ** 2 for x, y in zip(xs, ys)]
loss = sum(losses)
loss.backward()
`;

function spanOf(text: string): { from: number; to: number } {
  const from = MLP_SOURCE.indexOf(text);
  return { from, to: from + text.length };
}

/**
 * A micrograd MLP (ReLU hidden layers, linear output) on a few samples with a summed squared
 * error, built the way micrograd's `nn.py` builds it: `sum((wi*xi for …), self.b)` per neuron,
 * inside `MLP.__call__` → `Layer.__call__` → `Neuron.__call__`, every value inside carrying the
 * span of the user's `model(x)` as the runtime records it (see MLP_SOURCE).
 * MLP(2, [4, 4, 1]) on 3 samples has ~300 values; MLP(2, [16, 16, 1]) on 2 samples ~2,200;
 * on 100 samples (micrograd's demo batch) ~66,000 values and ~127,000 edges.
 */
export function mlpTrace(inputs: number, layerSizes: readonly number[], samples: number, seed = 1337): Trace {
  const t = new TraceBuilder();
  const random = uniform(seed);
  const layers: { w: number[]; b: number }[][] = [];
  const init = spanOf(`MLP(2, [16, 16, 1])`);
  const call = spanOf("model(x)");
  let instance = 0;
  t.at(init, () =>
    t.within("MLP.__init__", "MLP", instance++, init, () => {
      let fanIn = inputs;
      for (const size of layerSizes) {
        const neurons: { w: number[]; b: number }[] = [];
        t.within("Layer.__init__", "Layer", instance++, init, () => {
          for (let n = 0; n < size; n++) {
            t.within("Neuron.__init__", "Neuron", instance++, init, () => {
              const w = Array.from({ length: fanIn }, () =>
                t.leaf(random(), undefined, "Value(random.uniform(-1, 1))"),
              );
              neurons.push({ w, b: t.leaf(0, undefined, "Value(0)") });
            });
          }
        });
        layers.push(neurons);
        fanIn = size;
      }
    }),
  );
  const losses: number[] = [];
  for (let s = 0; s < samples; s++) {
    const xs = Array.from({ length: inputs }, (_, i) => t.constant(random() * 2, `xs[${s}][${i}]`));
    const out = t.at(call, () =>
      t.within("MLP.__call__", "MLP", 0, call, () => {
        let activations = xs;
        layers.forEach((neurons, l) => {
          const last = l === layers.length - 1;
          activations = t.within("Layer.__call__", "Layer", 1 + l, call, () =>
            neurons.map(({ w, b }) =>
              t.within("Neuron.__call__", "Neuron", null, call, () => {
                let act = b;
                w.forEach(
                  (wi, i) => (act = t.add(act, t.mul(wi, activations[i], "wi * xi"), "sum(…, self.b)")),
                );
                t.name(act, "act");
                return last ? act : t.name(t.relu(act, "act.relu()"), "out");
              }),
            ),
          );
        });
        return activations[0];
      }),
    );
    const target = t.constant(s % 2 === 0 ? 1 : -1, `ys[${s}]`);
    const diff = t.at(spanOf("model(x) - y"), () => t.sub(out, target, "model(x) - y"));
    losses.push(t.at(spanOf("(model(x) - y) ** 2"), () => t.pow(diff, 2, "(model(x) - y) ** 2")));
  }
  let loss = losses[0];
  t.at(spanOf("sum(losses)"), () => {
    for (let i = 1; i < losses.length; i++) loss = t.add(loss, losses[i], "sum(losses)");
  });
  t.name(loss, "loss");
  return t.build(loss);
}
