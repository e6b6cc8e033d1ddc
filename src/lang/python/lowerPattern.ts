import type { SyntaxNode } from "@lezer/common";
import type { Expr, MatchCase, NameExpr, Pattern, SourceSpan, Stmt } from "../ir";
import { childrenOf, splitAtCommas, type Lowering } from "../lowering";
import { patternNames } from "../patternNames";
import { lowerExpression } from "./lowerExpression";

/**
 * The `match` statement (PEP 634): its patterns lowered to the IR, with the compile-time
 * SyntaxErrors CPython gives for patterns (unreachable cases, names bound twice, alternatives
 * binding different names).
 */

const BRACKETS = new Set(["(", ")", "[", "]", "{", "}"]);

/** `x` in a pattern as a name the case binds (numbered as an occurrence, as an assignment's is). */
function captureName(cx: Lowering, node: SyntaxNode): NameExpr {
  const span = cx.span(node);
  const id = cx.text(node);
  return { k: "name", id, occurrence: cx.nextOccurrence(id, span), span };
}

function syntaxError(cx: Lowering, message: string, span: SourceSpan): void {
  cx.diagnostics.push({ code: "syntax", message, span });
}

/** The items of a bracketed pattern or argument list, without the brackets, commas and gaps. */
function items(node: SyntaxNode): { groups: SyntaxNode[][]; trailingComma: boolean } {
  const kids = childrenOf(node).filter((c) => !BRACKETS.has(c.name));
  return splitAtCommas(kids);
}

function lowerLiteral(cx: Lowering, node: SyntaxNode): Pattern {
  const span = cx.span(node);
  const kids = childrenOf(node);
  const first = kids[0];
  if (first.name === "None") return { k: "matchSingleton", value: null, span };
  if (first.name === "Boolean") return { k: "matchSingleton", value: cx.text(first) === "True", span };
  if (kids.some((c) => c.name === "ArithOp" && c !== first))
    return { k: "matchValue", value: cx.unsupported(node, "A complex number"), span };
  let value: Expr = lowerExpression(cx, kids[kids.length - 1]);
  if (first.name === "ArithOp") value = { k: "unary", op: "-", operand: value, span };
  if (value.k === "fstring") {
    syntaxError(cx, "patterns may only match literals and attribute lookups", span);
  }
  return { k: "matchValue", value, span };
}

/**
 * An empty `()`, `[]`, `{}` or `Cls()` the parser read as the capture `_` (see emptyPatterns.ts):
 * the program's own text there ends in the opening bracket.
 */
function emptyBrackets(cx: Lowering, node: SyntaxNode): Pattern | null {
  const text = cx.text(node);
  const open = text[text.length - 1];
  if (open !== "(" && open !== "[" && open !== "{") return null;
  const span = { from: node.from, to: node.to + 1 };
  if (text === "[" || text === "(") return { k: "matchSequence", items: [], span };
  if (text === "{") return { k: "matchMapping", keys: [], values: [], rest: null, span };
  if (open !== "(") {
    syntaxError(cx, "invalid syntax", span);
    return { k: "matchAs", pattern: null, name: null, span };
  }
  return { k: "matchClass", cls: dottedName(cx, node, 1), args: [], keywords: [], span };
}

/** `a.b.c` as the expression it reads (`trim` characters off its end). */
function dottedName(cx: Lowering, node: SyntaxNode, trim = 0): Expr {
  const parts = node.name === "VariableName" ? [node] : childrenOf(node);
  let expr: Expr | null = null;
  for (const part of parts) {
    const last = part === parts[parts.length - 1];
    const id = cx.text(part).slice(0, last ? cx.text(part).length - trim : undefined);
    const span = { from: part.from, to: part.to - (last ? trim : 0) };
    if (part.name === "VariableName") expr = { k: "name", id, occurrence: cx.nextOccurrence(id, span), span };
    else if (part.name === "PropertyName" && expr !== null)
      expr = {
        k: "attribute",
        object: expr,
        name: id,
        nameSpan: span,
        span: { from: expr.span.from, to: span.to },
      };
  }
  return expr!;
}

function lowerSequenceItems(cx: Lowering, groups: SyntaxNode[][], span: SourceSpan): Pattern {
  const patterns = groups.filter((g) => g.length > 0).map((g) => lowerPattern(cx, g[0]));
  if (patterns.filter((p) => p.k === "matchStar").length > 1)
    syntaxError(cx, "multiple starred names in sequence pattern", span);
  return { k: "matchSequence", items: patterns, span };
}

function orPattern(cx: Lowering, alternatives: Pattern[], span: SourceSpan): Pattern {
  const early = alternatives.slice(0, -1).find(irrefutable);
  const names = alternatives.map((alt) => [...boundNames(alt)].sort().join(" "));
  if (early) syntaxError(cx, unreachableMessage(early), early.span);
  else if (names.some((n) => n !== names[0]))
    syntaxError(cx, "alternative patterns bind different names", span);
  return { k: "matchOr", alternatives, span };
}

export function lowerPattern(cx: Lowering, node: SyntaxNode): Pattern {
  const span = cx.span(node);
  const kids = childrenOf(node);
  switch (node.name) {
    case "CapturePattern": {
      const name = kids[0];
      const emptied = emptyBrackets(cx, name);
      if (emptied) return emptied;
      if (cx.text(name) === "_") return { k: "matchAs", pattern: null, name: null, span };
      return { k: "matchAs", pattern: null, name: captureName(cx, name), span };
    }
    case "LiteralPattern":
      return lowerLiteral(cx, node);
    case "AttributePattern": {
      const emptied = emptyBrackets(cx, node);
      if (emptied) return emptied;
      return { k: "matchValue", value: dottedName(cx, node), span };
    }
    case "AsPattern": {
      const name = kids[kids.length - 1];
      const pattern = lowerPattern(cx, kids[0]);
      if (cx.text(name) === "_") {
        syntaxError(cx, "cannot use '_' as a target", cx.span(name));
        return pattern;
      }
      return { k: "matchAs", pattern, name: captureName(cx, name), span };
    }
    case "OrPattern": {
      const parts = kids.filter((c) => c.name !== "LogicOp");
      // the grammar reads `a | b as n` as `a | (b as n)`; Python's `as` takes the whole `a | b`
      const last = parts[parts.length - 1];
      if (last.name === "AsPattern") {
        const [inner, , name] = childrenOf(last);
        const alternatives = [...parts.slice(0, -1), inner].map((c) => lowerPattern(cx, c));
        const or = orPattern(cx, alternatives, { from: span.from, to: inner.to });
        return { k: "matchAs", pattern: or, name: captureName(cx, name), span };
      }
      return orPattern(
        cx,
        parts.map((c) => lowerPattern(cx, c)),
        span,
      );
    }
    case "StarPattern": {
      const inner = kids.find((c) => c.name === "CapturePattern");
      if (!inner) {
        syntaxError(cx, "invalid syntax", span);
        return { k: "matchStar", name: null, span };
      }
      const name = childrenOf(inner)[0];
      return { k: "matchStar", name: cx.text(name) === "_" ? null : captureName(cx, name), span };
    }
    case "SequencePattern": {
      const { groups, trailingComma } = items(node);
      // `(p)` is p itself: only a comma makes a parenthesised pattern a sequence
      if (kids[0].name === "(" && groups.length === 1 && groups[0].length === 1 && !trailingComma)
        return lowerPattern(cx, groups[0][0]);
      return lowerSequenceItems(cx, groups, span);
    }
    case "MappingPattern": {
      const keys: Expr[] = [];
      const values: Pattern[] = [];
      let rest: NameExpr | null = null;
      const seen = new Set<string>();
      for (const group of items(node).groups) {
        if (group.length === 0) continue;
        if (group[0].name === "**") {
          const capture = group[1];
          const name = capture?.name === "CapturePattern" ? childrenOf(capture)[0] : null;
          if (name === null || cx.text(name) === "_") syntaxError(cx, "invalid syntax", cx.span(group[0]));
          else rest = captureName(cx, name);
          continue;
        }
        const key = group[0];
        const value = group[group.length - 1];
        if (key.name !== "LiteralPattern" || group.length !== 3) {
          syntaxError(cx, "invalid syntax", cx.span(key));
          continue;
        }
        const keyPattern = lowerLiteral(cx, key);
        const keyExpr: Expr =
          keyPattern.k === "matchSingleton"
            ? { k: "constant", value: keyPattern.value, span: keyPattern.span }
            : (keyPattern as Pattern & { k: "matchValue" }).value;
        // the key as CPython's message shows it: a str's repr, else the literal as written
        const text =
          keyExpr.k === "str" && !keyExpr.value.includes("'") ? `'${keyExpr.value}'` : cx.text(key);
        if (seen.has(text)) syntaxError(cx, `mapping pattern checks duplicate key (${text})`, cx.span(key));
        seen.add(text);
        keys.push(keyExpr);
        values.push(lowerPattern(cx, value));
      }
      return { k: "matchMapping", keys, values, rest, span };
    }
    case "ClassPattern": {
      const cls = dottedName(cx, kids[0]);
      const argList = kids.find((c) => c.name === "PatternArgList");
      const args: Pattern[] = [];
      const keywords: { name: string; pattern: Pattern }[] = [];
      for (const group of argList ? items(argList).groups : []) {
        if (group.length === 0) continue;
        const arg = group[0];
        if (arg.name === "KeywordPattern") {
          const [nameNode, patternNode] = childrenOf(arg).filter((c) => c.name !== "=");
          const name = cx.text(nameNode);
          if (keywords.some((k) => k.name === name))
            syntaxError(cx, `attribute name repeated in class pattern: ${name}`, cx.span(nameNode));
          keywords.push({ name, pattern: lowerPattern(cx, patternNode) });
        } else {
          if (keywords.length > 0)
            syntaxError(cx, "positional patterns follow keyword patterns", cx.span(arg));
          args.push(lowerPattern(cx, arg));
        }
      }
      return { k: "matchClass", cls, args, keywords, span };
    }
    default:
      syntaxError(cx, "invalid syntax", span);
      return { k: "matchAs", pattern: null, name: null, span };
  }
}

/** Whether a pattern matches every subject (a capture or the wildcard, possibly in `as` or `|`). */
function irrefutable(p: Pattern): boolean {
  if (p.k === "matchAs") return p.pattern === null || irrefutable(p.pattern);
  if (p.k === "matchOr") return p.alternatives.some(irrefutable);
  return false;
}

/** The names a pattern binds, each once. */
function boundNames(p: Pattern): Set<string> {
  const out = new Set<string>();
  for (const name of patternNames(p)) out.add(name.id);
  return out;
}

/** A pattern's own sub-patterns. */
function subpatterns(p: Pattern): Pattern[] {
  switch (p.k) {
    case "matchAs":
      return p.pattern ? [p.pattern] : [];
    case "matchSequence":
      return p.items;
    case "matchMapping":
      return p.values;
    case "matchClass":
      return [...p.args, ...p.keywords.map((k) => k.pattern)];
    case "matchOr":
      return p.alternatives;
    default:
      return [];
  }
}

/** The names a pattern binds itself (not through its sub-patterns). */
function ownNames(p: Pattern): NameExpr[] {
  if (p.k === "matchAs" || p.k === "matchStar") return p.name ? [p.name] : [];
  if (p.k === "matchMapping") return p.rest ? [p.rest] : [];
  return [];
}

/** A name bound twice in one pattern (each alternative of an or-pattern counted on its own). */
function repeatedName(p: Pattern, seen: Set<string>): NameExpr | null {
  if (p.k === "matchOr") {
    let last = seen;
    for (const alt of p.alternatives) {
      last = new Set(seen);
      const found = repeatedName(alt, last);
      if (found) return found;
    }
    last.forEach((n) => seen.add(n));
    return null;
  }
  for (const sub of subpatterns(p)) {
    const found = repeatedName(sub, seen);
    if (found) return found;
  }
  for (const name of ownNames(p)) {
    if (seen.has(name.id)) return name;
    seen.add(name.id);
  }
  return null;
}

/** CPython's message for an irrefutable pattern that is not the last thing tried. */
function unreachableMessage(p: Pattern): string {
  const capture = p.k === "matchAs" && p.pattern === null ? p.name : null;
  return capture
    ? `name capture '${capture.id}' makes remaining patterns unreachable`
    : "wildcard makes remaining patterns unreachable";
}

/** `match subject:` and its cases. */
export function lowerMatch(
  cx: Lowering,
  node: SyntaxNode,
  lowerBody: (cx: Lowering, body: SyntaxNode | undefined) => Stmt[],
): Stmt {
  const span = cx.span(node);
  const kids = childrenOf(node);
  if (kids[1]?.name === "*") return cx.unsupported(node, "A starred `match` subject");
  const subject = lowerExpression(cx, kids[1]);
  const clauses = childrenOf(kids.find((c) => c.name === "MatchBody")!).filter(
    (c) => c.name === "MatchClause",
  );
  const cases: MatchCase[] = clauses.map((clause) => {
    const parts = childrenOf(clause);
    const guardNode = parts.find((c) => c.name === "Guard");
    const bodyNode = parts.find((c) => c.name === "Body");
    const patternNodes = parts.slice(1).filter((c) => c !== guardNode && c !== bodyNode);
    const { groups, trailingComma } = splitAtCommas(patternNodes);
    // `case a, *rest:` is an open sequence pattern
    const pattern =
      groups.length === 1 && !trailingComma
        ? lowerPattern(cx, groups[0][0])
        : lowerSequenceItems(cx, groups, {
            from: patternNodes[0].from,
            to: patternNodes[patternNodes.length - 1].to,
          });
    const guard = guardNode ? lowerExpression(cx, childrenOf(guardNode)[1]) : null;
    return {
      pattern,
      guard,
      body: lowerBody(cx, bodyNode),
      span: { from: clause.from, to: bodyNode?.from ?? clause.to },
    };
  });
  cases.forEach((c, i) => {
    const repeated = repeatedName(c.pattern, new Set());
    if (repeated) syntaxError(cx, `multiple assignments to name '${repeated.id}' in pattern`, repeated.span);
    if (i < cases.length - 1 && c.guard === null && irrefutable(c.pattern))
      syntaxError(cx, unreachableMessage(c.pattern), c.pattern.span);
  });
  return { k: "match", subject, cases, span };
}
