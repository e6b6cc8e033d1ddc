import type { SyntaxNode } from "@lezer/common";
import type { Argument, BinaryOperator, CompareOperator, Expr, FormatPart, JsAssignOperator } from "../ir";
import type { Lowering } from "../lowering";
import { childrenOf } from "./syntaxNodes";
import { decodeEscapes, decodeJsString, parseJsNumber } from "./literals";
import { lowerArrow, lowerClass, lowerFunctionNode } from "./lowerFunction";
import { lowerTarget } from "./lowerPattern";

const ARITHMETIC = new Set<string>(["+", "-", "*", "/", "%", "**", "&", "|", "^", "<<", ">>", ">>>"]);
const COMPARISONS = new Set<string>(["<", ">", "<=", ">=", "==", "!=", "===", "!==", "in", "instanceof"]);
const PUNCTUATION = new Set(["(", ")", "[", "]", "{", "}", ",", "."]);
/** TypeScript-only wrappers whose value is their first operand (`x as T`, `x satisfies T`). */
const TYPE_OPERATORS = new Set(["as", "satisfies"]);

/** Operands of a node without its punctuation. */
export function operands(node: SyntaxNode): SyntaxNode[] {
  return childrenOf(node).filter((c) => !PUNCTUATION.has(c.name));
}

export function lowerExpression(cx: Lowering, node: SyntaxNode): Expr {
  const span = cx.span(node);
  switch (node.name) {
    case "VariableName": {
      const id = cx.text(node);
      if (id === "undefined") return { k: "undefined", span };
      if (id === "eval") return cx.unsupported(node, "`eval`");
      return { k: "name", id, occurrence: cx.nextOccurrence(id, span), span };
    }
    case "Number": {
      const value = parseJsNumber(cx.text(node));
      if (value === null) return cx.unsupported(node, "A BigInt");
      return { k: "float", value, span };
    }
    case "String":
      return { k: "str", value: decodeJsString(cx.text(node)), span };
    case "TemplateString":
      return lowerTemplate(cx, node);
    case "BooleanLiteral":
      return { k: "constant", value: cx.text(node) === "true", span };
    case "null":
      return { k: "constant", value: null, span };
    case "this":
      return { k: "this", span };
    case "super":
      return { k: "super", span };
    case "ParenthesizedExpression": {
      const inner = operands(node);
      return inner.length === 1 ? lowerExpression(cx, inner[0]) : cx.unsupported(node, "This expression");
    }
    case "ArrayExpression":
      return { k: "list", items: lowerElements(cx, node), span };
    case "ObjectExpression":
      return lowerObject(cx, node);
    case "MemberExpression":
      return chainTop(cx, node, lowerMember(cx, node));
    case "CallExpression":
      return chainTop(cx, node, lowerCall(cx, node));
    case "NewExpression": {
      const [, callee, argList] = childrenOf(node);
      return {
        k: "new",
        callee: lowerExpression(cx, callee),
        args: argList ? lowerArgs(cx, argList) : [],
        span,
      };
    }
    case "UnaryExpression":
      return lowerUnary(cx, node);
    case "PostfixExpression": {
      const [target, op] = childrenOf(node);
      // TypeScript's non-null assertion `x!` changes only the type
      if (cx.text(op) === "!") return lowerExpression(cx, target);
      return {
        k: "update",
        op: cx.text(op) as "++" | "--",
        prefix: false,
        target: lowerTarget(cx, target),
        span,
      };
    }
    case "BinaryExpression":
      return lowerBinary(cx, node);
    case "AssignmentExpression": {
      const [target, op, value] = childrenOf(node);
      const text = cx.text(op);
      const logical = text === "&&=" || text === "||=" || text === "??=";
      const assignOp = (text === "=" || logical ? text : text.slice(0, -1)) as JsAssignOperator;
      return {
        k: "assignExpr",
        op: assignOp,
        target: lowerTarget(cx, target),
        value: lowerExpression(cx, value),
        span,
      };
    }
    case "ConditionalExpression": {
      const [test, , body, , orelse] = childrenOf(node);
      return {
        k: "conditional",
        test: lowerExpression(cx, test),
        body: lowerExpression(cx, body),
        orelse: lowerExpression(cx, orelse),
        span,
      };
    }
    case "ArrowFunction":
      return lowerArrow(cx, node);
    case "FunctionExpression":
      return lowerFunctionNode(cx, node);
    case "ClassExpression":
      return { k: "classExpr", def: lowerClass(cx, node), span };
    case "InstantiationExpression":
      // TypeScript's `f<number>`: the type arguments change nothing at run time
      return lowerExpression(cx, childrenOf(node)[0]);
    case "DynamicImport":
      return cx.unsupported(node, "A dynamic `import()`");
    case "AwaitExpression":
      return cx.unsupported(node, "`await`");
    case "YieldExpression":
      return cx.unsupported(node, "`yield`");
    case "RegExp":
      return cx.unsupported(node, "A regular expression");
    case "SequenceExpression":
      return cx.unsupported(node, "The comma operator");
    case "TaggedTemplateExpression":
      return cx.unsupported(node, "A tagged template");
    default:
      return cx.unsupported(node, `This expression (${node.name})`);
  }
}

function lowerTemplate(cx: Lowering, node: SyntaxNode): Expr {
  const parts: FormatPart[] = [];
  let textFrom = node.from + 1;
  const pushText = (to: number) => {
    if (to > textFrom) parts.push(decodeEscapes(cx.source.slice(textFrom, to)));
  };
  for (const child of childrenOf(node)) {
    if (child.name !== "Interpolation") continue;
    pushText(child.from);
    const inner = childrenOf(child).filter(
      (c) => c.name !== "InterpolationStart" && c.name !== "InterpolationEnd",
    );
    const expr =
      inner.length === 1 ? lowerExpression(cx, inner[0]) : cx.unsupported(child, "This interpolation");
    parts.push({ expr, conversion: null, spec: null, selfDoc: null });
    textFrom = child.to;
  }
  pushText(node.to - 1);
  return { k: "fstring", parts, span: cx.span(node) };
}

/** Array literal items: spreads become `starred`, holes `hole`. */
function lowerElements(cx: Lowering, node: SyntaxNode): Expr[] {
  const items: Expr[] = [];
  let expectItem = true;
  const children = childrenOf(node).filter((c) => c.name !== "[" && c.name !== "]");
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.name === ",") {
      if (expectItem) items.push({ k: "hole", span: cx.span(c) });
      expectItem = true;
      continue;
    }
    expectItem = false;
    if (c.name === "Spread") {
      const value = children[++i];
      items.push({ k: "starred", value: lowerExpression(cx, value), span: { from: c.from, to: value.to } });
    } else items.push(lowerExpression(cx, c));
  }
  return items;
}

function propertyKey(cx: Lowering, node: SyntaxNode): Expr {
  const span = cx.span(node);
  if (node.name === "String") return { k: "str", value: decodeJsString(cx.text(node)), span };
  if (node.name === "Number") return { k: "str", value: String(parseJsNumber(cx.text(node))), span };
  return { k: "str", value: cx.text(node), span };
}

function lowerObject(cx: Lowering, node: SyntaxNode): Expr {
  const props: { key: Expr | null; value: Expr }[] = [];
  for (const prop of childrenOf(node)) {
    if (prop.name !== "Property") continue;
    const parts = childrenOf(prop);
    const first = parts[0];
    if (first.name === "Spread") {
      const value = lowerExpression(cx, parts[1]);
      props.push({ key: null, value: { k: "starred", value, span: cx.span(prop) } });
    } else if (
      first.name === "get" ||
      first.name === "set" ||
      first.name === "async" ||
      first.name === "Star"
    ) {
      props.push({
        key: null,
        value: cx.unsupported(prop, "This kind of property (getters, setters, async)"),
      });
    } else if (parts.some((p) => p.name === "ParamList")) {
      props.push({ key: propertyKey(cx, first), value: lowerFunctionNode(cx, prop, cx.text(first)) });
    } else if (first.name === "[") {
      props.push({ key: lowerExpression(cx, parts[1]), value: lowerExpression(cx, parts[parts.length - 1]) });
    } else if (parts.length === 1) {
      // shorthand `{ a }`
      const id = cx.text(first);
      const span = cx.span(first);
      props.push({
        key: { k: "str", value: id, span },
        value: { k: "name", id, occurrence: cx.nextOccurrence(id, span), span },
      });
    } else {
      props.push({ key: propertyKey(cx, first), value: lowerExpression(cx, parts[parts.length - 1]) });
    }
  }
  return { k: "object", props, span: cx.span(node) };
}

const CHAIN = new Set(["MemberExpression", "CallExpression"]);

function hasOptional(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n && CHAIN.has(n.name); n = n.firstChild)
    if (childrenOf(n).some((c) => c.name === "?.")) return true;
  return false;
}

/** Wraps the outermost member/call of a chain that holds `?.`, where a short circuit ends. */
function chainTop(cx: Lowering, node: SyntaxNode, e: Expr): Expr {
  const parent = node.parent;
  const inner =
    parent !== null &&
    CHAIN.has(parent.name) &&
    parent.firstChild?.from === node.from &&
    parent.firstChild.to === node.to;
  if (inner || !hasOptional(node)) return e;
  return { k: "chain", value: e, span: cx.span(node) };
}

/** The object (or callee) before a `?.`, guarded. */
function guarded(cx: Lowering, node: SyntaxNode, optional: boolean): Expr {
  const value = lowerExpression(cx, node);
  return optional ? { k: "optional", value, span: cx.span(node) } : value;
}

function lowerMember(cx: Lowering, node: SyntaxNode): Expr {
  const parts = childrenOf(node);
  const span = cx.span(node);
  const optional = parts[1]?.name === "?.";
  const object = guarded(cx, parts[0], optional);
  const rest = optional ? parts.slice(2) : parts.slice(1);
  if (rest[0]?.name === "[") return { k: "subscript", object, index: lowerExpression(cx, rest[1]), span };
  const nameNode = optional ? rest[0] : rest[1];
  return { k: "attribute", object, name: cx.text(nameNode), nameSpan: cx.span(nameNode), span };
}

function lowerCall(cx: Lowering, node: SyntaxNode): Expr {
  const parts = childrenOf(node);
  const callee = parts[0];
  if (callee.name === "import" || callee.name === "DynamicImport")
    return cx.unsupported(node, "A dynamic `import()`");
  // TypeScript type arguments (`f<number>(x)`) are skipped
  const argList = parts.find((p) => p.name === "ArgList");
  if (!argList) return cx.unsupported(node, "This call");
  const func = guarded(
    cx,
    callee,
    parts.some((p) => p.name === "?."),
  );
  return { k: "call", func, args: lowerArgs(cx, argList), span: cx.span(node) };
}

export function lowerArgs(cx: Lowering, argList: SyntaxNode): Argument[] {
  const args: Argument[] = [];
  const children = operands(argList);
  for (let i = 0; i < children.length; i++) {
    if (children[i].name === "Spread") {
      args.push({ kind: "star", name: null, value: lowerExpression(cx, children[++i]) });
    } else args.push({ kind: "positional", name: null, value: lowerExpression(cx, children[i]) });
  }
  return args;
}

function lowerUnary(cx: Lowering, node: SyntaxNode): Expr {
  const [opNode, operandNode] = childrenOf(node);
  const op = cx.text(opNode);
  const span = cx.span(node);
  if (op === "++" || op === "--")
    return { k: "update", op, prefix: true, target: lowerTarget(cx, operandNode), span };
  if (op === "delete") return cx.unsupported(node, "`delete`");
  const operand = lowerExpression(cx, operandNode);
  const unary = op === "!" ? "not" : op;
  if (
    unary !== "-" &&
    unary !== "+" &&
    unary !== "~" &&
    unary !== "not" &&
    unary !== "typeof" &&
    unary !== "void"
  )
    return cx.unsupported(node, `The operator \`${op}\``);
  return { k: "unary", op: unary, operand, span };
}

function lowerBinary(cx: Lowering, node: SyntaxNode): Expr {
  const [leftNode, opNode, rightNode] = childrenOf(node);
  const op = cx.text(opNode);
  if (TYPE_OPERATORS.has(op)) return lowerExpression(cx, leftNode);
  const span = cx.span(node);
  const left = lowerExpression(cx, leftNode);
  const right = lowerExpression(cx, rightNode);
  if (op === "&&" || op === "||" || op === "??")
    return { k: "logical", op: op === "&&" ? "and" : op === "||" ? "or" : "??", left, right, span };
  if (COMPARISONS.has(op))
    return { k: "compare", ops: [op as CompareOperator], operands: [left, right], span };
  if (ARITHMETIC.has(op)) return { k: "binary", op: op as BinaryOperator, left, right, span };
  return cx.unsupported(node, `The operator \`${op}\``);
}
