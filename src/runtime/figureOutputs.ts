import { chargeString } from "../engine/memory";
import type { SourceSpan } from "../lang/ir";
import type { TraceDiagnostic, TraceFigure } from "../trace/trace";
import type { Interpreter } from "./interpreter/interpreter";

/**
 * What a run shows besides its printed text: the figures it displays (matplotlib's on
 * `plt.show()`, a notebook cell's end or the run's end; a Graphviz graph displayed), kept in
 * order for the trace, and the notes modules leave for the Problems panel (a `savefig` that
 * wrote nothing). Bounded: a run that draws in a loop keeps its first figures and says how many
 * more there were.
 */

/** Figures a run keeps; more are counted, not kept. */
export const MAX_FIGURES = 50;
/** Characters of SVG one figure may take (a scatter of a million points does not fit). */
export const MAX_FIGURE_CHARS = 4_000_000;
/** Characters of SVG all the run's figures may take together. */
export const MAX_TOTAL_FIGURE_CHARS = 16_000_000;

/** One output of a notebook cell, with printed text as a range of the run's stdout. */
export type CellItem =
  | { kind: "stream"; from: number; to: number }
  | { kind: "figure"; figure: number }
  | { kind: "result"; text: string };

export class FigureOutputs {
  readonly figures: TraceFigure[] = [];
  /** False when the run's figures are not wanted (see RunOptions.drawFigures): nothing is drawn. */
  drawing = true;
  /** The run is a notebook's: figures are saved as Jupyter's inline backend saves them (tight). */
  notebook = false;
  /** In a notebook run: the cell running now, and each cell's outputs so far. */
  currentCell: number | null = null;
  readonly cellItems = new Map<number, CellItem[]>();
  private streamFrom = 0;
  readonly notes: TraceDiagnostic[] = [];
  private chars = 0;
  private dropped = 0;
  private droppedAt: SourceSpan | null = null;
  /** Told when a notebook cell has run to its end (matplotlib's inline backend shows its figures then). */
  readonly cellEndListeners: (() => void)[] = [];
  /** Told of the value of a cell's last expression, to show it as Jupyter would; true when shown. */
  readonly displayers: ((value: unknown, span: SourceSpan | null) => boolean)[] = [];

  constructor(private readonly stdoutLength: () => number) {}

  /** The text printed since the last output of the current cell becomes one of its outputs. */
  private stream(): void {
    const to = this.stdoutLength();
    if (this.currentCell !== null && to > this.streamFrom)
      this.itemsOf(this.currentCell).push({ kind: "stream", from: this.streamFrom, to });
    this.streamFrom = to;
  }

  private itemsOf(cell: number): CellItem[] {
    let items = this.cellItems.get(cell);
    if (items === undefined) {
      items = [];
      this.cellItems.set(cell, items);
    }
    return items;
  }

  /** A notebook cell starts (null: the run is over); what the last one printed is its output. */
  enterCell(cell: number | null): void {
    this.stream();
    this.currentCell = cell;
  }

  /** `clear_output()`: what the current cell has shown so far is cleared (its figures stay in the run's list). */
  clearCell(): void {
    this.streamFrom = this.stdoutLength();
    if (this.currentCell !== null) this.cellItems.delete(this.currentCell);
  }

  /** A value shown as text: a notebook cell's `Out[n]` or `display(x)`; elsewhere, printed. */
  text(text: string, print: (text: string) => void): void {
    if (this.currentCell === null) {
      print(`${text}\n`);
      return;
    }
    this.stream();
    this.itemsOf(this.currentCell).push({ kind: "result", text });
  }

  /** Keeps a figure, unless it is too large or the run has shown too many. */
  add(figure: TraceFigure): void {
    const size = figure.svg.length;
    if (size > MAX_FIGURE_CHARS) {
      this.note(
        "warning",
        `This figure's drawing is too large to show (${Math.round(size / 1e6)} million characters of SVG); draw fewer points`,
        figure.span,
        "figure-too-large",
      );
      return;
    }
    if (this.figures.length >= MAX_FIGURES || this.chars + size > MAX_TOTAL_FIGURE_CHARS) {
      this.dropped++;
      this.droppedAt ??= figure.span;
      return;
    }
    chargeString(size);
    this.chars += size;
    this.stream();
    if (this.currentCell !== null)
      this.itemsOf(this.currentCell).push({ kind: "figure", figure: this.figures.length });
    this.figures.push(figure);
  }

  note(severity: TraceDiagnostic["severity"], message: string, span: SourceSpan | null, code: string): void {
    this.notes.push({ severity, message, span: span ? { from: span.from, to: span.to } : null, code });
  }

  /** The notes, with one for the figures left out. */
  diagnostics(): TraceDiagnostic[] {
    if (this.dropped === 0) return this.notes;
    const message = `${this.dropped} more figure${this.dropped === 1 ? "" : "s"} not shown: GradLens keeps the first ${this.figures.length}`;
    const span = this.droppedAt ? { from: this.droppedAt.from, to: this.droppedAt.to } : null;
    return [...this.notes, { severity: "info", message, span, code: "figures-dropped" }];
  }

  /** Figures made so far: the next one's number, for ids that must not clash between figures. */
  get count(): number {
    return this.figures.length + this.dropped;
  }
}

const outputs = new WeakMap<Interpreter, FigureOutputs>();

/** The run's figure outputs (made on first use). */
export function figureOutputs(interp: Interpreter): FigureOutputs {
  let o = outputs.get(interp);
  if (o === undefined) {
    o = new FigureOutputs(() => interp.outLength);
    outputs.set(interp, o);
  }
  return o;
}

/** The run's figure outputs if anything made them. */
export function existingFigureOutputs(interp: Interpreter): FigureOutputs | null {
  return outputs.get(interp) ?? null;
}
