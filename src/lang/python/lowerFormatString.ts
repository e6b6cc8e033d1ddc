import { parser } from "@lezer/python";
import type { Expr, FormatPart } from "../ir";
import { decodeEscapes, stringShape } from "./literals";
import { lowerExpression } from "./lowerExpression";
import type { Lowering } from "../lowering";

/**
 * f-strings, scanned here rather than taken from the grammar's tree: the grammar reads the
 * spec of `{x:=^10}` as a walrus operator. Each field's expression is parsed on its own in a
 * copy of the source blanked around it, so its spans are the program's.
 */
export function lowerFormatString(cx: Lowering, from: number, to: number): FormatPart[] {
  const text = cx.source.slice(from, to);
  const shape = stringShape(text);
  return scanPieces(cx, from + shape.bodyFrom, from + shape.bodyTo, shape.prefix.includes("r"));
}

function scanPieces(cx: Lowering, from: number, to: number, raw: boolean): FormatPart[] {
  const src = cx.source;
  const parts: FormatPart[] = [];
  let literal = "";
  const flush = () => {
    if (literal !== "") parts.push(raw ? literal : decodeEscapes(literal));
    literal = "";
  };
  let at = from;
  while (at < to) {
    const ch = src[at];
    if ((ch === "{" || ch === "}") && src[at + 1] === ch) {
      literal += ch;
      at += 2;
    } else if (ch === "{") {
      flush();
      const end = fieldEnd(src, at + 1, to);
      if (end < 0) {
        syntax(cx, at, to, "f-string: expecting '}'");
        return parts;
      }
      parts.push(lowerField(cx, at + 1, end, raw));
      at = end + 1;
    } else if (ch === "}") {
      syntax(cx, at, at + 1, "f-string: single '}' is not allowed");
      at++;
    } else {
      literal += ch;
      at++;
    }
  }
  flush();
  return parts;
}

function syntax(cx: Lowering, from: number, to: number, message: string): void {
  cx.diagnostics.push({ code: "syntax", message, span: { from, to } });
}

/** The `}` that closes a field opened before `from`, skipping brackets and quoted strings. */
function fieldEnd(src: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = src[i];
    if (ch === "'" || ch === '"') {
      const close = src.indexOf(ch, i + 1);
      if (close < 0 || close >= to) return -1;
      i = close;
    } else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Where the expression of a field ends: at a top-level `!` (not `!=`) or `:`. */
function expressionEnd(src: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = src[i];
    if (ch === "'" || ch === '"') i = src.indexOf(ch, i + 1);
    else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    else if (depth === 0 && ch === "!" && src[i + 1] !== "=") return i;
    else if (depth === 0 && ch === ":") return i;
  }
  return to;
}

function lowerField(cx: Lowering, from: number, to: number, raw: boolean): FormatPart {
  const src = cx.source;
  const exprEnd = expressionEnd(src, from, to);
  // `{x=}`, `{x = }`: an `=` ending the expression (not `==`, `!=`, `<=`, `>=`) shows its text
  const head = src.slice(from, exprEnd);
  const selfDocMatch = /[^=!<>]=\s*$/.exec(head);
  const exprTo = selfDocMatch ? from + selfDocMatch.index + 1 : exprEnd;
  const selfDoc = selfDocMatch ? head : null;
  let conversion: "r" | "s" | "a" | null = null;
  let specFrom = -1;
  if (src[exprEnd] === "!") {
    const c = src[exprEnd + 1];
    if (c === "r" || c === "s" || c === "a") conversion = c;
    else
      syntax(cx, exprEnd, exprEnd + 2, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    if (src[exprEnd + 2] === ":") specFrom = exprEnd + 3;
  } else if (src[exprEnd] === ":") specFrom = exprEnd + 1;
  const spec = specFrom >= 0 ? scanPieces(cx, specFrom, to, raw) : null;
  const expr = lowerFieldExpression(cx, from, exprTo);
  return { expr, conversion: conversion ?? (selfDoc !== null && spec === null ? "r" : null), spec, selfDoc };
}

function lowerFieldExpression(cx: Lowering, from: number, to: number): Expr {
  const text = cx.source.slice(from, to);
  const span = { from, to };
  if (text.trim() === "") {
    syntax(cx, from - 1, to + 1, "f-string: empty expression not allowed");
    return { k: "unsupported", message: "invalid syntax", span };
  }
  // the field alone, in parentheses, at its own offsets (the `{` before it becomes the `(`)
  const padded = " ".repeat(from - 1) + "(" + text + ")";
  const tree = parser.parse(padded);
  let broken = false;
  tree.iterate({
    enter(n) {
      if (n.type.isError) broken = true;
    },
  });
  const statement = tree.topNode.firstChild;
  const inner = statement?.firstChild;
  if (broken || !inner || statement!.nextSibling) {
    syntax(cx, from, to, "f-string: invalid syntax");
    return { k: "unsupported", message: "invalid syntax", span };
  }
  const sub = cx.withSource(padded);
  // a parenthesised field is itself the expression; `(a, b)` is a tuple, as in Python
  if (inner.name === "ParenthesizedExpression") {
    let child = inner.firstChild?.nextSibling;
    while (child && child.name === "Comment") child = child.nextSibling;
    if (child) return lowerExpression(sub, child);
  }
  return lowerExpression(sub, inner);
}
