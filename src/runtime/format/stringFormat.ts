import { getAttribute } from "../interpreter/attributes";
import { getItem } from "../interpreter/collections";
import { toFloat } from "../interpreter/numbers";
import { int, PyDict, PyInstance, PyInt, PyTuple, type Kwargs, type PyValue } from "../interpreter/objects";
import { PyError, typeError, valueError } from "../interpreter/pyErrors";
import type { Runtime } from "../interpreter/runtime";
import { ascii, typeName } from "../interpreter/stringify";

type Format = (v: PyValue, spec: string) => string;

/** `template.format(*args, **kwargs)`: `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`, `!r`/`!s`, `:spec`. */
export function strFormat(
  rt: Runtime,
  format: Format,
  template: string,
  args: PyValue[],
  kwargs: Kwargs,
): string {
  let out = "";
  let auto = 0;
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch === "}") {
      if (template[i + 1] !== "}") throw valueError("Single '}' encountered in format string");
      out += "}";
      i += 2;
      continue;
    }
    if (ch !== "{") {
      out += ch;
      i++;
      continue;
    }
    if (template[i + 1] === "{") {
      out += "{";
      i += 2;
      continue;
    }
    // find the matching close brace (a spec may nest one level of {…})
    let depth = 1;
    let j = i + 1;
    while (j < template.length && depth > 0) {
      if (template[j] === "{") depth++;
      else if (template[j] === "}") depth--;
      j++;
    }
    if (depth > 0) throw valueError("expected '}' before end of string");
    const field = template.slice(i + 1, j - 1);
    i = j;
    const specAt = field.indexOf(":");
    const head = specAt >= 0 ? field.slice(0, specAt) : field;
    let spec = specAt >= 0 ? field.slice(specAt + 1) : "";
    const [ref, conversion] = head.split("!");
    if (spec.includes("{")) spec = strFormat(rt, format, spec, args, kwargs);
    const [, first, rest] = /^([^.[]*)(.*)$/.exec(ref)!;
    let v: PyValue;
    if (first === "") {
      if (auto >= args.length)
        throw new PyError("IndexError", `Replacement index ${auto} out of range for positional args tuple`);
      v = args[auto++];
    } else if (/^\d+$/.test(first)) {
      const n = Number(first);
      if (n >= args.length)
        throw new PyError("IndexError", `Replacement index ${n} out of range for positional args tuple`);
      v = args[n];
    } else {
      const named = kwargs?.get(first);
      if (named === undefined) throw new PyError("KeyError", `'${first}'`);
      v = named;
    }
    for (const [, attr, index] of rest.matchAll(/\.(\w+)|\[([^\]]*)\]/g)) {
      if (attr !== undefined) v = getAttribute(rt, v, attr);
      else v = getItem(rt, v, /^\d+$/.test(index) ? int(Number(index)) : index);
    }
    if (conversion === "r") v = rt.repr(v);
    else if (conversion === "s") v = rt.str(v);
    out += format(v, spec);
  }
  return out;
}

/** printf-style `template % values`: `%s %r %d %i %f %e %g %x %%` with flags, width and precision. */
/**
 * An integer conversion with a precision (\`%.5d\`): at least that many digits, zero-filled,
 * then the sign (or \`#\`'s 0o / 0x) and the width, as CPython pads them.
 */
function integerWithPrecision(
  format: Format,
  v: number | PyInt | boolean,
  type: string,
  flags: string,
  width: string,
  precision: string,
): string {
  const negative = v instanceof PyInt ? (v.big !== null ? v.big < 0n : v.v < 0) : Number(v) < 0;
  const spec = "diu".includes(type) ? "d" : type;
  let digits = format(v, spec);
  if (negative) digits = digits.slice(1);
  digits = digits.padStart(Number(precision), "0");
  const prefix =
    flags.includes("#") && type !== "d" && !"iu".includes(type) ? (type === "o" ? "0o" : `0${type}`) : "";
  const sign = negative ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  const body = sign + prefix + digits;
  const w = Number(width || "0");
  if (body.length >= w) return body;
  if (flags.includes("-")) return body.padEnd(w, " ");
  if (flags.includes("0")) return sign + prefix + digits.padStart(w - sign.length - prefix.length, "0");
  return body.padStart(w, " ");
}

export function percentFormat(rt: Runtime, format: Format, template: string, values: PyValue): string {
  const args = values instanceof PyTuple ? values.items : [values];
  const mapping = values instanceof PyDict ? values : null;
  let next = 0;
  const take = (): PyValue => {
    if (next >= args.length) throw typeError("not enough arguments for format string");
    return args[next++];
  };
  const out = template.replace(
    /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g,
    (
      _m,
      key: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      type: string,
    ) => {
      if (type === "%") return "%";
      const w = width === "*" ? String((take() as PyInt).v) : (width ?? "");
      const p = precision === "*" ? String((take() as PyInt).v) : precision;
      let v = key !== undefined && mapping ? getItem(rt, mapping, key) : take();
      const align = flags.includes("-") ? "<" : "";
      const sign = flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
      const zero = flags.includes("0") && !align ? "0" : "";
      if (type === "s" || type === "r" || type === "a") {
        const text = type === "s" ? rt.str(v) : type === "a" ? ascii(rt, v) : rt.repr(v);
        return format(p !== undefined ? text.slice(0, Number(p)) : text, `${align || ">"}${w}`);
      }
      if (type === "c")
        return format(
          typeof v === "string" ? v : String.fromCodePoint((v as PyInt).v),
          `${align || ">"}${w}`,
        );
      if (v instanceof PyInstance) {
        // an object converts itself as CPython asks it to: __float__ for %f/%e/%g, __index__
        // (or __int__ for %d/%i/%u) for the integer formats (a one-element tensor does both)
        const names = "eEfFgG".includes(type)
          ? ["__float__"]
          : "diu".includes(type)
            ? ["__index__", "__int__"]
            : ["__index__"];
        const method = names.map((n) => v instanceof PyInstance && v.cls.lookup(n)).find((m) => m);
        if (method) v = rt.call(method, [v]);
      }
      if (typeof v !== "number" && !(v instanceof PyInt) && typeof v !== "boolean") {
        throw typeError(`%${type} format: a real number is required, not ${typeName(v)}`);
      }
      const n = "diu".includes(type) && typeof v === "number" ? int(Math.trunc(v)) : v;
      if ("diuoxX".includes(type) && p !== undefined)
        return integerWithPrecision(format, n, type, flags, w, p);
      if ("diu".includes(type)) return format(n, `${align}${sign}${zero}${w}d`);
      if ("oxX".includes(type))
        return format(n, `${align}${sign}${flags.includes("#") ? "#" : ""}${zero}${w}${type}`);
      const f = toFloat(n);
      return format(f, `${align}${sign}${flags.includes("#") ? "#" : ""}${zero}${w}.${p ?? "6"}${type}`);
    },
  );
  if (!mapping && next < args.length) throw typeError("not all arguments converted during string formatting");
  return out;
}
