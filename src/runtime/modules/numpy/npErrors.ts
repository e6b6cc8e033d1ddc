import { PyClass, PyInstance, PyTuple } from "../../interpreter/objects";
import { PyError } from "../../interpreter/pyErrors";
import type { NumpyState } from "./numpyState";

/**
 * numpy's own exception classes, each a subclass of the built-in one a program would catch
 * (`except ValueError` catches an AxisError, `except TypeError` a ufunc casting error), raised
 * with the name numpy 1.24 prints in a traceback.
 */
const NUMPY_ERRORS: Record<string, { base: string; qualified: string }> = {
  AxisError: { base: "ValueError", qualified: "numpy.AxisError" },
  UFuncTypeError: { base: "TypeError", qualified: "numpy.core._exceptions._UFuncOutputCastingError" },
  LinAlgError: { base: "ValueError", qualified: "numpy.linalg.LinAlgError" },
};

const classes = new WeakMap<NumpyState, Map<string, PyClass>>();

/** The class of one of numpy's exceptions for this run (made on first use). */
export function numpyErrorClass(s: NumpyState, name: keyof typeof NUMPY_ERRORS): PyClass {
  let byName = classes.get(s);
  if (byName === undefined) classes.set(s, (byName = new Map()));
  let cls = byName.get(name);
  if (cls === undefined) {
    const info = NUMPY_ERRORS[name];
    const base = s.interp.builtins.get(info.base) as PyClass;
    const module = info.qualified.slice(0, info.qualified.lastIndexOf("."));
    const made: PyClass = new PyClass(info.qualified.split(".").pop()!, base, module, (args) => {
      const inst = new PyInstance(made);
      inst.attrs.set("args", new PyTuple(args));
      return inst;
    });
    byName.set(name, (cls = made));
  }
  return cls;
}

/** Raises one of numpy's exceptions with its message. */
export function numpyError(s: NumpyState, name: keyof typeof NUMPY_ERRORS, message: string): PyError {
  const cls = numpyErrorClass(s, name);
  const err = new PyError(NUMPY_ERRORS[name].qualified, message);
  const inst = new PyInstance(cls);
  inst.attrs.set("args", new PyTuple([message]));
  err.value = inst;
  return err;
}

/** numpy's AxisError for an axis out of range. */
export function axisError(s: NumpyState, axis: number, ndim: number): PyError {
  return numpyError(s, "AxisError", `axis ${axis} is out of bounds for array of dimension ${ndim}`);
}
