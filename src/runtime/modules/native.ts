import { isNumber, toFloat } from "../interpreter/numbers";
import {
  PyBuiltin,
  PyClass,
  PyInt,
  PyModule,
  PyStaticMethod,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { typeError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";

/**
 * Small tools for modules written in TypeScript: functions and methods with Python's argument
 * binding and messages, and reading ints, floats and strs from arguments.
 */

export type NativeFunction = (args: PyValue[], kwargs: Kwargs) => PyValue;

/** A module function (`json.dumps`). */
export function defineFunction(m: PyModule, name: string, f: NativeFunction): void {
  m.attrs.set(name, new PyBuiltin(name, f));
}

/** A method of a class written in TypeScript: `self` comes first, as in a `def`. */
export function defineMethod(
  cls: PyClass,
  name: string,
  f: (self: PyValue, args: PyValue[], kwargs: Kwargs) => PyValue,
): void {
  cls.dict.set(name, new PyBuiltin(name, (args, kwargs) => f(args[0], args.slice(1), kwargs)));
}

export function defineStaticMethod(cls: PyClass, name: string, f: NativeFunction): void {
  cls.dict.set(name, new PyStaticMethod(new PyBuiltin(name, f)));
}

/**
 * Binds arguments to parameter names in order (`"*"` ends the positional ones); the first
 * `required` names must be given. Python's messages for too many, unknown, repeated or missing
 * arguments. Absent ones are undefined.
 */
export function bindArgs(
  fname: string,
  args: PyValue[],
  kwargs: Kwargs,
  names: readonly string[],
  required = 0,
): Record<string, PyValue | undefined> {
  const star = names.indexOf("*");
  const positional = star < 0 ? names.length : star;
  if (args.length > positional) {
    const takes = positional === required ? `${positional}` : `from ${required} to ${positional}`;
    throw typeError(
      `${fname}() takes ${takes} positional argument${positional === 1 ? "" : "s"} but ${args.length} ${args.length === 1 ? "was" : "were"} given`,
    );
  }
  const out = Object.create(null) as Record<string, PyValue | undefined>;
  for (let i = 0; i < args.length; i++) out[names[i]] = args[i];
  for (const [k, v] of kwargs ?? []) {
    if (k === "*" || !names.includes(k))
      throw typeError(`${fname}() got an unexpected keyword argument '${k}'`);
    if (out[k] !== undefined) throw typeError(`${fname}() got multiple values for argument '${k}'`);
    out[k] = v;
  }
  const missing = names.slice(0, required).filter((n) => out[n] === undefined);
  if (missing.length > 0) {
    const quoted = missing.map((m) => `'${m}'`);
    const list =
      quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
    throw typeError(
      `${fname}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${list}`,
    );
  }
  return out;
}

/** An int argument as a JS number (bools count, as in Python). */
export function intArg(v: PyValue | undefined, fallback?: number): number {
  if (v === undefined && fallback !== undefined) return fallback;
  if (v instanceof PyInt) return v.big !== null ? Number(v.big) : v.v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw typeError(`'${typeName(v ?? null)}' object cannot be interpreted as an integer`);
}

/** A real-number argument as a JS number. */
export function floatArg(v: PyValue | undefined, what: string): number {
  if (v !== undefined && isNumber(v)) return toFloat(v);
  throw typeError(`${what} must be a real number, not ${typeName(v ?? null)}`);
}

export function strArg(v: PyValue | undefined, what: string): string {
  if (typeof v === "string") return v;
  throw typeError(`${what} must be str, not ${typeName(v ?? null)}`);
}
