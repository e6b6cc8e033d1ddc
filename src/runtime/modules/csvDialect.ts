import type { Interpreter } from "../interpreter/interpreter";
import { PyClass, PyInstance, PyInt, type Kwargs, type PyValue } from "../interpreter/objects";
import { truthy } from "../interpreter/operators";
import { typeError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";

/** csv's quoting modes, by their values in CPython's `_csv`. */
export const QUOTE_MINIMAL = 0;
export const QUOTE_ALL = 1;
export const QUOTE_NONNUMERIC = 2;
export const QUOTE_NONE = 3;

/** How a csv reader splits and a writer joins: CPython's Dialect attributes. */
export interface Dialect {
  delimiter: string;
  quotechar: string | null;
  escapechar: string | null;
  doublequote: boolean;
  skipinitialspace: boolean;
  lineterminator: string;
  quoting: number;
  strict: boolean;
}

const EXCEL: Dialect = {
  delimiter: ",",
  quotechar: '"',
  escapechar: null,
  doublequote: true,
  skipinitialspace: false,
  lineterminator: "\r\n",
  quoting: QUOTE_MINIMAL,
  strict: false,
};

/** The dialects `csv.list_dialects()` names. */
export const DIALECTS = new Map<string, Dialect>([
  ["excel", EXCEL],
  ["excel-tab", { ...EXCEL, delimiter: "\t" }],
  ["unix", { ...EXCEL, lineterminator: "\n", quoting: QUOTE_ALL }],
]);

const FORMAT_PARAMETERS = [
  "delimiter",
  "quotechar",
  "escapechar",
  "doublequote",
  "skipinitialspace",
  "lineterminator",
  "quoting",
  "strict",
] as const;

function char(name: string, v: PyValue, noneAllowed: boolean): string | null {
  if (v === null && noneAllowed) return null;
  if (typeof v === "string" && v.length === 1) return v;
  if (typeof v !== "string" && !(v === null && noneAllowed))
    throw typeError(`"${name}" must be string${noneAllowed ? " or None" : ""}, not ${typeName(v)}`);
  throw typeError(`"${name}" must be a 1-character string`);
}

/**
 * The dialect a `reader`/`writer` call asks for: a named one, a Dialect class or object (its
 * attributes), then the format parameters given by name, checked as CPython checks them.
 */
export function dialectOf(
  interp: Interpreter,
  dialectArg: PyValue | undefined,
  kwargs: Kwargs,
  errorOf: (message: string) => Error,
): Dialect {
  let d: Dialect = { ...EXCEL };
  if (typeof dialectArg === "string") {
    const named = DIALECTS.get(dialectArg);
    if (!named) throw errorOf("unknown dialect");
    d = { ...named };
  } else if (dialectArg instanceof PyClass || dialectArg instanceof PyInstance) {
    const holder = dialectArg;
    const read = (name: string): PyValue | undefined =>
      holder instanceof PyClass ? holder.lookup(name) : (holder.attrs.get(name) ?? holder.cls.lookup(name));
    for (const name of FORMAT_PARAMETERS) {
      const v = read(name);
      if (v !== undefined) set(interp, d, name, v);
    }
  } else if (dialectArg !== undefined && dialectArg !== null) {
    throw typeError(`argument 1 must be a dialect name or a Dialect, not ${typeName(dialectArg)}`);
  }
  for (const [k, v] of kwargs ?? []) {
    if (!(FORMAT_PARAMETERS as readonly string[]).includes(k))
      throw typeError(`'${k}' is an invalid keyword argument for this function`);
    set(interp, d, k as (typeof FORMAT_PARAMETERS)[number], v);
  }
  if (d.quotechar === null && d.quoting !== QUOTE_NONE)
    throw typeError("quotechar must be set if quoting enabled");
  return d;
}

function set(interp: Interpreter, d: Dialect, name: (typeof FORMAT_PARAMETERS)[number], v: PyValue): void {
  switch (name) {
    case "delimiter":
      d.delimiter = char(name, v, false)!;
      return;
    case "quotechar":
      d.quotechar = char(name, v, true);
      return;
    case "escapechar":
      d.escapechar = char(name, v, true);
      return;
    case "lineterminator":
      if (typeof v !== "string") throw typeError(`"lineterminator" must be a string, not ${typeName(v)}`);
      d.lineterminator = v;
      return;
    case "quoting": {
      if (!(v instanceof PyInt) || v.v < 0 || v.v > 3 || v.big !== null)
        throw typeError('bad "quoting" value');
      d.quoting = v.v;
      return;
    }
    default:
      d[name] = truthy(interp, v);
  }
}
