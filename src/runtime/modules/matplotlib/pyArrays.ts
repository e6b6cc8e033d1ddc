import { parsePython } from "../../../lang/python/parsePython";
import type { Program } from "../../../lang/ir";
import { getAttribute } from "../../interpreter/attributes";
import { PyList, type PyValue } from "../../interpreter/objects";
import { PyError, UnsupportedError } from "../../interpreter/pyErrors";
import type { PlotState } from "./plotState";

/**
 * Arrays matplotlib returns (`hist`'s counts and edges) are numpy arrays. When the run can
 * import numpy they are made with `numpy.array`; otherwise they are Python lists of floats,
 * which print differently but index, iterate and sum alike.
 */

let importNumpy: Program | null = null;
const numpyOf = new WeakMap<PlotState, PyValue | null>();

function numpy(ps: PlotState): PyValue | null {
  if (numpyOf.has(ps)) return numpyOf.get(ps)!;
  let module: PyValue | null = null;
  try {
    importNumpy ??= parsePython("import numpy\n", { isLibrary: true }).program;
    if (importNumpy)
      module = ps.interp.runLibraryModule(importNumpy, "matplotlib._numpy").get("numpy") ?? null;
  } catch (e) {
    if (!(e instanceof PyError || e instanceof UnsupportedError)) throw e;
  }
  numpyOf.set(ps, module);
  return module;
}

/** A 1-D float array as numpy's `array`, or a list when numpy is not there. */
export function pyArray(ps: PlotState, values: readonly number[]): PyValue {
  const list = new PyList([...values]);
  const np = numpy(ps);
  if (np === null) return list;
  return ps.interp.call(getAttribute(ps.interp, np, "array"), [list]);
}

/** A 2-D float array (rows of numbers) as numpy's `array`, or a list of lists when numpy is not there. */
export function pyMatrix(ps: PlotState, rows: readonly (readonly number[])[]): PyValue {
  const list = new PyList(rows.map((r) => new PyList([...r])));
  const np = numpy(ps);
  if (np === null) return list;
  return ps.interp.call(getAttribute(ps.interp, np, "array"), [list]);
}
