import type { Span } from "../trace/trace";

/** A place in one cell: which cell (index in the notebook) and the UTF-16 offset inside its text. */
export interface CellOffset {
  cell: number;
  offset: number;
}

/**
 * Where each cell's text sits in the assembled program. Cells are joined with one newline, so
 * cell k covers program offsets [start(k), start(k) + length(k)] and a whole run of lines.
 */
export class CellMap {
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly firstLines: number[] = [];
  private readonly lineCounts: number[] = [];

  /** `texts` are the cells' texts as they appear in the program (same lengths as the originals). */
  constructor(texts: readonly string[]) {
    let offset = 0;
    let line = 0;
    for (const text of texts) {
      this.starts.push(offset);
      this.lengths.push(text.length);
      this.firstLines.push(line);
      const lines = text.split("\n").length;
      this.lineCounts.push(lines);
      offset += text.length + 1;
      line += lines;
    }
  }

  get cellCount(): number {
    return this.starts.length;
  }

  /** The program offset where cell `cell` starts. */
  start(cell: number): number {
    return this.starts[cell];
  }

  /** The cell a program offset falls in (the separator newline belongs to the cell before it). */
  toCell(offset: number): CellOffset | null {
    const cell = this.cellAtOffset(offset);
    return cell === -1 ? null : { cell, offset: offset - this.starts[cell] };
  }

  toProgram(cell: number, offset: number): number {
    return this.starts[cell] + offset;
  }

  /** The span within `cell`, or null when it does not lie inside that cell. */
  spanInCell(span: Span, cell: number): Span | null {
    if (span.file !== undefined) return null; // in a module of the notebook's, not in a cell
    const start = this.starts[cell];
    if (start === undefined) return null;
    const end = start + this.lengths[cell];
    if (span.from < start || span.to > end || span.from > end) return null;
    return { from: span.from - start, to: span.to - start };
  }

  /** The cell a span starts in (-1 for a span in a module of the notebook's). */
  cellOfSpan(span: Span): number {
    if (span.file !== undefined) return -1;
    return this.cellAtOffset(span.from);
  }

  /** A 0-based program line as (cell, line in that cell), or null past the end. */
  lineToCell(line: number): { cell: number; line: number } | null {
    for (let cell = 0; cell < this.firstLines.length; cell++) {
      const first = this.firstLines[cell];
      if (line >= first && line < first + this.lineCounts[cell]) return { cell, line: line - first };
    }
    return null;
  }

  private cellAtOffset(offset: number): number {
    if (offset < 0) return -1;
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found === -1 || offset > this.starts[found] + this.lengths[found]) return -1;
    return found;
  }
}
