import { Value } from "./value";

/**
 * micrograd's `nn` module ported the plain way on the closure-per-value `Value`: the yardstick
 * for W2. Weights come from the caller (W2's data file) instead of `random.uniform`.
 */
class Neuron {
  constructor(
    readonly w: Value[],
    readonly b: Value,
    private readonly nonlin: boolean,
  ) {}

  /** `sum((wi*xi for wi, xi in zip(self.w, x)), self.b)`, then relu unless linear. */
  call(x: Value[]): Value {
    let act = this.b;
    for (let i = 0; i < this.w.length; i++) act = act.add(this.w[i].mul(x[i]));
    return this.nonlin ? act.relu() : act;
  }

  parameters(): Value[] {
    return [...this.w, this.b];
  }
}

class Layer {
  constructor(readonly neurons: Neuron[]) {}

  call(x: Value[]): Value[] {
    return this.neurons.map((n) => n.call(x));
  }

  parameters(): Value[] {
    return this.neurons.flatMap((n) => n.parameters());
  }
}

export class Mlp {
  readonly layers: Layer[] = [];

  /** `MLP(sizes[0], sizes.slice(1))` with `weights` in `parameters()` order. */
  constructor(sizes: readonly number[], weights: readonly number[]) {
    let next = 0;
    for (let l = 1; l < sizes.length; l++) {
      const neurons: Neuron[] = [];
      for (let j = 0; j < sizes[l]; j++) {
        const w = weights.slice(next, next + sizes[l - 1]).map((v) => new Value(v));
        next += sizes[l - 1];
        neurons.push(new Neuron(w, new Value(weights[next++]), l < sizes.length - 1));
      }
      this.layers.push(new Layer(neurons));
    }
    if (next !== weights.length) throw new Error(`${weights.length} weights for ${next} parameters`);
  }

  /** The one output of the last layer (micrograd returns `out[0]` for a one-neuron layer). */
  call(x: Value[]): Value {
    let h = x;
    for (const layer of this.layers) h = layer.call(h);
    return h[0];
  }

  parameters(): Value[] {
    return this.layers.flatMap((l) => l.parameters());
  }

  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = 0;
  }
}
