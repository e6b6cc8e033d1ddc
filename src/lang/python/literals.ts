/**
 * Python literal text to values: numbers (with `_` separators, hex/octal/binary ints, ints past
 * 2**53 as bigint) and string literals (prefixes, triple quotes, escapes).
 */

export type NumberLiteral =
  | { kind: "int"; value: number; big: bigint | null }
  | { kind: "float"; value: number }
  | { kind: "imaginary" };

export function parseNumberLiteral(text: string): NumberLiteral {
  const clean = text.replace(/_/g, "");
  if (/[jJ]$/.test(clean)) return { kind: "imaginary" };
  if (/^0[xXoObB]/.test(clean) || /^[0-9]+$/.test(clean)) {
    const big = BigInt(clean);
    const value = Number(big);
    return { kind: "int", value, big: Number.isSafeInteger(value) ? null : big };
  }
  return { kind: "float", value: Number(clean) };
}

/** The characters after the opening quote(s) and the prefix of a string literal's source text. */
export interface StringShape {
  prefix: string;
  quote: string;
  bodyFrom: number;
  bodyTo: number;
}

export function stringShape(text: string): StringShape {
  const prefix = /^[a-zA-Z]*/.exec(text)![0];
  const rest = text.slice(prefix.length);
  const quote = rest.startsWith('"""') || rest.startsWith("'''") ? rest.slice(0, 3) : rest.slice(0, 1);
  const closes = text.endsWith(quote) && text.length >= prefix.length + 2 * quote.length;
  return {
    prefix: prefix.toLowerCase(),
    quote,
    bodyFrom: prefix.length + quote.length,
    bodyTo: closes ? text.length - quote.length : text.length,
  };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

/** Decodes backslash escapes as Python does in a non-raw string (unknown escapes stay as written). */
export function decodeEscapes(body: string): string {
  if (!body.includes("\\")) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\" || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
    } else if (next === "x" || next === "u" || next === "U") {
      const len = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + len);
      if (hex.length === len && /^[0-9a-fA-F]+$/.test(hex)) {
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 1 + len;
      } else {
        out += ch;
      }
    } else if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The value of one string literal's source text, or null for bytes (which GradLens does not run). */
export function decodeStringLiteral(text: string): string | null {
  const shape = stringShape(text);
  if (shape.prefix.includes("b")) return null;
  const body = text.slice(shape.bodyFrom, shape.bodyTo);
  return shape.prefix.includes("r") ? body : decodeEscapes(body);
}
