import type { CellMap } from "../notebook/cellMap";
import { LineIndex } from "./lineColumn";

/** Where an offset of the program run lies in the file the user gave: a line and column, and for a notebook its cell. */
export interface SourceLocation {
  line: number;
  column: number;
  /** 1-based, counting every cell of the notebook (markdown too); absent for a plain source file. */
  cell?: number;
}

export interface SourceLocator {
  at(offset: number): SourceLocation;
  /** A span's start and end; in a notebook the end stays in the start's cell. */
  span(from: number, to: number): [SourceLocation, SourceLocation];
  /** `file:line:col`, or `notebook.ipynb#cell3:line:col` (line and column within the cell). */
  label(file: string, offset: number): string;
}

export function fileLocator(source: string): SourceLocator {
  const lines = new LineIndex(source);
  return {
    at: (offset) => lines.at(offset),
    span: (from, to) => [lines.at(from), lines.at(to)],
    label: (file, offset) => {
      const at = lines.at(offset);
      return `${file}:${at.line}:${at.column}`;
    },
  };
}

/** Offsets of a notebook's assembled program, placed in its cells (`texts`: the cells' own texts). */
export function notebookLocator(map: CellMap, texts: readonly string[]): SourceLocator {
  const indexes = texts.map((t) => new LineIndex(t));
  const at = (offset: number): SourceLocation => {
    const last = Math.max(0, texts.length - 1);
    const inCell = map.toCell(offset) ?? { cell: last, offset: texts[last]?.length ?? 0 };
    const lc = indexes[inCell.cell]?.at(inCell.offset) ?? { line: 1, column: 1 };
    return { ...lc, cell: inCell.cell + 1 };
  };
  return {
    at,
    span: (from, to) => {
      const start = at(from);
      const cell = start.cell! - 1;
      // a span running past its cell (an unclosed bracket) ends at the cell's end
      const cellEnd = map.start(cell) + texts[cell].length;
      return [start, at(Math.min(to, cellEnd))];
    },
    label: (file, offset) => {
      const l = at(offset);
      return `${file}#cell${l.cell}:${l.line}:${l.column}`;
    },
  };
}
