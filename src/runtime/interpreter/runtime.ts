import type { MicrogradOps } from "../../engine/scalar/microgradOps";
import type { Tape } from "../../engine/tape";
import type { Frame } from "./frame";
import type { Kwargs, PyClass, PyValue, ValueRef } from "./objects";
import type { OwnValues } from "../ownValues/ownValues";

/**
 * What the object model, builtins and modules need from the running interpreter: calling a
 * Python callable (user functions and dunders included), the tape, and the run's output.
 * The interpreter implements it; the rest depends only on this interface.
 */
export interface Runtime {
  readonly tape: Tape;
  readonly ops: MicrogradOps;
  /** micrograd's `Value` class once `micrograd.engine` is imported (what `type(v)` gives). */
  valueClass: PyClass | null;
  call(callee: PyValue, args: PyValue[], kwargs?: Kwargs): PyValue;
  /** The one Value object for a tape row (so `a in c._prev` finds the program's own `a`). */
  value(row: number): ValueRef;
  write(text: string): void;
  /** micrograd's `backward()` on a row, remembered as the trace's root. */
  backward(row: number): void;
  /** The class and first argument of the function running now, for zero-argument `super()`. */
  currentMethod(): { cls: PyClass; self: PyValue } | null;
  /** The items of any iterable, as Python's `for` would produce them. */
  iterate(v: PyValue): Iterable<PyValue>;
  repr(v: PyValue): string;
  str(v: PyValue): string;
  /** Python's `format(v, spec)`. */
  format(v: PyValue, spec: string): string;
  /** Counts a unit of work against the step budget (long-running builtins call it). */
  step(): void;
  /** The program's own autograd classes and their values. */
  readonly ownValues: OwnValues;
  /** The scope running now (for `globals()`, `locals()`, `vars()` and `dir()` without arguments). */
  currentFrame(): Frame | null;
}
