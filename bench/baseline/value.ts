/**
 * The yardstick: micrograd's `Value` ported to JavaScript the plain way — an object per value,
 * its operands in a Set, its chain-rule step in a closure — so each engine figure comes with a
 * ratio to what a straightforward port does on the same machine, in the same process.
 * Only the topological sort differs from micrograd's: it is iterative, because W1's graph is
 * 40,000 values deep and a recursive one overflows Node's stack.
 */
export class Value {
  grad = 0;
  backwardStep: () => void = noop;
  readonly prev: Set<Value>;

  constructor(
    public data: number,
    children: Value[] = [],
    readonly op = "",
  ) {
    this.prev = new Set(children);
  }

  add(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data + o.data, [this, o], "+");
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  mul(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data * o.data, [this, o], "*");
    out.backwardStep = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  pow(k: number): Value {
    const out = new Value(this.data ** k, [this], `**${k}`);
    out.backwardStep = () => {
      this.grad += k * this.data ** (k - 1) * out.grad;
    };
    return out;
  }

  relu(): Value {
    const out = new Value(this.data < 0 ? 0 : this.data, [this], "ReLU");
    out.backwardStep = () => {
      this.grad += (out.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this], "tanh");
    out.backwardStep = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  backward(): void {
    const topo: Value[] = [];
    const visited = new Set<Value>();
    // Post-order DFS with an explicit stack: a value goes in once all its operands have.
    const stack: [Value, Iterator<Value>][] = [[this, this.prev.values()]];
    visited.add(this);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const step = top[1].next();
      if (step.done) {
        topo.push(top[0]);
        stack.pop();
      } else if (!visited.has(step.value)) {
        visited.add(step.value);
        stack.push([step.value, step.value.prev.values()]);
      }
    }
    this.grad = 1;
    for (let i = topo.length - 1; i >= 0; i--) topo[i].backwardStep();
  }
}

function noop(): void {}
