import type { SyntaxNode } from "@lezer/common";
import type { BinaryOperator, ExceptHandler, Expr, FunctionDef, Stmt } from "../ir";
import {
  lowerArguments,
  lowerExpression,
  lowerExpressionOrTuple,
  lowerParams,
  lowerYield,
} from "./lowerExpression";
import { childrenOf, splitAtCommas, type Lowering } from "../lowering";
import { lowerMatch } from "./lowerPattern";
import { assignedNames } from "./scopeAnalysis";

const UNSUPPORTED_STATEMENTS: Record<string, string> = {
  PrintStatement: "The Python 2 `print` statement",
  TypeDefinition: "A `type` alias",
};

export function lowerStatements(cx: Lowering, nodes: SyntaxNode[]): Stmt[] {
  const out: Stmt[] = [];
  for (const node of nodes) {
    if (node.name === "StatementGroup")
      out.push(
        ...lowerStatements(
          cx,
          childrenOf(node).filter((c) => c.name !== ";"),
        ),
      );
    else if (node.name !== ":" && node.name !== ";" && !node.type.isError) out.push(lowerStatement(cx, node));
  }
  return out;
}

function lowerBody(cx: Lowering, body: SyntaxNode | undefined): Stmt[] {
  return body ? lowerStatements(cx, childrenOf(body)) : [];
}

function lowerStatement(cx: Lowering, node: SyntaxNode): Stmt {
  const span = cx.span(node);
  const kids = childrenOf(node);
  switch (node.name) {
    case "ExpressionStatement":
      return { k: "expr", value: lowerExpressionOrTuple(cx, kids), span };
    case "YieldStatement":
      return { k: "expr", value: lowerYield(cx, node), span };
    case "AssignStatement": {
      const groups: SyntaxNode[][] = [[]];
      let typeDef: SyntaxNode | null = null;
      for (const c of kids) {
        if (c.name === "AssignOp") groups.push([]);
        else if (c.name === "TypeDef") typeDef = c;
        else groups[groups.length - 1].push(c);
      }
      // `x: int` on a plain name is recorded in __annotations__ (dataclasses read it)
      const annotated = typeDef && groups[0].length === 1 && groups[0][0].name === "VariableName";
      const annotation = annotated
        ? { name: cx.text(groups[0][0]), text: cx.text(typeDef!).replace(/^:\s*/, "") }
        : undefined;
      if (groups.length === 1) return annotation ? { k: "pass", span, annotation } : { k: "pass", span };
      const value = lowerExpressionOrTuple(cx, groups.pop()!);
      const targets = groups.map((g) => lowerTarget(cx, g));
      return annotation
        ? { k: "assign", targets, value, span, annotation }
        : { k: "assign", targets, value, span };
    }
    case "UpdateStatement": {
      const opAt = kids.findIndex((c) => c.name === "UpdateOp");
      const op = cx.text(kids[opAt]).slice(0, -1) as BinaryOperator;
      return {
        k: "augassign",
        target: lowerTarget(cx, kids.slice(0, opAt)),
        op,
        value: lowerExpressionOrTuple(cx, kids.slice(opAt + 1)),
        span,
      };
    }
    case "IfStatement":
      return lowerIf(cx, kids, 0, span.to);
    case "WhileStatement": {
      const bodies = kids.filter((c) => c.name === "Body");
      return {
        k: "while",
        test: lowerExpression(cx, kids[1]),
        body: lowerBody(cx, bodies[0]),
        orelse: lowerBody(cx, bodies[1]),
        span,
      };
    }
    case "ForStatement": {
      if (kids[0].name === "async") return cx.unsupported(node, "`async for`");
      const inAt = kids.findIndex((c) => c.name === "in");
      const bodyAt = kids.findIndex((c) => c.name === "Body");
      const bodies = kids.filter((c) => c.name === "Body");
      return {
        k: "for",
        target: lowerTarget(cx, kids.slice(1, inAt)),
        iter: lowerExpressionOrTuple(cx, kids.slice(inAt + 1, bodyAt)),
        body: lowerBody(cx, bodies[0]),
        orelse: lowerBody(cx, bodies[1]),
        span,
      };
    }
    case "PassStatement":
      return { k: "pass", span };
    case "BreakStatement":
      return { k: "break", span };
    case "ContinueStatement":
      return { k: "continue", span };
    case "ReturnStatement":
      return { k: "return", value: kids.length > 1 ? lowerExpressionOrTuple(cx, kids.slice(1)) : null, span };
    case "FunctionDefinition":
      return lowerFunction(cx, node, kids);
    case "ClassDefinition": {
      const nameNode = kids.find((c) => c.name === "VariableName")!;
      const argList = kids.find((c) => c.name === "ArgList");
      const bases: Expr[] = [];
      for (const arg of argList ? lowerArguments(cx, argList) : []) {
        if (arg.kind === "positional") bases.push(arg.value);
        else cx.unsupported(argList!, "A metaclass or class keyword");
      }
      if (bases.length > 1) cx.unsupported(argList!, "Multiple inheritance");
      return {
        k: "class",
        name: cx.text(nameNode),
        nameSpan: cx.span(nameNode),
        bases,
        body: lowerBody(
          cx,
          kids.find((c) => c.name === "Body"),
        ),
        decorators: [],
        span,
      };
    }
    case "DecoratedStatement":
      return lowerDecorated(cx, kids);
    case "ImportStatement":
      return lowerImport(cx, node, kids);
    case "AssertStatement": {
      const parts = splitAtCommas(kids.slice(1)).groups;
      return {
        k: "assert",
        test: lowerExpression(cx, parts[0][0]),
        message: parts[1]?.length ? lowerExpression(cx, parts[1][0]) : null,
        span,
      };
    }
    case "RaiseStatement": {
      const from = kids.findIndex((c) => c.name === "from");
      return {
        k: "raise",
        exception: kids[1] && from !== 1 ? lowerExpression(cx, kids[1]) : null,
        cause: from > 0 && kids[from + 1] ? lowerExpression(cx, kids[from + 1]) : null,
        span,
      };
    }
    case "ScopeStatement":
      return {
        k: kids[0].name === "global" ? "global" : "nonlocal",
        names: kids.filter((c) => c.name === "VariableName").map((c) => cx.text(c)),
        span,
      };
    case "WithStatement": {
      if (kids[0].name === "async") return cx.unsupported(node, "`async with`");
      const bodyAt = kids.findIndex((c) => c.name === "Body");
      const items = splitAtCommas(kids.slice(1, bodyAt))
        .groups.filter((g) => g.length > 0)
        .map((g) => {
          const asAt = g.findIndex((c) => c.name === "as");
          return {
            context: lowerExpression(cx, g[0]),
            target: asAt >= 0 ? lowerTarget(cx, g.slice(asAt + 1)) : null,
          };
        });
      return { k: "with", items, body: lowerBody(cx, kids[bodyAt]), span };
    }
    case "TryStatement":
      return lowerTry(cx, kids, span);
    case "MatchStatement":
      return lowerMatch(cx, node, lowerBody);
    case "DeleteStatement":
      return {
        k: "delete",
        targets: splitAtCommas(kids.slice(1)).groups.map((g) => lowerTarget(cx, g)),
        span,
      };
    default: {
      const what = UNSUPPORTED_STATEMENTS[node.name] ?? `This statement (${node.name})`;
      return cx.unsupported(node, what);
    }
  }
}

/** `@a.b(args)` lines before a def or class: applied bottom-up when the statement runs. */
function lowerDecorated(cx: Lowering, kids: SyntaxNode[]): Stmt {
  const target = kids[kids.length - 1];
  const statement = lowerStatement(cx, target);
  if (statement.k !== "def" && statement.k !== "class") return statement;
  statement.decorators = kids.filter((k) => k.name === "Decorator").map((d) => lowerDecorator(cx, d));
  return statement;
}

function lowerDecorator(cx: Lowering, node: SyntaxNode): Expr {
  let expr: Expr | null = null;
  for (const part of childrenOf(node)) {
    if (part.name === "VariableName") {
      const span = cx.span(part);
      expr =
        expr === null
          ? { k: "name", id: cx.text(part), occurrence: cx.nextOccurrence(cx.text(part), span), span }
          : {
              k: "attribute",
              object: expr,
              name: cx.text(part),
              nameSpan: span,
              span: { from: expr.span.from, to: part.to },
            };
    } else if (part.name === "ArgList" && expr !== null) {
      expr = {
        k: "call",
        func: expr,
        args: lowerArguments(cx, part),
        span: { from: expr.span.from, to: part.to },
      };
    } else if (part.name !== "At" && part.name !== ".") {
      return cx.unsupported(node, "This decorator");
    }
  }
  return expr ?? cx.unsupported(node, "This decorator");
}

function lowerTry(cx: Lowering, kids: SyntaxNode[], span: Stmt["span"]): Stmt {
  const handlers: ExceptHandler[] = [];
  let body: Stmt[] = [];
  let orelse: Stmt[] = [];
  let final: Stmt[] = [];
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (k.name === "try") body = lowerBody(cx, kids[++i]);
    else if (k.name === "else") orelse = lowerBody(cx, kids[++i]);
    else if (k.name === "finally") final = lowerBody(cx, kids[++i]);
    else if (k.name === "except") {
      // except [type [as name]] Body
      let j = i + 1;
      let type: Expr | null = null;
      let name: string | null = null;
      if (kids[j].name === "*") return cx.unsupported(k, "`except*`");
      if (kids[j].name !== "Body") type = lowerExpression(cx, kids[j++]);
      if (kids[j].name === "as") {
        name = cx.text(kids[j + 1]);
        j += 2;
      }
      handlers.push({ type, name, body: lowerBody(cx, kids[j]), span: { from: k.from, to: kids[j].from } });
      i = j;
    }
  }
  return { k: "try", body, handlers, orelse, finally: final, span };
}

function lowerIf(cx: Lowering, kids: SyntaxNode[], at: number, to: number): Stmt {
  // kids[at] is `if` or `elif`; then the test and the body; then elif…/else.
  const test = lowerExpression(cx, kids[at + 1]);
  const body = lowerBody(cx, kids[at + 2]);
  const next = kids[at + 3];
  let orelse: Stmt[] = [];
  if (next?.name === "elif") orelse = [lowerIf(cx, kids, at + 3, to)];
  else if (next?.name === "else") orelse = lowerBody(cx, kids[at + 4]);
  return { k: "if", test, body, orelse, span: { from: kids[at].from, to } };
}

/** An assignment target; the grammar gives a comma list for `a, b = …` and `for i, x in …`. */
function lowerTarget(cx: Lowering, nodes: SyntaxNode[]): Expr {
  const target = lowerExpressionOrTuple(cx, nodes);
  checkTarget(cx, target, nodes[0]);
  return target;
}

function checkTarget(cx: Lowering, target: Expr, node: SyntaxNode): void {
  switch (target.k) {
    case "name":
    case "attribute":
    case "subscript":
    case "unsupported":
      return;
    case "tuple":
    case "list":
      for (const item of target.items) checkTarget(cx, item, node);
      return;
    case "starred":
      checkTarget(cx, target.value, node);
      return;
    default:
      cx.diagnostics.push({ code: "syntax", message: "cannot assign to expression", span: target.span });
  }
}

function lowerFunction(cx: Lowering, node: SyntaxNode, kids: SyntaxNode[]): Stmt {
  if (kids[0].name === "async") return cx.unsupported(node, "`async def`");
  const nameNode = kids.find((c) => c.name === "VariableName")!;
  const paramList = kids.find((c) => c.name === "ParamList");
  const params = paramList ? lowerParams(cx, paramList) : [];
  const body = lowerBody(
    cx,
    kids.find((c) => c.name === "Body"),
  );
  const def: FunctionDef = {
    k: "def",
    name: cx.text(nameNode),
    nameSpan: cx.span(nameNode),
    params,
    body,
    locals: [],
    globals: [],
    decorators: [],
    span: cx.span(node),
  };
  const scope = assignedNames(body, params);
  def.locals = scope.locals;
  def.globals = scope.globals;
  return def;
}

function lowerImport(cx: Lowering, node: SyntaxNode, kids: SyntaxNode[]): Stmt {
  const span = cx.span(node);
  const dotted = (nodes: SyntaxNode[]) =>
    nodes.filter((c) => c.name === "VariableName").map((c) => cx.text(c));
  if (kids[0].name === "from") {
    const importAt = kids.findIndex((c) => c.name === "import");
    const moduleNodes = kids.slice(1, importAt);
    // `from .mod import x`, `from .. import y`: a relative import's leading dots (`...` is one token)
    let level = 0;
    for (const c of moduleNodes) {
      if (c.name === "VariableName") break;
      level += c.name === "Ellipsis" ? 3 : 1;
    }
    const relative = level > 0 ? { level } : {};
    const rest = kids.slice(importAt + 1).filter((c) => c.name !== "(" && c.name !== ")");
    const star = rest.find((c) => c.name === "*");
    if (star) {
      // `from m import *`: the name "*" asks the loader for every public name of the module
      const names = [{ name: "*", alias: null, span: cx.span(star) }];
      return { k: "fromImport", module: dotted(moduleNodes), names, span, ...relative };
    }
    const names = splitAtCommas(rest)
      .groups.filter((g) => g.length > 0)
      .map((g) => ({
        name: cx.text(g[0]),
        alias: g.length >= 3 ? cx.text(g[2]) : null,
        span: { from: g[0].from, to: g[g.length - 1].to },
      }));
    return { k: "fromImport", module: dotted(moduleNodes), names, span, ...relative };
  }
  const groups = splitAtCommas(kids.slice(1)).groups.filter((g) => g.length > 0);
  const statements: Stmt[] = groups.map((g) => {
    const asAt = g.findIndex((c) => c.name === "as");
    const moduleNodes = asAt >= 0 ? g.slice(0, asAt) : g;
    return {
      k: "import",
      module: dotted(moduleNodes),
      alias: asAt >= 0 ? cx.text(g[asAt + 1]) : null,
      span: { from: g[0].from, to: g[g.length - 1].to },
    };
  });
  if (statements.length === 1) return { ...statements[0], span };
  // `import a, b` is two imports; an `if True:` wrapper would change nothing, so nest in a block.
  return { k: "if", test: { k: "constant", value: true, span }, body: statements, orelse: [], span };
}
