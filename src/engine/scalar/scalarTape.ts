import { OpCode, SCALAR_OPS } from "./scalarOps";

const DATA_INT = 1;
const GRAD_INT = 2;
const EXPONENT_INT = 4;

/**
 * Every scalar value a program makes, in creation order, as parallel typed arrays (one row a
 * value) rather than an object and a closure per value: compact, fast, and the order of
 * creation is already a topological order. A value is its row number.
 *
 * `grad` holds what micrograd's `.grad` would read — it accumulates across `backward()` calls
 * exactly as micrograd does. `rootGradients` computes ∂root/∂x separately, for the trace.
 */
export class ScalarTape {
  size = 0;
  op = new Uint8Array(1024);
  /** First operand's row, or -1. */
  a = new Int32Array(1024);
  /** Second operand's row, or -1. */
  b = new Int32Array(1024);
  /** The operation's constant (the exponent of `**`). */
  k = new Float64Array(1024);
  data = new Float64Array(1024);
  grad = new Float64Array(1024);
  /** Python int-ness of data, grad and exponent (bits DATA_INT, GRAD_INT, EXPONENT_INT). */
  flags = new Uint8Array(1024);

  // DFS scratch, reused between backward passes; `mark` is stamped with `epoch` so it never needs clearing.
  private mark = new Uint32Array(1024);
  private epoch = 0;
  private stack = new Int32Array(1024);
  private order = new Int32Array(1024);

  /** A value the program made directly: micrograd's `Value(x)` (`isConst` for an operand wrapped on the fly). */
  leaf(x: number, isInt = false, isConst = false): number {
    const id = this.push(isConst ? OpCode.Const : OpCode.Leaf, -1, -1, 0);
    this.data[id] = x;
    this.flags[id] = (isInt ? DATA_INT : 0) | GRAD_INT;
    return id;
  }

  /** Applies a primitive operation; throws EngineArithmeticError where Python would raise. */
  apply(code: OpCode, x: number, y = -1, k = 0, kIsInt = false): number {
    const rule = SCALAR_OPS[code];
    const xd = this.data[x];
    const yd = y >= 0 ? this.data[y] : 0;
    const out = rule.forward(xd, yd, k);
    const xInt = (this.flags[x] & DATA_INT) !== 0;
    const yInt = y >= 0 && (this.flags[y] & DATA_INT) !== 0;
    const id = this.push(code, x, y, k);
    this.data[id] = out;
    this.flags[id] =
      (rule.resultIsInt(xInt, yInt, kIsInt, xd, k) ? DATA_INT : 0) | GRAD_INT | (kIsInt ? EXPONENT_INT : 0);
    return id;
  }

  isDataInt(id: number): boolean {
    return (this.flags[id] & DATA_INT) !== 0;
  }

  isGradInt(id: number): boolean {
    return (this.flags[id] & GRAD_INT) !== 0;
  }

  /** Sets `.data` as a Python assignment does (`p.data -= lr * p.grad`). */
  setData(id: number, x: number, isInt: boolean): void {
    this.data[id] = x;
    this.flags[id] = (this.flags[id] & ~DATA_INT) | (isInt ? DATA_INT : 0);
  }

  /** Sets `.grad` as a Python assignment does (`p.grad = 0`). */
  setGrad(id: number, g: number, isInt: boolean): void {
    this.grad[id] = g;
    this.flags[id] = (this.flags[id] & ~GRAD_INT) | (isInt ? GRAD_INT : 0);
  }

  /** ∂row/∂operand from the operands' current data. */
  localDerivative(id: number, operand: number): number {
    const x = this.a[id];
    const y = this.b[id];
    return SCALAR_OPS[this.op[id]].local(operand, this.data[x], y >= 0 ? this.data[y] : 0, this.k[id], this.data[id]);
  }

  /**
   * micrograd's `backward()`: the root's grad is set to 1, then each value in reverse
   * topological order adds local derivative × its grad to each operand's grad. Grads are never
   * reset, so a second call accumulates (intermediate grads included), as in micrograd.
   */
  backward(root: number): void {
    const n = this.topologicalOrder(root);
    const { op, a, b, data, grad, flags, order } = this;
    grad[root] = 1;
    flags[root] |= GRAD_INT;
    for (let i = n - 1; i >= 0; i--) {
      const id = order[i];
      const code = op[id];
      if (code <= OpCode.Const) continue;
      const rule = SCALAR_OPS[code];
      const g = grad[id];
      const gInt = (flags[id] & GRAD_INT) !== 0;
      const x = a[id];
      const y = b[id];
      const xd = data[x];
      const yd = y >= 0 ? data[y] : 0;
      const k = this.k[id];
      const kInt = (flags[id] & EXPONENT_INT) !== 0;
      const xInt = (flags[x] & DATA_INT) !== 0;
      const yInt = y >= 0 && (flags[y] & DATA_INT) !== 0;
      grad[x] += rule.local(0, xd, yd, k, data[id]) * g;
      if (!(gInt && rule.localIsInt(0, xInt, yInt, kInt, k))) flags[x] &= ~GRAD_INT;
      if (y >= 0) {
        grad[y] += rule.local(1, xd, yd, k, data[id]) * g;
        if (!(gInt && rule.localIsInt(1, xInt, yInt, kInt, k))) flags[y] &= ~GRAD_INT;
      }
    }
  }

  /**
   * ∂root/∂x for every row (0 where x does not reach the root), and which rows reach it,
   * without touching `.grad`.
   */
  rootGradients(root: number): { grad: Float64Array; reaches: Uint8Array } {
    const n = this.topologicalOrder(root);
    const grad = new Float64Array(this.size);
    const reaches = new Uint8Array(this.size);
    grad[root] = 1;
    for (let i = n - 1; i >= 0; i--) {
      const id = this.order[i];
      reaches[id] = 1;
      if (this.op[id] <= OpCode.Const) continue;
      const g = grad[id];
      grad[this.a[id]] += this.localDerivative(id, 0) * g;
      if (this.b[id] >= 0) grad[this.b[id]] += this.localDerivative(id, 1) * g;
    }
    return { grad, reaches };
  }

  /**
   * Fills `order[0..n)` with the values the root depends on, operands before results
   * (iterative depth-first post-order: a 100,000-deep chain must not overflow the stack).
   */
  private topologicalOrder(root: number): number {
    if (this.mark.length < this.size) this.mark = new Uint32Array(this.op.length);
    if (this.order.length < this.size) this.order = new Int32Array(this.op.length);
    if (this.stack.length < 3 * this.size + 3) this.stack = new Int32Array(3 * this.op.length + 3);
    const epoch = ++this.epoch;
    const { mark, stack, order, a, b } = this;
    let sp = 0;
    let n = 0;
    stack[sp++] = root;
    while (sp > 0) {
      const entry = stack[--sp];
      if (entry < 0) {
        order[n++] = ~entry; // all operands are done: post-order position
        continue;
      }
      if (mark[entry] === epoch) continue;
      mark[entry] = epoch;
      stack[sp++] = ~entry;
      const y = b[entry];
      const x = a[entry];
      if (y >= 0 && mark[y] !== epoch) stack[sp++] = y;
      if (x >= 0 && mark[x] !== epoch) stack[sp++] = x;
    }
    return n;
  }

  private push(code: OpCode, x: number, y: number, k: number): number {
    if (this.size === this.op.length) this.grow();
    const id = this.size++;
    this.op[id] = code;
    this.a[id] = x;
    this.b[id] = y;
    this.k[id] = k;
    this.grad[id] = 0;
    return id;
  }

  private grow(): void {
    const cap = this.op.length * 2;
    const resize = <T extends Uint8Array | Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(cap);
      next.set(old);
      return next;
    };
    this.op = resize(this.op, (n) => new Uint8Array(n));
    this.a = resize(this.a, (n) => new Int32Array(n));
    this.b = resize(this.b, (n) => new Int32Array(n));
    this.k = resize(this.k, (n) => new Float64Array(n));
    this.data = resize(this.data, (n) => new Float64Array(n));
    this.grad = resize(this.grad, (n) => new Float64Array(n));
    this.flags = resize(this.flags, (n) => new Uint8Array(n));
  }
}
