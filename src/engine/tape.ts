import { EngineArithmeticError, EngineUnsupportedError } from "./errors";
import { chargeMemory } from "./memory";
import { exp as ieeeExp, log as ieeeLog, pow as ieeePow } from "./math/correctlyRounded";
import { pythonExp, pythonLog, pythonPow } from "./scalar/pythonFloat";
import { OpCode, SCALAR_OPS } from "./scalar/scalarOps";
import type { LeafMove } from "./leafMove";

/** What one row costs in the tape's arrays (op, a, b, k, data, grad, flags). */
const BYTES_PER_ROW = 1 + 4 + 4 + 8 + 8 + 8 + 1;

const DATA_INT = 1;
const GRAD_INT = 2;
const EXPONENT_INT = 4;

/**
 * Every value a program makes, in creation order, as parallel typed arrays (one row a value)
 * rather than an object and a closure per value: compact, fast, and the order of creation is
 * already a topological order. A value is its row number. Scalars (micrograd's `Value`) are
 * rows with their operands and data; a tensor is a row of kind `OpCode.Tensor` whose number is
 * the tensor's id (see tensorIds.ts) and nothing else: its data and graph stay in the Tensor and
 * its grad_fn, which tensor autograd walks as PyTorch does. One tape, one id space, one order.
 *
 * `grad` holds what micrograd's `.grad` would read — it accumulates across `backward()` calls
 * exactly as micrograd does. `rootGradients` computes ∂root/∂x separately, for the trace.
 *
 * `SCALAR_OPS` is the definition of every operation. `apply` and `backward` inline its rules in
 * a switch, because a call through the table per row costs more than the arithmetic; the tests
 * check the inlined rules against the table, and `rootGradients` uses the table itself.
 */
export class Tape {
  size = 0;
  op: Uint8Array;
  /** First operand's row, or -1. */
  a: Int32Array;
  /** Second operand's row, or -1. */
  b: Int32Array;
  /** The operation's constant (the exponent of `**`). */
  k: Float64Array;
  data: Float64Array;
  grad: Float64Array;
  /** Python int-ness of data, grad and exponent (bits DATA_INT, GRAD_INT, EXPONENT_INT). */
  flags: Uint8Array;

  /** Scratch of `backward`: bit r of word r >> 5 is set once the pass has reached row r. */
  private reached: Int32Array;

  /** `capacity`: rows to allocate up front (the tape doubles when it runs out). */
  constructor(capacity = 1024) {
    const n = Math.max(1, Math.ceil(capacity));
    this.op = new Uint8Array(n);
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
    this.k = new Float64Array(n);
    this.data = new Float64Array(n);
    this.grad = new Float64Array(n);
    this.flags = new Uint8Array(n);
    this.reached = new Int32Array((n >> 5) + 1);
  }

  /** A value the program made directly: micrograd's `Value(x)` (`isConst` for an operand wrapped on the fly). */
  leaf(x: number, isInt = false, isConst = false): number {
    const id = this.push(isConst ? OpCode.Const : OpCode.Leaf, -1, -1, 0);
    const override = this.leafOverrides?.get(id);
    if (override !== undefined) {
      x = override;
      isInt &&= Number.isInteger(override);
    }
    const move = this.leafMoves?.get(id);
    if (move !== undefined && move.version === 0) {
      x += move.add.get(0) ?? 0;
      isInt = false;
    }
    this.data[id] = x;
    this.flags[id] = (isInt ? DATA_INT : 0) | GRAD_INT;
    return id;
  }

  /**
   * A tensor value's row: its id, in creation order among all the run's values. The row holds
   * no operands and no data (the tape keeps no reference to the tensor; the interpreters hold
   * every tensor a run makes, for its trace); scalar passes skip it as they skip leaves.
   */
  tensor(): number {
    const id = this.push(OpCode.Tensor, -1, -1, 0);
    this.data[id] = 0;
    this.flags[id] = 0;
    return id;
  }

  /** Whether a row is a tensor value's (false past the end: an id that is no row of this tape). */
  isTensor(id: number): boolean {
    return id < this.size && this.op[id] === OpCode.Tensor;
  }

  /**
   * Values to give leaves instead of the program's, by row: a deterministic program makes the
   * same rows on every run, so this re-runs it with its parameters moved (gradient checks,
   * training steps).
   */
  leafOverrides: ReadonlyMap<number, number> | null = null;

  /**
   * Leaves moved by row at a given write of their data, in a re-run for a gradient check
   * (leafMove.ts): Values here, tensors in tensor/leafMoves.ts.
   */
  leafMoves: ReadonlyMap<number, LeafMove> | null = null;

  /**
   * Writes of `.data` by row (`p.data -= lr * p.grad`), each as the tape's size when it was
   * made: an operation at a row past that size read the written value.
   */
  private readonly dataWrites = new Map<number, number[]>();

  /** The version of `row`'s data that the operation at row `reader` read: the writes made before it. */
  dataVersion(row: number, reader: number): number {
    const writes = this.dataWrites.get(row);
    if (writes === undefined) return 0;
    let n = 0;
    while (n < writes.length && writes[n] <= reader) n++;
    return n;
  }

  /**
   * float32 tensors computed in float64 (their values are not rounded to float32) for the
   * length of the run: finite differences need double precision (PyTorch's gradcheck demands
   * float64 inputs), so a gradient check re-runs a float32 program this way.
   */
  float32AsFloat64 = false;

  /**
   * JavaScript's arithmetic instead of Python's (the gradlens library): `0 ** -1` is Infinity and
   * `log(0)` is -Infinity where Python raises. The same correctly rounded functions either way.
   */
  ieeeArithmetic = false;

  /**
   * Applies a primitive operation; throws EngineArithmeticError where Python would raise (and
   * then adds no row). The cases are SCALAR_OPS's `forward` and `resultIsInt`, inlined.
   */
  apply(code: OpCode, x: number, y = -1, k = 0, kIsInt = false): number {
    const xd = this.data[x];
    const xInt = (this.flags[x] & DATA_INT) !== 0;
    let out: number;
    let outInt = false;
    switch (code) {
      case OpCode.Add:
        out = xd + this.data[y];
        outInt = xInt && (this.flags[y] & DATA_INT) !== 0;
        break;
      case OpCode.Mul:
        out = xd * this.data[y];
        outInt = xInt && (this.flags[y] & DATA_INT) !== 0;
        break;
      case OpCode.Pow:
        out = this.ieeeArithmetic ? ieeePow(xd, k) : pythonPow(xd, k);
        outInt = xInt && kIsInt && k >= 0;
        break;
      case OpCode.Relu:
        out = xd < 0 ? 0 : xd;
        outInt = xInt || xd < 0;
        break;
      case OpCode.Tanh:
        out = Math.tanh(xd);
        break;
      case OpCode.Exp:
        out = this.ieeeArithmetic ? ieeeExp(xd) : pythonExp(xd);
        break;
      case OpCode.Log:
        out = this.ieeeArithmetic ? ieeeLog(xd) : pythonLog(xd);
        break;
      case OpCode.Sigmoid:
        out = 1 / (1 + Math.exp(-xd));
        break;
      default:
        throw new RangeError(`op code ${code} is not an operation`);
    }
    const id = this.push(code, x, y, k);
    this.data[id] = out;
    this.flags[id] = (outInt ? DATA_INT : 0) | GRAD_INT | (kIsInt ? EXPONENT_INT : 0);
    return id;
  }

  /**
   * Drops every row from `size` on, so a training loop can rebuild its graph each step in the
   * same memory (the rows before, e.g. the parameters, keep their data and grad).
   */
  truncate(size: number): void {
    if (!Number.isInteger(size) || size < 0 || size > this.size) {
      throw new RangeError(`cannot truncate a tape of ${this.size} rows to ${size}`);
    }
    this.size = size;
    // A dropped row's saved data must not come back when a new value takes its row.
    for (const row of this.dataBeforeChange.keys()) if (row >= size) this.dataBeforeChange.delete(row);
    for (const [row, writes] of this.dataWrites) {
      if (row >= size) this.dataWrites.delete(row);
      // a write made after rows now dropped still came before every row made from here on
      else for (let i = 0; i < writes.length; i++) writes[i] = Math.min(writes[i], size);
    }
  }

  isDataInt(id: number): boolean {
    return (this.flags[id] & DATA_INT) !== 0;
  }

  isGradInt(id: number): boolean {
    return (this.flags[id] & GRAD_INT) !== 0;
  }

  /** Sets `.data` as a Python assignment does (`p.data -= lr * p.grad`). */
  setData(id: number, x: number, isInt: boolean): void {
    if (!this.dataBeforeChange.has(id)) this.dataBeforeChange.set(id, this.data[id]);
    let writes = this.dataWrites.get(id);
    if (writes === undefined) this.dataWrites.set(id, (writes = []));
    writes.push(this.size);
    const move = this.leafMoves?.get(id);
    if (move !== undefined && move.version === writes.length) {
      x += move.add.get(0) ?? 0;
      isInt = false;
    }
    this.data[id] = x;
    this.flags[id] = (this.flags[id] & ~DATA_INT) | (isInt ? DATA_INT : 0);
  }

  /**
   * Each row's data as the last backward() saw it, where the program has changed it since
   * (`p.data -= lr * p.grad`): the trace's ∂root/∂x and local derivatives belong to that
   * moment, as `.grad` does.
   */
  private readonly dataBeforeChange = new Map<number, number>();

  /** Runs `fn` with the data as the last backward() saw it, then puts the program's data back. */
  withDataAtLastBackward<T>(fn: () => T): T {
    const now = new Map<number, number>();
    for (const [row, before] of this.dataBeforeChange) {
      now.set(row, this.data[row]);
      this.data[row] = before;
    }
    try {
      return fn();
    } finally {
      for (const [row, value] of now) this.data[row] = value;
    }
  }

  /** Sets `.grad` as a Python assignment does (`p.grad = 0`). */
  setGrad(id: number, g: number, isInt: boolean): void {
    this.grad[id] = g;
    this.flags[id] = (this.flags[id] & ~GRAD_INT) | (isInt ? GRAD_INT : 0);
  }

  /** ∂row/∂operand from the operands' current data (SCALAR_OPS's rule itself). */
  localDerivative(id: number, operand: number): number {
    const x = this.a[id];
    const y = this.b[id];
    try {
      return SCALAR_OPS[this.op[id]].local(
        operand,
        this.data[x],
        y >= 0 ? this.data[y] : 0,
        this.k[id],
        this.data[id],
      );
    } catch (e) {
      // Python raises computing `x ** 0.5`'s rule at 0 (0.0 ** -0.5), and a negative base to a
      // fractional power is complex to Python (JavaScript's Values have NaN there); only a
      // backward() through it should raise, as in micrograd. Describing the graph, the IEEE
      // value (∞, NaN) is the honest one.
      const pythonOnly = e instanceof EngineArithmeticError || e instanceof EngineUnsupportedError;
      if (!pythonOnly || this.op[id] !== OpCode.Pow) throw e;
      return this.k[id] * ieeePow(this.data[x], this.k[id] - 1);
    }
  }

  /**
   * micrograd's `backward()`: the root's grad is set to 1, then each value in reverse
   * topological order adds local derivative × its grad to each operand's grad. Grads are never
   * reset, so a second call accumulates (intermediate grads included), as in micrograd.
   *
   * Operands always precede their results, so a sweep from the root down the tape is a reverse
   * topological order: a row is final when the sweep reaches it. A bitset holds the rows the
   * root reaches; the sweep jumps from one set bit to the next below it (a whole word of rows
   * the root does not reach costs one test), and stops below the lowest word with a bit set.
   * No sort, no stack, no recursion. The cases are SCALAR_OPS's `local` and `localIsInt`,
   * inlined; the product `local * g` is kept as written there, so the rounding is the table's.
   */
  backward(root: number): void {
    this.dataBeforeChange.clear();
    const { op, a, b, data, grad, flags, reached } = this;
    let w = root >> 5;
    reached.fill(0, 0, w + 1);
    reached[w] = 1 << (root & 31);
    grad[root] = 1;
    flags[root] |= GRAD_INT;
    // Bits of word w still to visit: at or below the root's at first, then below the last row.
    let pending = ~(-2 << (root & 31));
    let lowWord = w;
    for (;;) {
      const bits = reached[w] & pending;
      if (bits === 0) {
        if (--w < lowWord) break;
        pending = -1;
        continue;
      }
      const bit = 31 - Math.clz32(bits);
      pending = ~(-1 << bit);
      const id = (w << 5) | bit;
      const code = op[id];
      if (code <= OpCode.Const) continue;
      const g = grad[id];
      const gInt = (flags[id] & GRAD_INT) !== 0;
      const x = a[id];
      reached[x >> 5] |= 1 << (x & 31);
      if (x >> 5 < lowWord) lowWord = x >> 5;
      const xd = data[x];
      let dx: number;
      let dxInt = false;
      if (code <= OpCode.Mul) {
        const y = b[id];
        reached[y >> 5] |= 1 << (y & 31);
        if (y >> 5 < lowWord) lowWord = y >> 5;
        let dy: number;
        let dyInt: boolean;
        if (code === OpCode.Add) {
          dx = 1;
          dy = 1;
          dxInt = true;
          dyInt = true;
        } else {
          dx = data[y];
          dy = xd;
          dxInt = (flags[y] & DATA_INT) !== 0;
          dyInt = (flags[x] & DATA_INT) !== 0;
        }
        grad[x] += dx * g;
        grad[y] += dy * g;
        if (!(gInt && dxInt)) flags[x] &= ~GRAD_INT;
        if (!(gInt && dyInt)) flags[y] &= ~GRAD_INT;
        continue;
      }
      switch (code) {
        case OpCode.Pow: {
          const k = this.k[id];
          // `t**2` is the common case; pow(x, 1) is exactly x in every libm, so this is the same number.
          dx = k === 2 ? 2 * xd : k * (this.ieeeArithmetic ? ieeePow(xd, k - 1) : pythonPow(xd, k - 1));
          dxInt = (flags[x] & DATA_INT) !== 0 && (flags[id] & EXPONENT_INT) !== 0 && k - 1 >= 0;
          break;
        }
        case OpCode.Relu:
          dx = data[id] > 0 ? 1 : 0;
          dxInt = true;
          break;
        case OpCode.Tanh: {
          const out = data[id];
          dx = 1 - out * out;
          break;
        }
        case OpCode.Exp:
          dx = data[id];
          break;
        case OpCode.Log:
          dx = 1 / xd;
          break;
        case OpCode.Sigmoid: {
          const out = data[id];
          dx = out * (1 - out);
          break;
        }
        default:
          throw new RangeError(`op code ${code} is not an operation`);
      }
      grad[x] += dx * g;
      if (!(gInt && dxInt)) flags[x] &= ~GRAD_INT;
    }
  }

  /**
   * ∂root/∂x for every row (0 where x does not reach the root), and which rows reach it,
   * without touching `.grad`. The rows go in `backward`'s order (so the sums round alike), each
   * through the rule table.
   */
  rootGradients(root: number): { grad: Float64Array; reaches: Uint8Array } {
    const grad = new Float64Array(this.size);
    const reaches = new Uint8Array(this.size);
    grad[root] = 1;
    reaches[root] = 1;
    for (let id = root; id >= 0; id--) {
      if (reaches[id] === 0 || this.op[id] <= OpCode.Const) continue;
      const g = grad[id];
      const x = this.a[id];
      const y = this.b[id];
      reaches[x] = 1;
      grad[x] += this.localDerivative(id, 0) * g;
      if (y >= 0) {
        reaches[y] = 1;
        grad[y] += this.localDerivative(id, 1) * g;
      }
    }
    return { grad, reaches };
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
    chargeMemory(cap * BYTES_PER_ROW);
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
    this.reached = new Int32Array((cap >> 5) + 1); // scratch: each pass clears what it uses
  }
}
