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
 * chain rule. Recorded in flat arrays (a training step runs thousands of closures, and nearly
 * always rightly); `runs()` makes the objects when a check needs them.
 */
export class BackwardPass {
  private readonly runNode: number[] = [];
  private readonly runUpstream: number[] = [];
  private readonly runClosure: PyValue[] = [];
  private readonly runCallSpan: (SourceSpan | null)[] = [];
  private readonly writeRow: number[] = [];
  private readonly writeOld: number[] = [];
  private readonly writeValue: number[] = [];
  private readonly writeSpan: (SourceSpan | null)[] = [];
  private readonly writeAugmented: boolean[] = [];
  /** The run each write happened in, or -1 outside every closure (the root's `self.grad = 1.0`). */
  private readonly writeRun: number[] = [];
  /** The runs started and not yet ended, innermost last. */
  private readonly open: number[] = [];

  constructor(
    /** The row of the value backward() was called on. */
    readonly root: number,
    /** The program's call of backward() (`loss.backward()`). */
    readonly callSpan: SourceSpan | null,
    /** The class's backward method. */
    readonly method: PyFunction,
  ) {}

  startClosure(node: number, closure: PyValue, upstream: number, callSpan: SourceSpan | null): void {
    this.open.push(this.runNode.length);
    this.runNode.push(node);
    this.runUpstream.push(upstream);
    this.runClosure.push(closure);
    this.runCallSpan.push(callSpan);
  }

  endClosure(): void {
    this.open.pop();
  }

  wrote(row: number, old: number, value: number, span: SourceSpan | null, augmented: boolean): void {
    this.writeRow.push(row);
    this.writeOld.push(old);
    this.writeValue.push(value);
    this.writeSpan.push(span);
    this.writeAugmented.push(augmented);
    this.writeRun.push(this.open.length > 0 ? this.open[this.open.length - 1] : -1);
  }

  /** The closure runs in the order they started, each with the writes made while it was innermost. */
  runs(): ClosureRun[] {
    const runs: ClosureRun[] = this.runNode.map((node, i) => ({
      node,
      closure: this.runClosure[i],
      upstream: this.runUpstream[i],
      callSpan: this.runCallSpan[i],
      writes: [],
    }));
    for (let w = 0; w < this.writeRow.length; w++) {
      const run = this.writeRun[w];
      if (run >= 0) runs[run].writes.push(this.write(w));
    }
    return runs;
  }

  /** Each value's grad before the pass first wrote it (a value it never wrote kept its grad). */
  gradsBefore(): Map<number, number> {
    const before = new Map<number, number>();
    for (let w = 0; w < this.writeRow.length; w++) {
      if (!before.has(this.writeRow[w])) before.set(this.writeRow[w], this.writeOld[w]);
    }
    return before;
  }

  private write(w: number): GradWrite {
    return {
      row: this.writeRow[w],
      old: this.writeOld[w],
      value: this.writeValue[w],
      span: this.writeSpan[w],
      augmented: this.writeAugmented[w],
    };
  }
}
