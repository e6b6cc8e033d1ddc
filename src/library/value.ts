import type { Operand } from "../engine/scalar/microgradOps";
import type { GradlensContext } from "./context";
import { INSPECT } from "./inspectHook";

/** The tape row a Value stands for (a symbol: programs in the interpreter cannot reach it). */
export const ROW = Symbol("gradlens.row");

export interface ValueLike {
  readonly [ROW]: number;
}

/** What a `Value` class made for one context looks like to TypeScript. */
export interface ValueClass {
  new (data: number): ValueInstance;
}

export interface ValueInstance extends ValueLike {
  data: number;
  grad: number;
  add(other: ValueInstance | number): ValueInstance;
  sub(other: ValueInstance | number): ValueInstance;
  mul(other: ValueInstance | number): ValueInstance;
  div(other: ValueInstance | number): ValueInstance;
  pow(exponent: number): ValueInstance;
  neg(): ValueInstance;
  relu(): ValueInstance;
  tanh(): ValueInstance;
  exp(): ValueInstance;
  log(): ValueInstance;
  sigmoid(): ValueInstance;
  backward(): void;
  toString(): string;
}

/**
 * A micrograd-like scalar `Value` on the context's tape. The operations compose the engine's
 * primitives as micrograd does (`a.sub(b)` is `a + (-b)`, `a.div(b)` is `a * b**-1`), so the
 * interpreter, which runs the same class, and Node print the same numbers and make the same graph.
 */
export function makeValueClass(cx: GradlensContext): ValueClass {
  const { tape, ops } = cx;
  const operand = (other: unknown, method: string): Operand => {
    if (other instanceof Value) return other[ROW];
    if (typeof other === "number") return { value: other, isInt: false };
    throw new TypeError(`Value.${method}() takes a Value or a number`);
  };
  const of = (row: number): Value => Object.create(Value.prototype, { [ROW]: { value: row } }) as Value;

  class Value implements ValueInstance {
    declare readonly [ROW]: number;

    constructor(data: number) {
      if (typeof data !== "number") throw new TypeError("new Value() takes a number");
      Object.defineProperty(this, ROW, { value: tape.leaf(data, false) });
    }

    get data(): number {
      return tape.data[this[ROW]];
    }

    set data(x: number) {
      if (typeof x !== "number") throw new TypeError("Value.data must be a number");
      tape.setData(this[ROW], x, false);
    }

    get grad(): number {
      return tape.grad[this[ROW]];
    }

    set grad(g: number) {
      if (typeof g !== "number") throw new TypeError("Value.grad must be a number");
      tape.setGrad(this[ROW], g, false);
    }

    add(other: Value | number): Value {
      return of(ops.add(this[ROW], operand(other, "add")));
    }

    sub(other: Value | number): Value {
      return of(ops.sub(this[ROW], operand(other, "sub")));
    }

    mul(other: Value | number): Value {
      return of(ops.mul(this[ROW], operand(other, "mul")));
    }

    div(other: Value | number): Value {
      return of(ops.div(this[ROW], operand(other, "div")));
    }

    pow(exponent: number): Value {
      if (typeof exponent !== "number") throw new TypeError("Value.pow() takes a number");
      // an integer exponent is labelled `**2` in the graph, as Python's int would be
      return of(ops.pow(this[ROW], { value: exponent, isInt: Number.isInteger(exponent) }));
    }

    neg(): Value {
      return of(ops.neg(this[ROW]));
    }

    relu(): Value {
      return of(ops.relu(this[ROW]));
    }

    tanh(): Value {
      return of(ops.tanh(this[ROW]));
    }

    exp(): Value {
      return of(ops.exp(this[ROW]));
    }

    log(): Value {
      return of(ops.log(this[ROW]));
    }

    sigmoid(): Value {
      return of(ops.sigmoid(this[ROW]));
    }

    backward(): void {
      cx.backward(this[ROW]);
    }

    toString(): string {
      return `Value(data=${this.data}, grad=${this.grad})`;
    }

    [INSPECT](): string {
      return this.toString();
    }
  }
  return Value;
}
