import { isNumber, toFloat } from "../interpreter/numbers";
import { PyInstance, PyInt, type PyValue } from "../interpreter/objects";
import { typeError } from "../interpreter/pyErrors";
import type { Runtime } from "../interpreter/runtime";
import { typeName } from "../interpreter/stringify";

/**
 * What `math`'s functions accept as a real number, as CPython's `PyFloat_AsDouble` does: an int,
 * a bool or a float, else an object that converts itself through `__float__` (a numpy scalar,
 * which in numpy is a float; a one-element array or tensor) or `__index__` (`np.int64`). So
 * `math.exp(x[i])` works on a numpy array's element as it does in CPython. A micrograd `Value`
 * has neither: "must be real number, not Value".
 */
export function realOf(rt: Runtime): (v: PyValue | undefined) => number {
  return (v) => {
    if (v !== undefined && isNumber(v)) return toFloat(v);
    if (v instanceof PyInstance) {
      const float = v.cls.lookup("__float__");
      if (float !== undefined) {
        const r = rt.call(float, [v]);
        if (typeof r === "number") return r;
        throw typeError(`${typeName(v)}.__float__ returned non-float (type ${typeName(r)})`);
      }
      const index = v.cls.lookup("__index__");
      if (index !== undefined) {
        const r = rt.call(index, [v]);
        if (r instanceof PyInt || typeof r === "boolean") return toFloat(r);
        throw typeError(`__index__ returned non-int (type ${typeName(r)})`);
      }
    }
    throw typeError(`must be real number, not ${typeName(v ?? null)}`);
  };
}
