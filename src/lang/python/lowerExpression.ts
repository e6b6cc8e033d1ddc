import { isTrailingDotFloat } from "./trailingDotFloat";
import type { SyntaxNode } from "@lezer/common";
import type {
  Argument,
  BinaryOperator,
  ComprehensionClause,
  CompareOperator,
  Expr,
  FormatPart,
  Param,
} from "../ir";
import { decodeStringLiteral, parseNumberLiteral } from "./literals";
import { lowerFormatString } from "./lowerFormatString";
import { childrenOf, splitAtCommas, type Lowering } from "../lowering";

const BINARY_OPERATORS = new Set(["+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<<", ">>"]);
const COMPARE_OPERATORS = new Set(["<", ">", "<=", ">=", "==", "!=", "in", "not in", "is", "is not"]);
const BRACKETS = new Set(["(", ")", "[", "]", "{", "}"]);

export function lowerExpression(cx: Lowering, node: SyntaxNode): Expr {
  const span = cx.span(node);
  switch (node.name) {
    case "VariableName":
      return { k: "name", id: cx.text(node), occurrence: cx.nextOccurrence(cx.text(node), span), span };
    case "Number": {
      const literal = parseNumberLiteral(cx.text(node));
      if (literal.kind === "imaginary") return cx.unsupported(node, "A complex number");
      if (literal.kind === "int") return { k: "int", value: literal.value, big: literal.big, span };
      return { k: "float", value: literal.value, span };
    }
    case "String":
      return lowerStringParts(cx, node, [node]);
    case "ContinuedString":
      return lowerStringParts(cx, node, childrenOf(node));
    case "FormatString":
      return lowerStringParts(cx, node, [node]);
    case "Boolean":
      return { k: "constant", value: cx.text(node) === "True", span };
    case "None":
      return { k: "constant", value: null, span };
    case "ParenthesizedExpression": {
      const inner = childrenOf(node).filter((c) => !BRACKETS.has(c.name));
      return inner.length === 1 ? lowerExpression(cx, inner[0]) : cx.unsupported(node, "This expression");
    }
    case "BinaryExpression":
      return lowerBinary(cx, node);
    case "UnaryExpression":
      return lowerUnary(cx, node);
    case "ConditionalExpression": {
      const parts = childrenOf(node).filter((c) => c.name !== "if" && c.name !== "else");
      return {
        k: "conditional",
        body: lowerExpression(cx, parts[0]),
        test: lowerExpression(cx, parts[1]),
        orelse: lowerExpression(cx, parts[2]),
        span,
      };
    }
    case "CallExpression": {
      const [func, argList] = childrenOf(node);
      return { k: "call", func: lowerExpression(cx, func), args: lowerArguments(cx, argList), span };
    }
    case "MemberExpression":
      if (isTrailingDotFloat(node, cx.source)) {
        return { k: "float", value: Number(cx.text(node).replace(/[._]/g, "")), span };
      }
      return lowerMember(cx, node);
    case "TupleExpression":
    case "ArrayExpression":
    case "SetExpression": {
      const kind =
        node.name === "TupleExpression" ? "tuple" : node.name === "ArrayExpression" ? "list" : "set";
      const inner = childrenOf(node).filter((c) => !BRACKETS.has(c.name));
      return { k: kind, items: lowerExpressionList(cx, inner).items, span };
    }
    case "DictionaryExpression":
      return lowerDictionary(cx, node);
    case "ArrayComprehensionExpression":
      return lowerComprehension(cx, node, "list");
    case "SetComprehensionExpression":
      return lowerComprehension(cx, node, "set");
    case "DictionaryComprehensionExpression":
      return lowerComprehension(cx, node, "dict");
    case "ComprehensionExpression":
      return lowerComprehension(cx, node, "generator");
    case "LambdaExpression": {
      const kids = childrenOf(node);
      const paramList = kids.find((c) => c.name === "ParamList");
      return {
        k: "lambda",
        params: paramList ? lowerParams(cx, paramList) : [],
        body: lowerExpression(cx, kids[kids.length - 1]),
        span,
      };
    }
    case "NamedExpression": {
      // `(n := len(a))`: binds the name and is its value (the IR's assignment expression)
      const kids = childrenOf(node);
      const target = kids[0];
      if (kids.length !== 3 || target.name !== "VariableName") {
        // CPython's own compile-time error: only a name can be bound this way
        const text = cx.text(target);
        const what = text.endsWith("]") ? "subscript" : text.includes(".") ? "attribute" : "expression";
        const message = `cannot use assignment expressions with ${what}`;
        cx.diagnostics.push({ code: "syntax", message, span });
        return { k: "unsupported", message, span };
      }
      const name = cx.text(target);
      return {
        k: "assignExpr",
        op: "=",
        target: {
          k: "name",
          id: name,
          occurrence: cx.nextOccurrence(name, cx.span(target)),
          span: cx.span(target),
        },
        value: lowerExpression(cx, kids[2]),
        span,
      };
    }
    case "YieldExpression":
      return lowerYield(cx, node);
    case "AwaitExpression":
      return cx.unsupported(node, "`await`");
    case "Ellipsis":
      return { k: "ellipsis", span };
    default:
      if (node.type.isError) return { k: "unsupported", message: "invalid syntax", span };
      return cx.unsupported(node, `\`${cx.text(node).slice(0, 20)}\``);
  }
}

/**
 * A comma-separated run of expressions (a bare tuple, a list display, call-free items), with
 * `*x` items turned into starred nodes.
 */
export function lowerExpressionList(cx: Lowering, nodes: SyntaxNode[]): { items: Expr[]; isTuple: boolean } {
  const { groups, trailingComma } = splitAtCommas(nodes);
  const items = groups
    .filter((g) => g.length > 0)
    .map((group): Expr => {
      if (group[0].name === "*" && group.length === 2) {
        return {
          k: "starred",
          value: lowerExpression(cx, group[1]),
          span: { from: group[0].from, to: group[1].to },
        };
      }
      if (group[0].name === "**") return cx.unsupported(group[0], "`**` unpacking here");
      return lowerExpression(cx, group[0]);
    });
  return { items, isTuple: groups.length > 1 || trailingComma };
}

/** An expression list as one expression: a single item stays itself, several make a tuple. */
export function lowerExpressionOrTuple(cx: Lowering, nodes: SyntaxNode[]): Expr {
  const { items, isTuple } = lowerExpressionList(cx, nodes);
  if (!isTuple && items.length === 1) return items[0];
  return { k: "tuple", items, span: { from: nodes[0].from, to: nodes[nodes.length - 1].to } };
}

function lowerStringParts(cx: Lowering, node: SyntaxNode, pieces: SyntaxNode[]): Expr {
  const parts: FormatPart[] = [];
  let formatted = false;
  for (const piece of pieces) {
    if (piece.name === "FormatString") {
      formatted = true;
      parts.push(...lowerFormatString(cx, piece.from, piece.to));
    } else {
      const value = decodeStringLiteral(cx.text(piece));
      if (value === null) return cx.unsupported(piece, "A bytes literal");
      parts.push(value);
    }
  }
  const span = cx.span(node);
  if (!formatted) return { k: "str", value: parts.join(""), span };
  return { k: "fstring", parts, span };
}

/** The operator between two operands (`not in`, `is not`), without comments or line continuations. */
function operatorText(cx: Lowering, left: SyntaxNode, right: SyntaxNode): string {
  const tokens: string[] = [];
  for (let c = left.nextSibling; c && c.from < right.from; c = c.nextSibling) {
    if (c.name !== "Comment") tokens.push(cx.text(c));
  }
  return tokens.join(" ");
}

function lowerBinary(cx: Lowering, node: SyntaxNode): Expr {
  const kids = childrenOf(node);
  const left = kids[0];
  const right = kids[kids.length - 1];
  const op = operatorText(cx, left, right);
  const span = cx.span(node);
  if (op === "and" || op === "or") {
    return { k: "logical", op, left: lowerExpression(cx, left), right: lowerExpression(cx, right), span };
  }
  if (COMPARE_OPERATORS.has(op)) {
    // The grammar nests `a < b < c` to the left; Python chains it: `a < b and b < c`, b once.
    const leftExpr = lowerExpression(cx, left);
    const rightExpr = lowerExpression(cx, right);
    const operator = op as CompareOperator;
    if (leftExpr.k === "compare" && left.name === "BinaryExpression") {
      return {
        k: "compare",
        ops: [...leftExpr.ops, operator],
        operands: [...leftExpr.operands, rightExpr],
        span,
      };
    }
    return { k: "compare", ops: [operator], operands: [leftExpr, rightExpr], span };
  }
  if (BINARY_OPERATORS.has(op)) {
    return {
      k: "binary",
      op: op as BinaryOperator,
      left: lowerExpression(cx, left),
      right: lowerExpression(cx, right),
      span,
    };
  }
  return cx.unsupported(node, `The operator \`${op}\``);
}

function lowerUnary(cx: Lowering, node: SyntaxNode): Expr {
  const kids = childrenOf(node);
  const opNode = kids[0];
  const operandNode = kids[kids.length - 1];
  const op = cx.text(opNode);
  if (op === "not" && operandNode.name === "BinaryExpression") {
    // The grammar reads `not a and b` as `not (a and b)`; Python binds `not` tighter than and/or.
    const inner = childrenOf(operandNode);
    const innerOp = operatorText(cx, inner[0], inner[inner.length - 1]);
    if (innerOp === "and" || innerOp === "or") {
      return {
        k: "logical",
        op: innerOp,
        left: negate(cx, opNode, inner[0]),
        right: lowerExpression(cx, inner[inner.length - 1]),
        span: cx.span(node),
      };
    }
  }
  const operand = lowerExpression(cx, operandNode);
  if (op === "-" || op === "+" || op === "~" || op === "not")
    return { k: "unary", op, operand, span: cx.span(node) };
  return cx.unsupported(node, `The operator \`${op}\``);
}

/** `not <operand>` for the re-associated left side of and/or (which may itself need re-associating). */
function negate(cx: Lowering, notNode: SyntaxNode, operandNode: SyntaxNode): Expr {
  if (operandNode.name === "BinaryExpression") {
    const inner = childrenOf(operandNode);
    const innerOp = operatorText(cx, inner[0], inner[inner.length - 1]);
    if (innerOp === "and" || innerOp === "or") {
      return {
        k: "logical",
        op: innerOp,
        left: negate(cx, notNode, inner[0]),
        right: lowerExpression(cx, inner[inner.length - 1]),
        span: { from: notNode.from, to: operandNode.to },
      };
    }
  }
  return {
    k: "unary",
    op: "not",
    operand: lowerExpression(cx, operandNode),
    span: { from: notNode.from, to: operandNode.to },
  };
}

export function lowerArguments(cx: Lowering, argList: SyntaxNode): Argument[] {
  const inner = childrenOf(argList).filter((c) => c.name !== "(" && c.name !== ")");
  if (inner.some((c) => c.name === "for")) {
    return [
      { kind: "positional", name: null, value: lowerComprehensionParts(cx, argList, inner, "generator") },
    ];
  }
  const args: Argument[] = [];
  for (const group of splitAtCommas(inner).groups) {
    if (group.length === 0) continue;
    if (group[0].name === "*") args.push({ kind: "star", name: null, value: lowerExpression(cx, group[1]) });
    else if (group[0].name === "**")
      args.push({ kind: "doubleStar", name: null, value: lowerExpression(cx, group[1]) });
    else if (group.length >= 3 && group[1].name === "AssignOp") {
      args.push({ kind: "keyword", name: cx.text(group[0]), value: lowerExpression(cx, group[2]) });
    } else args.push({ kind: "positional", name: null, value: lowerExpression(cx, group[0]) });
  }
  return args;
}

function lowerMember(cx: Lowering, node: SyntaxNode): Expr {
  const kids = childrenOf(node);
  const object = lowerExpression(cx, kids[0]);
  const span = cx.span(node);
  if (kids[1]?.name === ".") {
    const nameNode = kids[2];
    if (!nameNode) return { k: "unsupported", message: "invalid syntax", span };
    return { k: "attribute", object, name: cx.text(nameNode), nameSpan: cx.span(nameNode), span };
  }
  const inside = kids.slice(2, kids[kids.length - 1].name === "]" ? -1 : undefined);
  const { groups, trailingComma } = splitAtCommas(inside);
  const indices = groups.map((group) => lowerIndexPart(cx, group, kids[1].to));
  const index: Expr =
    indices.length === 1 && !trailingComma
      ? indices[0]
      : { k: "tuple", items: indices, span: { from: kids[1].to, to: node.to - 1 } };
  return { k: "subscript", object, index, span };
}

/** One item of a subscript: an expression, or a slice `lower:upper:step` with any part left out. */
function lowerIndexPart(cx: Lowering, group: SyntaxNode[], openTo: number): Expr {
  if (!group.some((c) => c.name === ":")) return lowerExpression(cx, group[0]);
  const bounds: (Expr | null)[] = [null, null, null];
  let position = 0;
  for (const c of group) {
    if (c.name === ":") position++;
    else if (position < 3) bounds[position] = lowerExpression(cx, c);
  }
  const from = group.length ? group[0].from : openTo;
  const to = group.length ? group[group.length - 1].to : openTo;
  return { k: "slice", lower: bounds[0], upper: bounds[1], step: bounds[2], span: { from, to } };
}

function lowerDictionary(cx: Lowering, node: SyntaxNode): Expr {
  const inner = childrenOf(node).filter((c) => !BRACKETS.has(c.name));
  const keys: (Expr | null)[] = [];
  const values: Expr[] = [];
  for (const group of splitAtCommas(inner).groups) {
    if (group.length === 0) continue;
    if (group[0].name === "**") {
      // `{**other}`: no key, the value is a mapping to copy in
      keys.push(null);
      values.push(lowerExpression(cx, group[1]));
      continue;
    }
    keys.push(lowerExpression(cx, group[0]));
    values.push(lowerExpression(cx, group[group.length - 1]));
  }
  return { k: "dict", keys, values, span: cx.span(node) };
}

function lowerComprehension(
  cx: Lowering,
  node: SyntaxNode,
  kind: "list" | "generator" | "set" | "dict",
): Expr {
  const inner = childrenOf(node).filter((c) => !BRACKETS.has(c.name));
  return lowerComprehensionParts(cx, node, inner, kind);
}

function lowerComprehensionParts(
  cx: Lowering,
  node: SyntaxNode,
  inner: SyntaxNode[],
  kind: "list" | "generator" | "set" | "dict",
): Expr {
  if (inner.some((c) => c.name === "async")) return cx.unsupported(node, "`async for`");
  const firstFor = inner.findIndex((c) => c.name === "for");
  const head = inner.slice(0, firstFor);
  const element = lowerExpression(cx, head[0]);
  const value = kind === "dict" ? lowerExpression(cx, head[head.length - 1]) : null;
  const clauses: ComprehensionClause[] = [];
  let i = firstFor;
  while (i < inner.length) {
    // for <targets> in <iter> (if <cond>)*
    const inAt = inner.findIndex((c, j) => j > i && c.name === "in");
    const target = lowerExpressionOrTuple(cx, inner.slice(i + 1, inAt));
    const iter = lowerExpression(cx, inner[inAt + 1]);
    const conditions: Expr[] = [];
    i = inAt + 2;
    while (i < inner.length && inner[i].name === "if") {
      conditions.push(lowerExpression(cx, inner[i + 1]));
      i += 2;
    }
    clauses.push({ target, iter, conditions });
    if (i < inner.length && inner[i].name !== "for") break;
  }
  return { k: "comprehension", kind, element, value, clauses, span: cx.span(node) };
}

export function lowerParams(cx: Lowering, paramList: SyntaxNode): Param[] {
  const inner = childrenOf(paramList).filter((c) => c.name !== "(" && c.name !== ")");
  const params: Param[] = [];
  for (const group of splitAtCommas(inner).groups) {
    if (group.length === 0) continue;
    const first = group[0];
    if (first.name === "*" || first.name === "**") {
      if (group.length < 2) {
        // a bare `*`: the parameters after it are keyword-only
        if (first.name === "*") params.push({ kind: "star", name: "", default: null, span: cx.span(first) });
        else cx.unsupported(first, "This parameter");
        continue;
      }
      const kind = first.name === "*" ? "star" : "doubleStar";
      params.push({
        kind,
        name: cx.text(group[1]),
        default: null,
        span: { from: first.from, to: group[1].to },
      });
      continue;
    }
    if (first.name !== "VariableName") {
      cx.unsupported(first, "This parameter");
      continue;
    }
    const assign = group.findIndex((c) => c.name === "AssignOp");
    const defaultValue = assign >= 0 ? lowerExpression(cx, group[assign + 1]) : null;
    params.push({ kind: "plain", name: cx.text(first), default: defaultValue, span: cx.span(first) });
  }
  return params;
}

/**
 * `yield`, `yield value`, `yield a, b` (a tuple) and `yield from iterable`, as a statement or an
 * expression. A bare `yield` parses with an empty error node after the keyword: no value.
 */
export function lowerYield(cx: Lowering, node: SyntaxNode): Expr {
  const kids = childrenOf(node).filter((c) => !c.type.isError && c.name !== "yield");
  const from = kids[0]?.name === "from";
  const values = from ? kids.slice(1) : kids;
  const value = values.length > 0 ? lowerExpressionOrTuple(cx, values) : null;
  return { k: "yield", value, from, span: cx.span(node) };
}
