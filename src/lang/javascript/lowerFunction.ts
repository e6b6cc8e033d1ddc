import type { SyntaxNode } from "@lezer/common";
import type { Expr, FunctionDef, JsClassDef, JsClassMember, Param, SourceSpan, Stmt } from "../ir";
import type { Lowering } from "../lowering";
import { childrenOf } from "./syntaxNodes";
import { decodeJsString } from "./literals";
import { lowerExpression } from "./lowerExpression";
import { lowerTarget } from "./lowerPattern";
import { lowerBlock } from "./lowerStatement";

/** TypeScript's modifiers, which change only what the type checker allows. */
const TYPE_MODIFIERS = new Set([
  "public",
  "private",
  "protected",
  "readonly",
  "override",
  "abstract",
  "declare",
]);

/** `(a, b = 1, [c, d], ...rest)`: plain names, defaults, destructuring patterns and a rest parameter. */
export function lowerParams(cx: Lowering, list: SyntaxNode): Param[] {
  const params: Param[] = [];
  const parts = childrenOf(list).filter(
    (c) => !["(", ")", ",", "TypeAnnotation", "Optional", "?"].includes(c.name),
  );
  for (let i = 0; i < parts.length; i++) {
    const c = parts[i];
    if (TYPE_MODIFIERS.has(c.name)) {
      params.push(patternParam(cx, c, cx.unsupported(c, "A TypeScript parameter property")));
      continue;
    }
    if (c.name === "this") continue; // TypeScript's `this: T` parameter is a type only
    if (c.name === "Spread") {
      const target = parts[++i];
      const param = nameOrPattern(cx, target);
      params.push({ ...param, kind: "star", span: { from: c.from, to: target.to } });
    } else if (c.name === "Equals") {
      const last = params[params.length - 1];
      last.default = lowerExpression(cx, parts[++i]);
    } else params.push(nameOrPattern(cx, c));
  }
  return params;
}

function nameOrPattern(cx: Lowering, node: SyntaxNode): Param {
  if (node.name === "VariableDefinition")
    return { kind: "plain", name: cx.text(node), default: null, span: cx.span(node) };
  return patternParam(cx, node, lowerTarget(cx, node));
}

function patternParam(cx: Lowering, node: SyntaxNode, pattern: Expr): Param {
  // the argument is bound to a name no program can write, then destructured
  return { kind: "plain", name: `%${node.from}`, default: null, span: cx.span(node), pattern };
}

export function functionDef(
  name: string,
  nameSpan: SourceSpan,
  params: Param[],
  body: Stmt[],
  span: SourceSpan,
): FunctionDef {
  return { k: "def", name, nameSpan, params, body, locals: [], globals: [], decorators: [], span };
}

/** Async functions and generators are not run: true (and reported) when the node is one. */
function rejectKind(cx: Lowering, node: SyntaxNode): boolean {
  const kids = childrenOf(node);
  if (kids.some((c) => c.name === "async")) {
    cx.unsupported(node, "An `async` function");
    return true;
  }
  if (kids.some((c) => c.name === "Star")) {
    cx.unsupported(node, "A generator function");
    return true;
  }
  return false;
}

/** A function expression or an object literal's method (`name` for the latter). */
export function lowerFunctionNode(cx: Lowering, node: SyntaxNode, name?: string): Expr {
  const def = lowerFunctionDef(cx, node, name);
  if (def === null)
    return { k: "unsupported", message: "This function is not supported by GradLens", span: cx.span(node) };
  return { k: "function", def, arrow: false, span: cx.span(node) };
}

export function lowerFunctionDef(cx: Lowering, node: SyntaxNode, name?: string): FunctionDef | null {
  if (rejectKind(cx, node)) return null;
  const kids = childrenOf(node);
  const nameNode = kids.find((c) => c.name === "VariableDefinition" || c.name === "PropertyDefinition");
  const params = kids.find((c) => c.name === "ParamList");
  const block = kids.find((c) => c.name === "Block");
  const fnName = name ?? (nameNode ? cx.text(nameNode) : "");
  const nameSpan = nameNode ? cx.span(nameNode) : cx.span(node);
  if (!params || !block) {
    // a TypeScript overload signature or abstract method has no body: nothing to run
    return functionDef(fnName, nameSpan, params ? lowerParams(cx, params) : [], [], cx.span(node));
  }
  return functionDef(fnName, nameSpan, lowerParams(cx, params), lowerBlock(cx, block), cx.span(node));
}

export function lowerArrow(cx: Lowering, node: SyntaxNode): Expr {
  const span = cx.span(node);
  if (childrenOf(node).some((c) => c.name === "async")) return cx.unsupported(node, "An `async` function");
  const kids = childrenOf(node).filter((c) => c.name !== "TypeAnnotation" && c.name !== "TypeParamList");
  const arrowAt = kids.findIndex((c) => c.name === "Arrow");
  const head = kids[arrowAt - 1];
  const bodyNode = kids[arrowAt + 1];
  const params =
    head.name === "ParamList"
      ? lowerParams(cx, head)
      : [{ kind: "plain" as const, name: cx.text(head), default: null, span: cx.span(head) }];
  const body: Stmt[] =
    bodyNode.name === "Block"
      ? lowerBlock(cx, bodyNode)
      : [{ k: "return", value: lowerExpression(cx, bodyNode), span: cx.span(bodyNode) }];
  return { k: "function", def: functionDef("", span, params, body, span), arrow: true, span };
}

function memberName(cx: Lowering, node: SyntaxNode): string | null {
  if (node.name === "String") return decodeJsString(cx.text(node));
  if (node.name === "PropertyDefinition" || node.name === "PrivatePropertyDefinition") return cx.text(node);
  return null;
}

/** A class declaration or expression: the constructor, then methods and fields in order. */
export function lowerClass(cx: Lowering, node: SyntaxNode): JsClassDef {
  const kids = childrenOf(node);
  const nameNode = kids.find((c) => c.name === "VariableDefinition");
  const extendsAt = kids.findIndex((c) => c.name === "extends");
  const base = extendsAt >= 0 ? lowerExpression(cx, kids[extendsAt + 1]) : null;
  const body = kids.find((c) => c.name === "ClassBody");
  const def: JsClassDef = {
    name: nameNode ? cx.text(nameNode) : null,
    nameSpan: nameNode ? cx.span(nameNode) : null,
    base,
    ctor: null,
    members: [],
  };
  // an unsupported member stops the run when the class is evaluated, as a static field would
  const stopAt = (member: SyntaxNode, value: Expr) =>
    def.members.push({
      kind: "field",
      name: `%${member.from}`,
      isStatic: true,
      value,
      span: cx.span(member),
    });
  const stop = (member: SyntaxNode, what: string) => stopAt(member, cx.unsupported(member, what));
  for (const member of body ? childrenOf(body) : []) {
    if (member.name !== "MethodDeclaration" && member.name !== "PropertyDeclaration") {
      if (member.name === "StaticBlock") stop(member, "A static block");
      continue;
    }
    const parts = childrenOf(member).filter((c) => !TYPE_MODIFIERS.has(c.name));
    const isStatic = parts.some((c) => c.name === "static");
    const keyNode = parts.find((c) => memberName(cx, c) !== null || c.name === "[");
    const name = keyNode ? memberName(cx, keyNode) : null;
    if (name === null) {
      stop(member, "A computed class member name");
      continue;
    }
    if (member.name === "PropertyDeclaration") {
      const equals = parts.findIndex((c) => c.name === "Equals");
      const value = equals >= 0 ? lowerExpression(cx, parts[equals + 1]) : null;
      def.members.push({ kind: "field", name, isStatic, value, span: cx.span(member) });
      continue;
    }
    const accessor = parts.find((c) => c.name === "get" || c.name === "set");
    if (accessor && isStatic) {
      stop(member, "A static getter or setter");
      continue;
    }
    const fn = lowerFunctionDef(cx, member, name);
    if (fn === null) {
      // an async or generator method, already reported where it stands
      const message = "This method is not supported by GradLens";
      stopAt(member, { k: "unsupported", message, span: cx.span(member) });
      continue;
    }
    const kind = accessor ? (accessor.name as "get" | "set") : "method";
    if (name === "constructor" && !isStatic) def.ctor = fn;
    else def.members.push({ kind, name, isStatic, def: fn } satisfies JsClassMember);
  }
  return def;
}
