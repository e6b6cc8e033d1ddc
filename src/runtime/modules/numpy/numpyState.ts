import { Tensor } from "../../../engine/tensor/index";
import type { SourceSpan } from "../../../lang/ir";
import type { TraceDiagnostic } from "../../../trace/trace";
import type { Interpreter } from "../../interpreter/interpreter";
import { PyError } from "../../interpreter/pyErrors";
import type { PyClass, PyInstance, PyModule, PyValue } from "../../interpreter/objects";
import { aliasOf, joinGraph, NdArray, NpBuffer, NpScalar, type NpValue } from "./ndarray";
import { engineDtype, type NpDtype } from "./npDtype";

/**
 * How many numbers of recorded values make a generation. A value's history is kept while it is
 * at most one generation old; an array whose tensor is older is taken as a new leaf the next
 * time an operation reads it, so a training loop's graph (and the memory it holds) stays
 * bounded: about the last two generations' worth, which is every step of a small loop.
 */
export const GENERATION_NUMBERS = 400_000;

/**
 * At most this many recent values are where the trace starts (a loop with no parameter updates
 * to mark its iterations, an evaluation pass over many samples, shows its last values).
 */
export const HELD_VALUES = 4096;

/** An in-place write into an array (`p -= lr * g`): which value it replaced and what with. */
export interface WriteRecord {
  /** Tensor ids of the array's value before and after the write. */
  beforeId: number;
  afterId: number;
  /** The Python operator (`-=`, `+=`, …) or `[]=` for an item assignment. */
  op: string;
  /** Tensor id of the right-hand side, when it was an array or a numpy scalar. */
  operandId: number | null;
  span: SourceSpan | null;
}

export type FpErrorKind = "divide" | "over" | "under" | "invalid";
export type FpErrorMode = "ignore" | "warn" | "raise" | "call" | "print" | "log";

/** The print options `np.set_printoptions` changes. */
export interface PrintOptions {
  precision: number;
  suppress: boolean;
  threshold: number;
  edgeitems: number;
  linewidth: number;
}

export const DEFAULT_PRINT_OPTIONS: PrintOptions = {
  precision: 8,
  suppress: false,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
};

const WRITES_KEPT = 10_000;

/**
 * What one run knows about numpy: its classes (made once per run), the values it made (for the
 * trace), the warnings numpy would have printed, the writes into arrays, and the print options.
 */
export class NumpyState {
  ndarrayClass!: PyClass;
  dtypeClass!: PyClass;
  readonly scalarClasses = new Map<NpDtype, PyClass>();
  readonly dtypeObjects = new Map<NpDtype, PyInstance>();
  module!: PyModule;
  printOptions: PrintOptions = { ...DEFAULT_PRINT_OPTIONS };

  generation = 0;
  private numbersThisGeneration = 0;
  /** Values recently made, with their generation: where the trace starts its walk. */
  private held: Tensor[] = [];
  private heldGen: number[] = [];
  /**
   * Where the last iterations began in `held`: a training step ends with updates of arrays the
   * graph had read (`w -= lr * g`), and the next begins when one of them is read again.
   */
  private iterationStarts: number[] = [];
  private updatesSinceStart = 0;
  /** The names the program bound values to, by tensor id (values of old iterations let go). */
  readonly names = new Map<number, string[]>();
  /** Name occurrence → the value it stood for. */
  readonly occurrences = new Map<number, Tensor>();
  readonly warnings: TraceDiagnostic[] = [];
  private readonly warned = new Set<string>();
  readonly writes: WriteRecord[] = [];

  constructor(readonly interp: Interpreter) {}

  // ---- making values ----

  /**
   * Notes a new value: its place among the held values and its generation's count. (Its span is
   * the tape row's: the interpreter stamps each row with the expression that made it.)
   */
  note(t: Tensor): Tensor {
    if (t.requiresGrad) {
      if (this.held.length >= 2 * HELD_VALUES) this.dropHeld(this.held.length - HELD_VALUES);
      this.held.push(t);
      this.heldGen.push(this.generation);
      this.numbersThisGeneration += t.numel;
      if (this.numbersThisGeneration > GENERATION_NUMBERS) this.nextGeneration();
    }
    return t;
  }

  private nextGeneration(): void {
    this.generation++;
    this.numbersThisGeneration = 0;
    // the held values two generations back are no longer where the trace starts
    let i = 0;
    while (i < this.held.length && this.heldGen[i] < this.generation - 1) i++;
    this.dropHeld(i);
  }

  private dropHeld(count: number): void {
    if (count <= 0) return;
    // A value let go of lets go of its history too: a parameter updated from its own gradient
    // (`a -= lr * grad_a`) would otherwise chain every step's arrays to the next, for ever.
    for (let i = 0; i < count; i++) {
      const t = this.held[i];
      t.gradFn?.releaseInputs();
      t.gradFn = null;
    }
    this.held = this.held.slice(count);
    this.heldGen = this.heldGen.slice(count);
    this.iterationStarts = this.iterationStarts.map((x) => Math.max(0, x - count));
  }

  /** A write replaced values the graph had read: the end of a training step, usually. */
  noteUpdate(): void {
    this.updatesSinceStart++;
  }

  /** An updated array is read again: a new iteration begins; only the last two are held for the trace. */
  private startIteration(): void {
    this.updatesSinceStart = 0;
    this.iterationStarts.push(this.held.length);
    if (this.iterationStarts.length > 2) {
      this.iterationStarts.shift();
      this.dropHeld(this.iterationStarts[0]);
      this.pruneNames();
    }
  }

  /** Lets go of the names of values made before the held ones (unless a name still stands for them). */
  private pruneNames(): void {
    if (this.names.size < 256 || this.held.length === 0) return;
    const oldest = this.held[0].id;
    const current = new Set<number>();
    for (const t of this.occurrences.values()) current.add(t.id);
    for (const id of this.names.keys()) if (id < oldest && !current.has(id)) this.names.delete(id);
  }

  /** The held values the trace walks from: the last two iterations' (all values when there were none). */
  heldValues(): readonly Tensor[] {
    return this.held;
  }

  /** An array for a tensor an operation made; a view of `base` shares its buffer. */
  array(t: Tensor, dtype: NpDtype, base?: NdArray): NdArray {
    const buffer =
      base !== undefined && base.buffer.storage === t.storage ? base.buffer : new NpBuffer(t.storage);
    joinGraph(t, dtype);
    this.note(t);
    const a = new NdArray(this.ndarrayClass, buffer, t, dtype, this.generation);
    a.ownsData = buffer !== base?.buffer;
    return a;
  }

  /** An array over fresh values (already rounded to the dtype). */
  fresh(values: Float64Array, shape: readonly number[], dtype: NpDtype): NdArray {
    const t = newTensor(values, shape, dtype);
    return this.array(t, dtype);
  }

  /** A numpy scalar for a 0-d tensor (copied first when it is a view of an array's memory). */
  scalar(t: Tensor, dtype: NpDtype): NpScalar {
    joinGraph(t, dtype);
    this.note(t);
    return new NpScalar(this.scalarClasses.get(dtype)!, t, dtype, this.generation);
  }

  scalarOf(value: number, dtype: NpDtype): NpScalar {
    return this.scalar(newTensor(new Float64Array([value]), [], dtype), dtype);
  }

  /** An operation's result: a scalar when it has no dimensions (numpy's ufunc rule), else an array. */
  result(t: Tensor, dtype: NpDtype, base?: NdArray): NdArray | NpScalar {
    return t.ndim === 0 ? this.scalar(t, dtype) : this.array(t, dtype, base);
  }

  // ---- reading values ----

  /**
   * The tensor of a value's current version, for an operation to read: after a write into its
   * buffer an array looks at the new storage as a new value; a value from two generations back
   * continues as a new leaf (its history let go). Marks the buffer as read by the graph.
   */
  read(v: NpValue): Tensor {
    const t = this.current(v);
    if (v instanceof NdArray) {
      const buffer = v.buffer;
      buffer.used = true;
      if (buffer.updated) {
        buffer.updated = false;
        if (this.updatesSinceStart > 0) this.startIteration();
      }
    }
    return t;
  }

  /** The tensor of a value's current version, without marking it read (printing, `tolist`). */
  current(v: NpValue): Tensor {
    let t = v.tensor;
    if (v instanceof NdArray) {
      const buffer = v.buffer;
      if (v.bufferVersion !== buffer.version || t.storage !== buffer.storage) {
        t = this.note(joinGraph(aliasOf(t, buffer.storage), v.dtype));
        v.tensor = t;
        v.bufferVersion = buffer.version;
        v.gen = this.generation;
        return t;
      }
    }
    if (v.gen < this.generation - 1) {
      if (t.gradFn !== null) {
        t = this.note(aliasOf(t));
        v.tensor = t;
      }
      v.gen = this.generation;
    }
    return t;
  }

  // ---- names, warnings, writes ----

  /** Called by the interpreter for every name load and store of an object (see Interpreter.nameHook). */
  noteName(value: PyValue, occurrence: number, name: string | null): void {
    if (!(value instanceof NdArray || value instanceof NpScalar)) return;
    const t = this.current(value);
    this.occurrences.set(occurrence, t);
    if (name === null) return;
    const names = this.names.get(t.id);
    if (names === undefined) this.names.set(t.id, [name]);
    else if (!names.includes(name)) names.push(name);
  }

  /**
   * A RuntimeWarning numpy would print to stderr (`RuntimeWarning: divide by zero encountered
   * in log`): a warning diagnostic at the line, once per place, as Python's default filter shows
   * a warning once per line. `category`: another warning class numpy uses (`UserWarning`).
   */
  warn(message: string, category = "RuntimeWarning"): void {
    const span = this.interp.at;
    const key = `${span?.from}:${span?.to}:${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({
      severity: "warning",
      message: `${category}: ${message}`,
      span,
      code: "numpy-warning",
    });
  }

  /** `np.seterr`: what each kind of floating-point error does (numpy's default: warn, underflow ignored). */
  readonly errorModes: Record<FpErrorKind, FpErrorMode> = {
    divide: "warn",
    over: "warn",
    under: "ignore",
    invalid: "warn",
  };

  /** A floating-point error of an operation, handled as `np.seterr` says (`raise`: FloatingPointError). */
  fpError(kind: FpErrorKind, message: string): void {
    const mode = this.errorModes[kind];
    if (mode === "ignore") return;
    if (mode === "raise") throw new PyError("FloatingPointError", message);
    this.warn(message);
  }

  /** Told of each write with its target and right-hand side (src/runtime/handBackward reads updates). */
  writeWatch: ((record: WriteRecord, target: NdArray, operand: Tensor | null) => void) | null = null;

  noteWrite(record: WriteRecord, target: NdArray, operand: Tensor | null): void {
    // the newest WRITES_KEPT at least, cut in one go at twice that: cutting one per write moved
    // ten thousand records every time (most of a long in-place training loop's time)
    if (this.writes.length >= 2 * WRITES_KEPT) this.writes.splice(0, this.writes.length - WRITES_KEPT);
    this.writes.push(record);
    this.writeWatch?.(record, target, operand);
  }
}

/** A contiguous tensor owning `values` (already as the dtype holds them), stored as the engine stores `dtype`. */
export function newTensor(values: Float64Array, shape: readonly number[], dtype: NpDtype): Tensor {
  return Tensor.fromValues(values, shape, engineDtype(dtype));
}
