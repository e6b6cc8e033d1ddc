/**
 * JavaScript literals: numbers (decimal, hex, octal, binary, `_` separators) and the escapes of
 * string and template text, decoded as the language defines them.
 */

/** The value of a Number token, or null for a BigInt (`10n`), which GradLens does not run. */
export function parseJsNumber(text: string): number | null {
  if (text.endsWith("n")) return null;
  const clean = text.replace(/_/g, "");
  // a legacy octal literal (`017`) never gets here: literalErrors.ts reports it before lowering
  return Number(clean);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
};

/** Decodes the escapes of string or template text (the text between the quotes). */
export function decodeEscapes(body: string): string {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = body[++i];
    if (next === undefined) break;
    if (next in SIMPLE_ESCAPES && !(next === "0" && /[0-9]/.test(body[i + 1] ?? ""))) {
      out += SIMPLE_ESCAPES[next];
    } else if (next === "x") {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next === "u" && body[i + 1] === "{") {
      const end = body.indexOf("}", i);
      // a code point past U+10FFFF was reported by literalErrors.ts; never throw while lowering
      out += String.fromCodePoint(Math.min(parseInt(body.slice(i + 2, end), 16), 0x10ffff));
      i = end;
    } else if (next === "u") {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next === "\r" && body[i + 1] === "\n") {
      i++; // a line continuation adds nothing
    } else if (next !== "\n" && next !== "\r") {
      out += next;
    }
  }
  return out;
}

/** A String token's value (quotes stripped, escapes decoded). */
export function decodeJsString(token: string): string {
  return decodeEscapes(token.slice(1, -1));
}
