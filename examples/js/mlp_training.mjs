// A micrograd-style MLP written in JavaScript on the gradlens Value, trained with plain
// gradient descent on four points. Its classes are the program's own (Neuron, Layer, MLP),
// so the graph folds each call into a box; the weights come from a small seeded generator.
import { Value } from "gradlens";

// A linear congruential generator: the same weights on every run, here and under Node.
let seed = 42;
function random() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}

class Neuron {
  constructor(nin) {
    this.w = Array.from({ length: nin }, () => new Value(random() * 2 - 1));
    this.b = new Value(0);
  }

  call(x) {
    const act = this.w.reduce((sum, wi, i) => sum.add(wi.mul(x[i])), this.b);
    return act.tanh();
  }

  parameters() {
    return [...this.w, this.b];
  }
}

class Layer {
  constructor(nin, nout) {
    this.neurons = Array.from({ length: nout }, () => new Neuron(nin));
  }

  call(x) {
    const out = this.neurons.map((n) => n.call(x));
    return out.length === 1 ? out[0] : out;
  }

  parameters() {
    return this.neurons.reduce((ps, n) => ps.concat(n.parameters()), []);
  }
}

class MLP {
  constructor(nin, nouts) {
    const sizes = [nin, ...nouts];
    this.layers = nouts.map((_, i) => new Layer(sizes[i], sizes[i + 1]));
  }

  call(x) {
    let out = x;
    for (const layer of this.layers) out = layer.call(out);
    return out;
  }

  parameters() {
    const ps = [];
    for (const layer of this.layers) ps.push(...layer.parameters());
    return ps;
  }
}

const xs = [
  [2.0, 3.0, -1.0],
  [3.0, -1.0, 0.5],
  [0.5, 1.0, 1.0],
  [1.0, 1.0, -1.0],
];
const ys = [1.0, -1.0, -1.0, 1.0];
const model = new MLP(3, [4, 4, 1]);

const losses = [];
let loss;
for (let step = 0; step < 10; step++) {
  const preds = xs.map((x) => model.call(x));
  loss = preds.reduce((sum, p, i) => sum.add(p.sub(ys[i]).pow(2)), new Value(0));
  for (const p of model.parameters()) p.grad = 0;
  loss.backward();
  for (const p of model.parameters()) p.data -= 0.05 * p.grad;
  losses.push(loss.data);
  console.log(`step ${step}: loss = ${loss.data.toFixed(6)}`);
}
console.log("parameters:", model.parameters().length);

// expect: model.parameters().length == 41
// expect: losses[9] < losses[0]
// expect: losses[9] < 1
