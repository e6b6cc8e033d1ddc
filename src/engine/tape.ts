import { EngineArithmeticError, EngineUnsupportedError } from "./errors";
import { chargeMemory } from "./memory";
import { exp as ieeeExp, pow as ieeePow } from "./math/correctlyRounded";
import { glibcExp } from "./math/glibcExp";
import { glibcLog as ieeeLog } from "./math/glibcLog";
import { glibcTanh } from "./math/glibcHyperbolic";
import { pythonDivide, pythonExp, pythonLog, pythonPow } from "./scalar/pythonFloat";
import { OpCode, SCALAR_OPS } from "./scalar/scalarOps";
import type { LeafMove } from "./leafMove";

/** What one row costs in the tape's arrays (op, a, b, k, data, grad, flags). */
const BYTES_PER_ROW = 1 + 4 + 4 + 8 + 8 + 8 + 1;

const DATA_INT = 1;
const GRAD_INT = 2;
const EXPONENT_INT = 4;

/** `rootGradients`' scratch mark: reached, but through an opaque operation on some path. */
const UNKNOWN = 2;

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
  /** Scratch of `backward`: the words of `reached` it set, cleared when it ends. */
  private readonly touched: number[] = [];

  /** Values ever made, kept or not: the next value's birth. */
  born = 0;
  /** Each row's birth, once a compaction has moved rows (until then a row's birth is its number). */
  private births: Int32Array | null = null;
  /** Rows a compaction has dropped, in all. */
  dropped = 0;
  /** Tensor rows made (their births are the tensors' ids). */
  tensorRows = 0;

  /**
   * A value's birth: its place among every value the run made, whether or not earlier ones
   * have been dropped since. The same program makes the same births on every run, so a birth
   * names a value across runs (a trace node's `row`, `leafOverrides`, `RunOptions.output`).
   */
  birthOf(row: number): number {
    return this.births === null ? row : this.births[row];
  }

  /** The row of the value born `birth`, or -1 when it was dropped (births only grow along the tape). */
  rowOfBirth(birth: number): number {
    const births = this.births;
    if (births === null) return birth < this.size ? birth : -1;
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (births[mid] === birth) return mid;
      if (births[mid] < birth) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Drops the rows not marked in `keep` (a long run's values the program can no longer reach),
   * keeping every operand of a kept row, and moves the rest down in order. Returns where each
   * old row went (-1: dropped). Rows keep their births; tensor rows are all kept, unless
   * `tensorsMarked` says `keep` marks the tensors still needed (a tensor's row holds only its
   * place, and its id stays its birth: a dropped tensor's row is then -1).
   */
  compact(keep: Uint8Array, tensorsMarked = false): Int32Array {
    const { op, a, b, k, data, grad, flags } = this;
    const size = this.size;
    for (let row = size - 1; row >= 0; row--) {
      // a tensor's row is where its id (a birth) takes its place among the values: kept
      if (op[row] === OpCode.Tensor && !tensorsMarked) keep[row] = 1;
      if (keep[row] === 0) continue;
      if (a[row] >= 0) keep[a[row]] = 1;
      if (b[row] >= 0) keep[b[row]] = 1;
      if (op[row] === OpCode.Opaque) for (const x of this.opaqueOperands.get(row) ?? []) keep[x] = 1;
    }
    if (this.births === null) {
      this.births = new Int32Array(op.length);
      for (let row = 0; row < size; row++) this.births[row] = row;
    }
    const births = this.births;
    const moved = new Int32Array(size).fill(-1);
    let n = 0;
    for (let row = 0; row < size; row++) {
      if (keep[row] === 0) continue;
      moved[row] = n;
      op[n] = op[row];
      a[n] = a[row] >= 0 ? moved[a[row]] : -1;
      b[n] = b[row] >= 0 ? moved[b[row]] : -1;
      k[n] = k[row];
      data[n] = data[row];
      grad[n] = grad[row];
      flags[n] = flags[row];
      births[n] = births[row];
      n++;
    }
    this.size = n;
    this.dropped += size - n;
    const before = [...this.dataBeforeChange];
    this.dataBeforeChange.clear();
    for (const [row, value] of before) if (moved[row] >= 0) this.dataBeforeChange.set(moved[row], value);
    const opaque = [...this.opaqueOperands];
    this.opaqueOperands.clear();
    for (const [row, operands] of opaque)
      if (moved[row] >= 0)
        this.opaqueOperands.set(
          moved[row],
          operands.map((x) => moved[x]),
        );
    return moved;
  }

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
    const override = this.leafOverrides?.get(this.born - 1);
    if (override !== undefined) {
      x = override;
      isInt &&= Number.isInteger(override);
    }
    const move = this.leafMoves?.get(this.born - 1);
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
    this.tensorRows++;
    const id = this.push(OpCode.Tensor, -1, -1, 0);
    this.data[id] = 0;
    this.flags[id] = 0;
    // the tensor's id is its birth, which a compaction never changes (its row it may)
    return this.born - 1;
  }

  /**
   * A value made by someone else's arithmetic (a program's own autograd class) as the result of
   * a known operation: its operands and its data as that code computed them. The rule of `code`
   * then gives its local derivatives, as for any row.
   */
  record(
    code: OpCode,
    x: number,
    y: number,
    k: number,
    kIsInt: boolean,
    data: number,
    isInt: boolean,
  ): number {
    const id = this.push(code, x, y, k);
    this.data[id] = data;
    this.flags[id] = (isInt ? DATA_INT : 0) | GRAD_INT | (kIsInt ? EXPONENT_INT : 0);
    return id;
  }

  /**
   * The result of an operation without a rule (`OpCode.Opaque`): its operands, any number of
   * them, are kept beside the rows; no pass computes a gradient through it.
   */
  opaque(data: number, isInt: boolean, operands: readonly number[]): number {
    chargeMemory(4 * operands.length + 64);
    const id = this.push(OpCode.Opaque, -1, -1, 0);
    this.data[id] = data;
    this.flags[id] = (isInt ? DATA_INT : 0) | GRAD_INT;
    this.opaqueOperands.set(id, Int32Array.from(operands));
    return id;
  }

  private readonly opaqueOperands = new Map<number, Int32Array>();

  /** A row's operands: `a` and `b` where set, or an opaque row's list. */
  operandsOf(id: number): readonly number[] {
    if (this.op[id] === OpCode.Opaque) return Array.from(this.opaqueOperands.get(id) ?? []);
    const x = this.a[id];
    const y = this.b[id];
    return x < 0 ? [] : y < 0 ? [x] : [x, y];
  }

  /** Whether a row is a tensor value's (false past the end: an id that is no row of this tape). */
  isTensor(id: number): boolean {
    return id >= 0 && id < this.size && this.op[id] === OpCode.Tensor;
  }

  /** Whether the value born `birth` is a tensor value still on the tape. */
  isTensorBirth(birth: number): boolean {
    return this.isTensor(this.rowOfBirth(birth));
  }

  /**
   * Values to give leaves instead of the program's, by row: a deterministic program makes the
   * same rows on every run, so this re-runs it with its parameters moved (gradient checks,
   * training steps).
   */
  leafOverrides: ReadonlyMap<number, number> | null = null;

  /**
   * Leaves moved by birth (see `birthOf`) at a given write of their data, in a re-run for a
   * gradient check (leafMove.ts): Values here, tensors in tensor/leafMoves.ts.
   */
  leafMoves: ReadonlyMap<number, LeafMove> | null = null;

  /**
   * Writes of `.data` by birth (`p.data -= lr * p.grad`), each as the next birth when it was
   * made: a value born at or after that read the written value. Births, not rows, so a
   * compaction moves nothing here.
   */
  private readonly dataWrites = new Map<number, number[]>();

  /** The version of `row`'s data that the operation at row `reader` read: the writes made before it. */
  dataVersion(row: number, reader: number): number {
    const writes = this.dataWrites.get(this.birthOf(row));
    if (writes === undefined) return 0;
    const read = this.birthOf(reader);
    let n = 0;
    while (n < writes.length && writes[n] <= read) n++;
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
   * `log(0)` is -Infinity where Python raises (exp and pow are correctly rounded there, glibc's in
   * Python's arithmetic; log is glibc's in both).
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
      case OpCode.Sub:
        out = xd - this.data[y];
        outInt = xInt && (this.flags[y] & DATA_INT) !== 0;
        break;
      case OpCode.Div:
        out = this.ieeeArithmetic ? xd / this.data[y] : pythonDivide(xd, this.data[y]);
        break;
      case OpCode.Neg:
        out = -xd;
        outInt = xInt;
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
        out = this.ieeeArithmetic ? Math.tanh(xd) : glibcTanh(xd);
        break;
      case OpCode.Exp:
        out = this.ieeeArithmetic ? ieeeExp(xd) : pythonExp(xd);
        break;
      case OpCode.Log:
        out = this.ieeeArithmetic ? ieeeLog(xd) : pythonLog(xd);
        break;
      case OpCode.Sigmoid:
        out = 1 / (1 + (this.ieeeArithmetic ? Math.exp(-xd) : glibcExp(-xd)));
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
    // rows are reused: until a compaction has moved rows, a row's birth is its number
    if (this.births === null) this.born = size;
    // A dropped row's saved data must not come back when a new value takes its row.
    for (const row of this.dataBeforeChange.keys()) if (row >= size) this.dataBeforeChange.delete(row);
    for (const row of this.opaqueOperands.keys()) if (row >= size) this.opaqueOperands.delete(row);
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
    const birth = this.birthOf(id);
    let writes = this.dataWrites.get(birth);
    if (writes === undefined) this.dataWrites.set(birth, (writes = []));
    writes.push(this.born);
    const move = this.leafMoves?.get(birth);
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

  /**
   * A backward pass that is not this tape's `backward` (a program's own autograd class runs its
   * own) starts now: the data as it is now is what its gradients belong to.
   */
  backwardStarts(): void {
    this.dataBeforeChange.clear();
  }

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
    this.backwardStarts();
    const { op, a, b, data, grad, flags, reached, touched } = this;
    grad[root] = 1;
    flags[root] |= GRAD_INT;
    if (op[root] <= OpCode.Opaque) return;
    let w = root >> 5;
    reached[w] = 1 << (root & 31);
    touched.push(w);
    // Operations reached but not yet passed: at none the pass ends, however far below the
    // oldest input lies (a loop's parameters made long ago are leaves and need no visit).
    let open = 1;
    // Bits of word w still to visit: at or below the root's at first, then below the last row.
    let pending = ~(-2 << (root & 31));
    try {
      for (;;) {
        const bits = reached[w] & pending;
        if (bits === 0) {
          if (--w < 0) break;
          pending = -1;
          continue;
        }
        const bit = 31 - Math.clz32(bits);
        pending = ~(-1 << bit);
        const id = (w << 5) | bit;
        const code = op[id];
        if (code <= OpCode.Opaque) continue;
        const g = grad[id];
        const gInt = (flags[id] & GRAD_INT) !== 0;
        const x = a[id];
        const xWord = reached[x >> 5];
        if ((xWord & (1 << (x & 31))) === 0) {
          if (xWord === 0) touched.push(x >> 5);
          reached[x >> 5] = xWord | (1 << (x & 31));
          if (op[x] > OpCode.Opaque) open++;
        }
        const xd = data[x];
        let dx: number;
        let dxInt = false;
        if (code <= OpCode.Div) {
          const y = b[id];
          const yWord = reached[y >> 5];
          if ((yWord & (1 << (y & 31))) === 0) {
            if (yWord === 0) touched.push(y >> 5);
            reached[y >> 5] = yWord | (1 << (y & 31));
            if (op[y] > OpCode.Opaque) open++;
          }
          let dy: number;
          let dyInt: boolean;
          if (code === OpCode.Add || code === OpCode.Sub) {
            dx = 1;
            dy = code === OpCode.Add ? 1 : -1;
            dxInt = true;
            dyInt = true;
          } else if (code === OpCode.Mul) {
            dx = data[y];
            dy = xd;
            dxInt = (flags[y] & DATA_INT) !== 0;
            dyInt = (flags[x] & DATA_INT) !== 0;
          } else {
            const yd = data[y];
            dx = 1 / yd;
            dy = -xd / (yd * yd);
            dyInt = false;
          }
          grad[x] += dx * g;
          grad[y] += dy * g;
          if (!(gInt && dxInt)) flags[x] &= ~GRAD_INT;
          if (!(gInt && dyInt)) flags[y] &= ~GRAD_INT;
          if (--open === 0) break;
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
          case OpCode.Neg:
            dx = -1;
            dxInt = true;
            break;
          default:
            throw new RangeError(`op code ${code} is not an operation`);
        }
        grad[x] += dx * g;
        if (!(gInt && dxInt)) flags[x] &= ~GRAD_INT;
        if (--open === 0) break;
      }
    } finally {
      // the scratch is all zeros between passes; only the words this pass set need clearing
      for (let i = 0; i < touched.length; i++) reached[touched[i]] = 0;
      touched.length = 0;
    }
  }

  /**
   * ∂root/∂x for every row (0 where x does not reach the root), and which rows reach it,
   * without touching `.grad`. The rows go in `backward`'s order (so the sums round alike), each
   * through the rule table. A row that reaches the root only partly through known rules (some
   * path runs through an opaque operation) has no known gradient: it counts as not reaching.
   */
  rootGradients(root: number): { grad: Float64Array; reaches: Uint8Array } {
    const grad = new Float64Array(this.size);
    const reaches = new Uint8Array(this.size);
    grad[root] = 1;
    reaches[root] = 1;
    let unknown = false;
    for (let id = root; id >= 0; id--) {
      if (reaches[id] === 0) continue;
      const code = this.op[id];
      if (reaches[id] === UNKNOWN || code === OpCode.Opaque) {
        for (const x of this.operandsOf(id)) reaches[x] = UNKNOWN;
        unknown = true;
        continue;
      }
      if (code <= OpCode.Const) continue;
      const g = grad[id];
      const x = this.a[id];
      const y = this.b[id];
      if (reaches[x] !== UNKNOWN) reaches[x] = 1;
      grad[x] += this.localDerivative(id, 0) * g;
      if (y >= 0) {
        if (reaches[y] !== UNKNOWN) reaches[y] = 1;
        grad[y] += this.localDerivative(id, 1) * g;
      }
    }
    if (unknown) {
      for (let id = 0; id <= root; id++) {
        if (reaches[id] !== UNKNOWN) continue;
        reaches[id] = 0;
        grad[id] = 0;
      }
    }
    return { grad, reaches };
  }

  private push(code: OpCode, x: number, y: number, k: number): number {
    if (this.size === this.op.length) this.grow();
    const id = this.size++;
    if (this.births !== null) this.births[id] = this.born;
    this.born++;
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
    if (this.births !== null) this.births = resize(this.births, (n) => new Int32Array(n));
    this.reached = new Int32Array((cap >> 5) + 1); // scratch: each pass clears what it uses
  }
}
