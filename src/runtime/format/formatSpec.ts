import { chargeString } from "../../engine/memory";
import { bigIntText } from "../interpreter/stringify";
import { PyInt, type PyValue } from "../interpreter/objects";
import { PyError, valueError } from "../interpreter/pyErrors";
import { floatRepr, formatExponent, formatFixed, formatGeneral } from "../../format/floatFormat";

/** A precision makes a string about that long (`f"{x:.1000000f}"`): charged as one. */
function chargedPrecision(p: number): number {
  chargeString(p);
  return p;
}

/** The parts of Python's format-spec mini-language: `[[fill]align][sign][#][0][width][,_][.precision][type]`. */
interface FormatSpec {
  fill: string;
  align: "<" | ">" | "=" | "^" | null;
  sign: "+" | "-" | " ";
  alternate: boolean;
  width: number;
  grouping: "," | "_" | null;
  precision: number | null;
  type: string;
}

const SPEC = /^(?:([\s\S])?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/;

function parseSpec(spec: string): FormatSpec {
  const m = SPEC.exec(spec);
  if (!m) throw valueError("Invalid format specifier");
  const zero = m[6] === "0";
  return {
    fill: m[1] ?? (zero && !m[2] ? "0" : " "),
    align: (m[2] as FormatSpec["align"]) ?? (zero ? "=" : null),
    sign: (m[3] as FormatSpec["sign"]) ?? "-",
    alternate: m[5] === "#",
    width: m[7] ? Number(m[7]) : 0,
    grouping: (m[8] as FormatSpec["grouping"]) ?? null,
    precision: m[9] !== undefined ? chargedPrecision(Number(m[9])) : null,
    type: m[10] ?? "",
  };
}

/**
 * `format(value, spec)` for ints, floats, bools and strs; other objects accept only the empty
 * spec (Python's `object.__format__`). `str` gives the value's str() for that case.
 */
export function formatWithSpec(
  value: PyValue,
  spec: string,
  str: (v: PyValue) => string,
  typeName: string,
): string {
  if (spec === "") return str(value);
  const f = parseSpec(spec);
  if (typeof value === "string") {
    if (f.type !== "" && f.type !== "s") throw unknownCode(f.type, "str");
    if (f.sign !== "-") throw valueError("Sign not allowed in string format specifier");
    const text = f.precision !== null ? value.slice(0, f.precision) : value;
    return pad(text, "", f, "<");
  }
  if (typeof value === "boolean" || value instanceof PyInt) {
    const n = typeof value === "boolean" ? (value ? 1 : 0) : value.big === null ? value.v : value.big;
    if ("eEfFgG%".includes(f.type) && f.type !== "") return formatFloat(Number(n), f);
    if (f.type === "" && typeof value === "boolean" && f.width === 0 && f.align === null) return str(value);
    return formatInteger(n, f);
  }
  if (typeof value === "number") {
    if (f.type !== "" && !"eEfFgGn%".includes(f.type)) throw unknownCode(f.type, "float");
    return formatFloat(value, f);
  }
  throw new PyError("TypeError", `unsupported format string passed to ${typeName}.__format__`);
}

function unknownCode(code: string, type: string): PyError {
  return valueError(`Unknown format code '${code}' for object of type '${type}'`);
}

function formatInteger(n: number | bigint, f: FormatSpec): string {
  if (f.precision !== null) throw valueError("Precision not allowed in integer format specifier");
  const negative = n < 0;
  const magnitude = typeof n === "bigint" ? (negative ? -n : n) : Math.abs(n);
  let body: string;
  let prefix = "";
  switch (f.type) {
    case "":
    case "d":
    case "n":
      body = typeof magnitude === "bigint" ? bigIntText(magnitude) : magnitude.toString();
      break;
    case "b":
      body = magnitude.toString(2);
      prefix = f.alternate ? "0b" : "";
      break;
    case "o":
      body = magnitude.toString(8);
      prefix = f.alternate ? "0o" : "";
      break;
    case "x":
    case "X":
      body = magnitude.toString(16);
      prefix = f.alternate ? "0x" : "";
      if (f.type === "X") {
        body = body.toUpperCase();
        prefix = prefix.toUpperCase();
      }
      break;
    case "c":
      return pad(String.fromCodePoint(Number(n)), "", f, "<");
    default:
      throw unknownCode(f.type, "int");
  }
  if (f.grouping) body = group(body, f.grouping, f.type === "" || f.type === "d" ? 3 : 4);
  return pad(body, signOf(negative, f) + prefix, f, ">");
}

function formatFloat(x: number, f: FormatSpec): string {
  const negative = x < 0 || Object.is(x, -0);
  const magnitude = Math.abs(x);
  let body: string;
  const upper = f.type === "E" || f.type === "F" || f.type === "G";
  if (!Number.isFinite(magnitude)) {
    body = Number.isNaN(magnitude) ? "nan" : "inf";
    if (upper) body = body.toUpperCase();
    if (f.type === "%") body += "%";
  } else {
    const p = f.precision ?? 6;
    switch (f.type) {
      case "f":
      case "F":
        body = formatFixed(magnitude, p);
        if (f.alternate && p === 0) body += ".";
        break;
      case "e":
      case "E":
        body = formatExponent(magnitude, p, upper);
        break;
      case "g":
      case "G":
      case "n":
        body = formatGeneral(magnitude, p, f.alternate, false, upper);
        break;
      case "%":
        body = formatFixed(magnitude * 100, p) + "%";
        break;
      default:
        body =
          f.precision === null
            ? floatRepr(magnitude)
            : formatGeneral(magnitude, f.precision, f.alternate, true);
    }
  }
  if (f.grouping) {
    const point = body.search(/[.eE%]/);
    const intPart = point < 0 ? body : body.slice(0, point);
    if (/^\d+$/.test(intPart)) body = group(intPart, f.grouping, 3) + (point < 0 ? "" : body.slice(point));
  }
  return pad(body, signOf(negative, f), f, ">");
}

function signOf(negative: boolean, f: FormatSpec): string {
  if (negative) return "-";
  return f.sign === "-" ? "" : f.sign;
}

function group(digits: string, separator: string, every: number): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % every === 0) out += separator;
    out += digits[i];
  }
  return out;
}

function pad(body: string, sign: string, f: FormatSpec, defaultAlign: "<" | ">"): string {
  const length = sign.length + body.length;
  if (f.width <= length) return sign + body;
  chargeString(f.width);
  const fill = f.fill.repeat(f.width - length);
  switch (f.align ?? defaultAlign) {
    case "<":
      return sign + body + fill;
    case ">":
      return fill + sign + body;
    case "=":
      return sign + fill + body;
    case "^": {
      const left = Math.floor(fill.length / 2);
      return fill.slice(0, left) + sign + body + fill.slice(left);
    }
  }
}
