import type { SourceSpan, Stmt } from "../../lang/ir";
import type { PyFunction, PyInstance, PyValue } from "../interpreter/objects";
import { NdArray, NpScalar } from "../modules/numpy/ndarray";

/** Where in the program a claim's parts are: its parameters' names, its `return`, a layer's attribute. */

/** The names `fn` gives its array arguments (`y_true`, `y_pred` in `mse_prime(y_true, y_pred)`), by position. */
export function arrayParameters(fn: PyFunction, args: readonly PyValue[], from: number): (string | null)[] {
  const names: (string | null)[] = [];
  for (let i = from; i < args.length; i++)
    if (args[i] instanceof NdArray || args[i] instanceof NpScalar) names.push(fn.params[i]?.name ?? null);
  return names;
}

/** The first `return` with a value in a function body. */
export function returnOf(body: readonly Stmt[]): SourceSpan | null {
  for (const s of body) {
    if (s.k === "return" && s.value !== null) return s.span;
    const nested = s as unknown as { body?: Stmt[]; orelse?: Stmt[] };
    for (const inner of [nested.body, nested.orelse])
      if (Array.isArray(inner)) {
        const r = returnOf(inner);
        if (r !== null) return r;
      }
  }
  return null;
}

/** The attribute of `self` that holds `target` (or a view of its memory). */
export function attributeName(self: PyInstance, target: NdArray): string | null {
  for (const [k, v] of self.attrEntries()) if (v === target) return k;
  for (const [k, v] of self.attrEntries()) if (v instanceof NdArray && v.buffer === target.buffer) return k;
  return null;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
