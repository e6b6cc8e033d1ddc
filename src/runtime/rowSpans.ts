import type { SourceSpan } from "../lang/ir";

/**
 * Which source span made each tape row: the interpreters stamp the rows an expression made
 * with its span once it is evaluated, so every value knows the code behind it (values made by
 * one expression in a loop share it, which is what the graph folds by).
 */
export class RowSpans {
  /** Rows below this have a span. */
  stamped = 0;
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);

  /** Gives rows `stamped … size − 1` the span `span` (nothing when it is null). */
  stamp(size: number, span: SourceSpan | null): void {
    if (size <= this.stamped || span === null) return;
    if (this.from.length < size) {
      const grow = (old: Int32Array) => {
        const next = new Int32Array(Math.max(size, old.length * 2));
        next.set(old);
        return next;
      };
      this.from = grow(this.from);
      this.to = grow(this.to);
    }
    this.from.fill(span.from, this.stamped, size);
    this.to.fill(span.to, this.stamped, size);
    this.stamped = size;
  }

  /** Moves the spans along with a compacted tape's rows (`moved[row]`: the row's new place, or -1). */
  compact(moved: Int32Array): void {
    let n = 0;
    for (let row = 0; row < this.stamped; row++) {
      if (moved[row] < 0) continue;
      this.from[n] = this.from[row];
      this.to[n] = this.to[row];
      n++;
    }
    this.stamped = n;
  }

  /** The span of the expression that made a row (null for rows made before any user code ran). */
  spanOf(row: number): SourceSpan | null {
    return row < this.stamped ? { from: this.from[row], to: this.to[row] } : null;
  }
}
