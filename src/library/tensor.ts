import * as T from "../engine/tensor/index";
import type { GradlensContext } from "./context";
import { makeDataViews } from "./dataView";
import { INSPECT } from "./inspectHook";

/** The engine tensor a library Tensor wraps (a symbol: out of the interpreted program's reach). */
export const ENGINE = Symbol("gradlens.tensor");

export interface TensorOptions {
  requiresGrad?: boolean;
  dtype?: "float32" | "float64";
}

type Operand = TensorInstance | number;

export interface TensorInstance {
  readonly [ENGINE]: T.Tensor;
  readonly shape: number[];
  readonly grad: TensorInstance | null;
  readonly data: TensorInstance;
  readonly requiresGrad: boolean;
  add(other: Operand): TensorInstance;
  sub(other: Operand): TensorInstance;
  mul(other: Operand): TensorInstance;
  div(other: Operand): TensorInstance;
  matmul(other: TensorInstance): TensorInstance;
  pow(exponent: number): TensorInstance;
  neg(): TensorInstance;
  exp(): TensorInstance;
  log(): TensorInstance;
  relu(): TensorInstance;
  tanh(): TensorInstance;
  sigmoid(): TensorInstance;
  sum(dim?: number, keepdim?: boolean): TensorInstance;
  mean(dim?: number, keepdim?: boolean): TensorInstance;
  reshape(...shape: number[]): TensorInstance;
  t(): TensorInstance;
  detach(): TensorInstance;
  item(): number;
  tolist(): T.Nested;
  backward(): void;
  toString(): string;
}

/** The tensor part of the API, bound to one context. */
export interface TensorApi {
  Tensor: abstract new (...args: never[]) => TensorInstance;
  wrap(t: T.Tensor): TensorInstance;
  unwrap(x: unknown, what: string): T.Tensor;
  tensor(data: T.Nested, options?: TensorOptions): TensorInstance;
  zeros(...args: (number | number[] | TensorOptions)[]): TensorInstance;
  ones(...args: (number | number[] | TensorOptions)[]): TensorInstance;
  randn(...args: (number | number[] | TensorOptions)[]): TensorInstance;
  rand(...args: (number | number[] | TensorOptions)[]): TensorInstance;
  manualSeed(seed: number): void;
}

/** `zeros(2, 3)`, `zeros([2, 3])`, either with a trailing options object. */
function shapeArgs(args: (number | number[] | TensorOptions)[]): { shape: number[]; options: TensorOptions } {
  const last = args[args.length - 1];
  const hasOptions = typeof last === "object" && last !== null && !Array.isArray(last);
  const options = hasOptions ? (last as TensorOptions) : {};
  const dims = hasOptions ? args.slice(0, -1) : args;
  const shape = dims.length === 1 && Array.isArray(dims[0]) ? dims[0] : (dims as number[]);
  if (!shape.every((d) => typeof d === "number"))
    throw new TypeError("a shape is numbers, or one array of numbers");
  return { shape: [...shape], options };
}

function createOptions(o: TensorOptions | undefined): T.CreateOptions {
  return { requiresGrad: o?.requiresGrad === true, ...(o?.dtype ? { dtype: o.dtype } : {}) };
}

/**
 * PyTorch's tensors with camelCase names (`requiresGrad`, `manualSeed`) on GradLens's tensor
 * engine. One wrapper per engine tensor, so `p.grad === p.grad` holds as in PyTorch.
 */
export function makeTensorApi(cx: GradlensContext): TensorApi {
  const wrappers = new WeakMap<T.Tensor, Tensor>();
  const wrap = (t: T.Tensor): Tensor => {
    let w = wrappers.get(t);
    if (w === undefined) {
      w = Object.create(Tensor.prototype, { [ENGINE]: { value: t } }) as Tensor;
      wrappers.set(t, w);
      cx.tensorMade(t);
    }
    return w;
  };
  const unwrap = (x: unknown, what: string): T.Tensor => {
    if (x instanceof Tensor) return x[ENGINE];
    throw new TypeError(`${what} takes a Tensor`);
  };
  const dataView = makeDataViews();
  const operand = (x: unknown, what: string): T.Tensor | number =>
    typeof x === "number" ? x : unwrap(x, what);

  class Tensor implements TensorInstance {
    declare readonly [ENGINE]: T.Tensor;

    constructor() {
      throw new TypeError("make tensors with tensor(), zeros(), randn(), …");
    }

    get shape(): number[] {
      return [...this[ENGINE].shape];
    }

    get grad(): Tensor | null {
      const g = this[ENGINE].grad;
      return g === null ? null : wrap(g);
    }

    get data(): Tensor {
      return wrap(dataView(this[ENGINE]));
    }

    get requiresGrad(): boolean {
      return this[ENGINE].requiresGrad;
    }

    add(other: Operand): Tensor {
      return wrap(T.add(this[ENGINE], operand(other, "add()")));
    }

    sub(other: Operand): Tensor {
      return wrap(T.sub(this[ENGINE], operand(other, "sub()")));
    }

    mul(other: Operand): Tensor {
      return wrap(T.mul(this[ENGINE], operand(other, "mul()")));
    }

    div(other: Operand): Tensor {
      return wrap(T.div(this[ENGINE], operand(other, "div()")));
    }

    matmul(other: TensorInstance): Tensor {
      return wrap(T.matmul(this[ENGINE], unwrap(other, "matmul()")));
    }

    pow(exponent: number): Tensor {
      return wrap(T.pow(this[ENGINE], operand(exponent, "pow()")));
    }

    neg(): Tensor {
      return wrap(T.neg(this[ENGINE]));
    }

    exp(): Tensor {
      return wrap(T.exp(this[ENGINE]));
    }

    log(): Tensor {
      return wrap(T.log(this[ENGINE]));
    }

    relu(): Tensor {
      return wrap(T.relu(this[ENGINE]));
    }

    tanh(): Tensor {
      return wrap(T.tanh(this[ENGINE]));
    }

    sigmoid(): Tensor {
      return wrap(T.sigmoid(this[ENGINE]));
    }

    sum(dim?: number, keepdim = false): Tensor {
      return wrap(T.sum(this[ENGINE], dim, keepdim));
    }

    mean(dim?: number, keepdim = false): Tensor {
      return wrap(T.mean(this[ENGINE], dim, keepdim));
    }

    reshape(...shape: number[]): Tensor {
      const dims = shape.length === 1 && Array.isArray(shape[0]) ? (shape[0] as number[]) : shape;
      return wrap(T.reshape(this[ENGINE], dims));
    }

    t(): Tensor {
      return wrap(T.t(this[ENGINE]));
    }

    detach(): Tensor {
      return wrap(T.detach(this[ENGINE]));
    }

    item(): number {
      return this[ENGINE].item();
    }

    tolist(): T.Nested {
      return this[ENGINE].toNested();
    }

    backward(): void {
      const root = this[ENGINE];
      cx.tensorBackward(root, T.backward(root, { trace: cx.traceTensors }));
    }

    toString(): string {
      return T.formatTensor(this[ENGINE]);
    }

    [INSPECT](): string {
      return this.toString();
    }
  }

  return {
    Tensor,
    wrap,
    unwrap,
    tensor: (data, options) => wrap(T.tensor(data, createOptions(options))),
    zeros: (...args) => {
      const { shape, options } = shapeArgs(args);
      return wrap(T.zeros(shape, createOptions(options)));
    },
    ones: (...args) => {
      const { shape, options } = shapeArgs(args);
      return wrap(T.ones(shape, createOptions(options)));
    },
    randn: (...args) => {
      const { shape, options } = shapeArgs(args);
      return wrap(T.randn(shape, createOptions(options)));
    },
    rand: (...args) => {
      const { shape, options } = shapeArgs(args);
      return wrap(T.rand(shape, createOptions(options)));
    },
    manualSeed: (seed) => T.manualSeed(seed),
  };
}
