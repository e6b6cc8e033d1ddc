import type { SourceSpan } from "../../lang/ir";
import type { PyFunction, PyValue } from "../interpreter/objects";

/** One assignment to a value's `.grad` while the program's own backward() runs. */
export interface GradWrite {
  row: number;
  /** The grad before and after. */
  old: number;
  value: number;
  /** The statement that wrote it. */
  span: SourceSpan | null;
  /** `+=` (or another augmented assignment) rather than `=`. */
  augmented: boolean;
}

/** One run of a value's `_backward` closure: the grad it found on its value, and what it wrote. */
export interface ClosureRun {
  node: number;
  /** The function that ran (the closure an op method set, or the `lambda: None` from `__init__`). */
  closure: PyValue;
  /** The value's `.grad` when the closure started: the upstream gradient it had to pass on. */
  upstream: number;
  /** Where the program called it (`node._backward()` in its backward()). */
  callSpan: SourceSpan | null;
  writes: GradWrite[];
}

/**
 * What one call of a program's own `backward()` did, observed as it ran: which value's
 * closure ran when, with which upstream gradient, and every write to a `.grad` during it,
 * attributed to the closure running at the time. passCheck.ts then compares it with the
 * chain rule.
 */
export class BackwardPass {
  readonly runs: ClosureRun[] = [];
  private readonly open: ClosureRun[] = [];
  /** Each value's grad before the pass first wrote it (a value it never wrote kept its grad). */
  readonly before = new Map<number, number>();

  constructor(
    /** The row of the value backward() was called on. */
    readonly root: number,
    /** The program's call of backward() (`loss.backward()`). */
    readonly callSpan: SourceSpan | null,
    /** The class's backward method. */
    readonly method: PyFunction,
  ) {}

  startClosure(node: number, closure: PyValue, upstream: number, callSpan: SourceSpan | null): ClosureRun {
    const run: ClosureRun = { node, closure, upstream, callSpan, writes: [] };
    this.runs.push(run);
    this.open.push(run);
    return run;
  }

  endClosure(): void {
    this.open.pop();
  }

  wrote(row: number, old: number, value: number, span: SourceSpan | null, augmented: boolean): void {
    if (!this.before.has(row)) this.before.set(row, old);
    const run = this.open[this.open.length - 1];
    if (run !== undefined) run.writes.push({ row, old, value, span, augmented });
  }
}
