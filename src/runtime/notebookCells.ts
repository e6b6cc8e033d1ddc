import type { Program, SourceSpan, Stmt } from "../lang/ir";
import type { TraceCellOutput } from "../trace/trace";
import { figureOutputs, type FigureOutputs } from "./figureOutputs";
import type { Interpreter } from "./interpreter/interpreter";
import { PyBuiltin, type PyValue } from "./interpreter/objects";

/**
 * A notebook's cells run as one program, with Jupyter's behaviour at each cell's end: the
 * figures drawn in the cell are shown (matplotlib's inline backend), and the value of the
 * cell's last expression is shown — a graph or a figure as its picture, anything else as its
 * `repr` (Jupyter's `Out[n]`) — unless a `;` ends it. `display(x)` is there without an import,
 * as in IPython. What each cell printed and showed is kept, in order, for the trace.
 */

export interface NotebookSession {
  /** After the run (finished or stopped): the last cell's end. */
  finish(): void;
  /** Each cell's outputs, with printed text cut from the run's whole stdout. */
  cells(stdout: string): TraceCellOutput[];
}

/** Shows a value as Jupyter's `display` would: a picture when something can draw it, else its repr. */
export function displayValue(interp: Interpreter, value: PyValue, span: SourceSpan | null): void {
  const outputs = figureOutputs(interp);
  for (const show of outputs.displayers) if (show(value, span)) return;
  const text = interp.repr(value);
  if (outputs.currentCell === null) outputs.text(text, (t) => interp.write(t));
  // IPython's pretty printer writes a default repr without "object": <matplotlib.lines.Line2D at 0x…>
  else outputs.text(text.replace(/<([\w.]+) object at (0x[0-9a-fA-F]+)>/g, "<$1 at $2>"), () => undefined);
}

/** `display(*objs)`: each shown in turn. */
export function displayBuiltin(interp: Interpreter): PyBuiltin {
  return new PyBuiltin("display", (args) => {
    for (const v of args) displayValue(interp, v, interp.at);
    return null;
  });
}

/** Whether a `;` closes the statement on its line (Jupyter then shows nothing for it). */
function silenced(source: string, span: SourceSpan): boolean {
  const rest = source.slice(
    span.to,
    source.indexOf("\n", span.to) < 0 ? undefined : source.indexOf("\n", span.to),
  );
  return /^\s*;\s*(#.*)?$/.test(rest);
}

export function runAsNotebook(
  interp: Interpreter,
  program: Program,
  source: string,
  starts: readonly number[],
): NotebookSession {
  const outputs: FigureOutputs = figureOutputs(interp);
  outputs.notebook = true;
  const cellOf = (offset: number) => {
    let cell = 0;
    while (cell + 1 < starts.length && starts[cell + 1] <= offset) cell++;
    return cell;
  };
  // the last top-level statement of each cell, when it is an expression Jupyter would show
  const shown = new Set<Stmt>();
  const last = new Map<number, Stmt>();
  for (const s of program.body) last.set(cellOf(s.span.from), s);
  for (const s of last.values()) if (s.k === "expr" && !silenced(source, s.span)) shown.add(s);

  interp.builtins.set("display", displayBuiltin(interp));
  let current: number | null = null;
  const endCell = () => {
    if (current === null) return;
    for (const listener of outputs.cellEndListeners) listener();
  };
  interp.topLevel = {
    before(s) {
      const cell = cellOf(s.span.from);
      if (cell === current) return;
      endCell();
      current = cell;
      outputs.enterCell(cell);
    },
    value(s, v) {
      if (v !== null && shown.has(s)) displayValue(interp, v, s.span);
    },
  };
  return {
    finish() {
      endCell();
      outputs.enterCell(null);
    },
    cells(stdout) {
      return [...outputs.cellItems].map(([cell, items]) => ({
        cell,
        items: items.map((item) =>
          item.kind === "stream" ? { kind: "stream" as const, text: stdout.slice(item.from, item.to) } : item,
        ),
      }));
    },
  };
}
