import type { SourceSpan } from "../lang/ir";

/**
 * Which source span made each tape row: the interpreters stamp the rows an expression made
 * with its span once it is evaluated, so every value knows the code behind it (values made by
 * one expression in a loop share it, which is what the graph folds by). A span in one of the
 * program's modules keeps its file (by number: 0 is the program's own text).
 */
export class RowSpans {
  /** Rows below this have a span. */
  stamped = 0;
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private file = new Int32Array(1024);
  /** The files spans lie in, numbered from 1 (`fileNumbers`: a file's number). */
  private readonly files: string[] = [];
  private readonly fileNumbers = new Map<string, number>();

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
      this.file = grow(this.file);
    }
    // a loop, not `fill`: an expression makes a row or two, and three fill calls cost more
    const file = span.file === undefined ? 0 : this.numberOf(span.file);
    const { from, to } = span;
    for (let row = this.stamped; row < size; row++) {
      this.from[row] = from;
      this.to[row] = to;
      this.file[row] = file;
    }
    this.stamped = size;
  }

  /** Moves the spans along with a compacted tape's rows (`moved[row]`: the row's new place, or -1). */
  compact(moved: Int32Array): void {
    let n = 0;
    for (let row = 0; row < this.stamped; row++) {
      if (moved[row] < 0) continue;
      this.from[n] = this.from[row];
      this.to[n] = this.to[row];
      this.file[n] = this.file[row];
      n++;
    }
    this.stamped = n;
  }

  /** The span of the expression that made a row (null for rows made before any user code ran). */
  spanOf(row: number): SourceSpan | null {
    if (row >= this.stamped) return null;
    const file = this.file[row];
    return file === 0
      ? { from: this.from[row], to: this.to[row] }
      : { from: this.from[row], to: this.to[row], file: this.files[file - 1] };
  }

  private numberOf(file: string): number {
    let n = this.fileNumbers.get(file);
    if (n === undefined) {
      this.files.push(file);
      this.fileNumbers.set(file, (n = this.files.length));
    }
    return n;
  }
}
