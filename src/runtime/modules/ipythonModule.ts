import { figureOutputs } from "../figureOutputs";
import type { Interpreter } from "../interpreter/interpreter";
import { PyBuiltin, PyModule } from "../interpreter/objects";
import { UnsupportedError } from "../interpreter/pyErrors";
import { displayBuiltin } from "../notebookCells";

/**
 * `IPython.display`'s `display` (a graph or a figure as its picture, anything else as its
 * repr) and `clear_output` (a notebook cell's outputs so far are cleared). The rest of IPython
 * is not there.
 */

/**
 * Makes `display` and `clear_output` of an `IPython.display` module do what Jupyter does with
 * them: show a figure (or any value) as the cell's output, clear the cell's outputs.
 */
export function fillDisplay(interp: Interpreter, m: PyModule): void {
  m.attrs.set("display", displayBuiltin(interp));
  m.attrs.set(
    "clear_output",
    new PyBuiltin("clear_output", () => {
      figureOutputs(interp).clearCell();
      return null;
    }),
  );
  m.attrs.set(
    "__getattr__",
    new PyBuiltin("__getattr__", ([name]) => {
      throw new UnsupportedError(`\`IPython.display.${String(name)}\` is not supported by GradLens`);
    }),
  );
}
