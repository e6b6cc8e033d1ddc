import { chargeString } from "../engine/memory";
import { bigInt, int, PyInt, type Kwargs, type PyValue } from "./interpreter/objects";
import { PyError, typeError, valueError } from "./interpreter/pyErrors";
import { stringRepr, typeName } from "./interpreter/stringify";

/** `float(x)` for numbers and numeric strings, with CPython's messages. */
export function convertToFloat(x: PyValue): number {
  if (typeof x === "number") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (x instanceof PyInt) {
    const f = x.big !== null ? Number(x.big) : x.v;
    if (!Number.isFinite(f)) throw new PyError("OverflowError", "int too large to convert to float");
    return f;
  }
  if (typeof x === "string") {
    const text = x
      .trim()
      .replace(/(\d)_(?=\d)/g, "$1")
      .toLowerCase();
    const special: Record<string, number> = {
      inf: Infinity,
      "+inf": Infinity,
      "-inf": -Infinity,
      infinity: Infinity,
      "+infinity": Infinity,
      "-infinity": -Infinity,
      nan: NaN,
      "+nan": NaN,
      "-nan": NaN,
    };
    if (text in special) return special[text];
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) return Number(text);
    throw valueError(`could not convert string to float: ${stringRepr(x)}`);
  }
  throw typeError(`float() argument must be a string or a real number, not '${typeName(x)}'`);
}

/** `int(x)` / `int(text, base)`. */
export function convertToInt(args: PyValue[], kwargs: Kwargs): PyValue {
  const x = args[0];
  const baseArg = args[1] ?? kwargs?.get("base");
  if (x === undefined) return int(0);
  if (baseArg !== undefined) {
    if (typeof x !== "string") throw typeError("int() can't convert non-string with explicit base");
    return parseIntText(x, baseArg instanceof PyInt ? baseArg.v : 10);
  }
  if (x instanceof PyInt) return x;
  if (typeof x === "boolean") return int(x ? 1 : 0);
  if (typeof x === "number") {
    if (Number.isNaN(x)) throw valueError("cannot convert float NaN to integer");
    if (!Number.isFinite(x)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
    const t = Math.trunc(x);
    return Number.isSafeInteger(t) ? int(t === 0 ? 0 : t) : bigInt(BigInt(t));
  }
  if (typeof x === "string") return parseIntText(x, 10);
  throw typeError(
    `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`,
  );
}

/** CPython's `sys.get_int_max_str_digits()` default: longer int ↔ decimal text conversions are refused. */
export const INT_MAX_STR_DIGITS = 4300;

function parseIntText(x: string, base: number): PyInt {
  let text = x
    .trim()
    .replace(/(\w)_(?=\w)/g, "$1")
    .toLowerCase();
  let sign = 1n;
  if (text.startsWith("-") || text.startsWith("+")) {
    if (text[0] === "-") sign = -1n;
    text = text.slice(1);
  }
  const prefixes: Record<string, number> = { "0x": 16, "0o": 8, "0b": 2 };
  const prefix = text.slice(0, 2);
  if (prefix in prefixes && (base === 0 || base === prefixes[prefix])) {
    base = prefixes[prefix];
    text = text.slice(2);
  }
  if (base === 0) base = 10;
  const digits = "0123456789abcdefghijklmnopqrstuvwxyz".slice(0, base);
  if (text === "" || [...text].some((c) => !digits.includes(c))) {
    throw valueError(`invalid literal for int() with base ${base}: ${stringRepr(x)}`);
  }
  // CPython refuses long decimal texts (quadratic to convert); a power-of-two base converts fast
  const powerOfTwo = (base & (base - 1)) === 0;
  if (!powerOfTwo && text.length > INT_MAX_STR_DIGITS)
    throw valueError(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${text.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  chargeString(text.length);
  const prefix2: Record<number, string> = { 2: "0b", 8: "0o", 16: "0x" };
  if (prefix2[base] !== undefined || base === 10) return bigInt(sign * BigInt((prefix2[base] ?? "") + text));
  let v = 0n;
  for (const c of text) v = v * BigInt(base) + BigInt(digits.indexOf(c));
  return bigInt(sign * v);
}
