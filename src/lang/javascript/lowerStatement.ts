import type { SyntaxNode } from "@lezer/common";
import type { Expr, Stmt, Target } from "../ir";
import type { Lowering } from "../lowering";
import { childrenOf } from "./syntaxNodes";
import { decodeJsString } from "./literals";
import { lowerExpression, operands } from "./lowerExpression";
import { lowerClass, lowerFunctionDef } from "./lowerFunction";
import { lowerTarget } from "./lowerPattern";

/** TypeScript declarations with no run-time meaning. */
const TYPE_ONLY = new Set(["InterfaceDeclaration", "TypeAliasDeclaration", "AmbientDeclaration"]);

export function lowerStatements(cx: Lowering, nodes: SyntaxNode[]): Stmt[] {
  const out: Stmt[] = [];
  for (const node of nodes) {
    const s = lowerStatement(cx, node);
    if (s !== null) out.push(s);
  }
  return out;
}

/** The statements of a `{ … }` block. */
export function lowerBlock(cx: Lowering, block: SyntaxNode): Stmt[] {
  return lowerStatements(
    cx,
    childrenOf(block).filter((c) => c.name !== "{" && c.name !== "}"),
  );
}

/** The body of `if`, `for`, `while`: a block's statements, or the one statement. */
function lowerBody(cx: Lowering, node: SyntaxNode): Stmt[] {
  if (node.name === "Block") return [{ k: "block", body: lowerBlock(cx, node), span: cx.span(node) }];
  const s = lowerStatement(cx, node);
  return s === null ? [] : [s];
}

function parenthesized(cx: Lowering, node: SyntaxNode): Expr {
  return lowerExpression(cx, node);
}

function unsupportedStmt(cx: Lowering, node: SyntaxNode, what: string): Stmt {
  const e = cx.unsupported(node, what);
  return { k: "unsupported", message: e.message, span: e.span };
}

export function lowerStatement(cx: Lowering, node: SyntaxNode): Stmt | null {
  const span = cx.span(node);
  const kids = childrenOf(node);
  switch (node.name) {
    case "ExpressionStatement":
      return { k: "expr", value: lowerExpression(cx, kids[0]), span };
    case "VariableDeclaration":
      return lowerDeclaration(cx, node);
    case "FunctionDeclaration": {
      const def = lowerFunctionDef(cx, node);
      return def ?? { k: "pass", span };
    }
    case "ClassDeclaration": {
      const def = lowerClass(cx, node);
      const nameNode = kids.find((c) => c.name === "VariableDefinition")!;
      const target = lowerTarget(cx, nameNode);
      return {
        k: "declare",
        kind: "let",
        declarations: [{ target, init: { k: "classExpr", def, span } }],
        span,
      };
    }
    case "Block":
      return { k: "block", body: lowerBlock(cx, node), span };
    case "IfStatement": {
      const elseAt = kids.findIndex((c) => c.name === "else");
      return {
        k: "if",
        test: parenthesized(cx, kids[1]),
        body: lowerBody(cx, kids[2]),
        orelse: elseAt >= 0 ? lowerBody(cx, kids[elseAt + 1]) : [],
        span,
      };
    }
    case "WhileStatement":
      return { k: "while", test: parenthesized(cx, kids[1]), body: lowerBody(cx, kids[2]), orelse: [], span };
    case "DoStatement":
      return { k: "doWhile", body: lowerBody(cx, kids[1]), test: parenthesized(cx, kids[3]), span };
    case "ForStatement":
      return lowerFor(cx, node);
    case "ReturnStatement": {
      const value = kids.find((c) => c.name !== "return" && c.name !== ";");
      return { k: "return", value: value ? lowerExpression(cx, value) : null, span };
    }
    case "BreakStatement":
    case "ContinueStatement":
      if (kids.some((c) => c.name === "Label"))
        return unsupportedStmt(cx, node, "A labelled `break` or `continue`");
      return { k: node.name === "BreakStatement" ? "break" : "continue", span };
    case "ThrowStatement":
      return { k: "throw", value: lowerExpression(cx, kids[1]), span };
    case "TryStatement":
      return lowerTry(cx, node);
    case "ImportDeclaration":
      return lowerImport(cx, node);
    case "ExportDeclaration": {
      // what a file exports does not change what it computes
      const inner = kids.find((c) => c.name.endsWith("Declaration"));
      if (kids.some((c) => c.name === "default")) {
        const value = kids.find((c) => !["export", "default", ";"].includes(c.name));
        if (!value) return null;
        if (value.name.endsWith("Declaration")) return lowerStatement(cx, value);
        return { k: "expr", value: lowerExpression(cx, value), span };
      }
      return inner ? lowerStatement(cx, inner) : null;
    }
    case ";":
    case "DebuggerStatement":
      return null;
    case "LabeledStatement":
      return unsupportedStmt(cx, node, "A labelled statement");
    case "SwitchStatement":
      return lowerSwitch(cx, node);
    case "WithStatement":
      return unsupportedStmt(cx, node, "`with`");
    case "EnumDeclaration":
      return unsupportedStmt(cx, node, "A TypeScript `enum`");
    case "NamespaceDeclaration":
    case "ModuleDeclaration":
      return unsupportedStmt(cx, node, "A TypeScript namespace");
    default:
      if (TYPE_ONLY.has(node.name)) return null;
      return unsupportedStmt(cx, node, `This statement (${node.name})`);
  }
}

function lowerDeclaration(cx: Lowering, node: SyntaxNode): Stmt {
  const kids = childrenOf(node).filter(
    (c) => c.name !== "TypeAnnotation" && c.name !== ";" && c.name !== "!",
  );
  const kind = cx.text(kids[0]) as "let" | "const" | "var";
  const declarations: { target: Target; init: Expr | null }[] = [];
  for (let i = 1; i < kids.length; i++) {
    const c = kids[i];
    if (c.name === ",") continue;
    if (c.name === "Equals") {
      declarations[declarations.length - 1].init = lowerExpression(cx, kids[++i]);
      continue;
    }
    declarations.push({ target: lowerTarget(cx, c), init: null });
  }
  return { k: "declare", kind, declarations, span: cx.span(node) };
}

function lowerFor(cx: Lowering, node: SyntaxNode): Stmt {
  const span = cx.span(node);
  const kids = childrenOf(node);
  const spec = kids[1];
  const body = lowerBody(cx, kids[2]);
  if (spec.name === "ForInSpec") return unsupportedStmt(cx, spec, "`for … in`");
  if (spec.name === "ForOfSpec") {
    if (kids.some((c) => c.name === "await")) return unsupportedStmt(cx, node, "`for await`");
    const parts = operands(spec).filter((c) => c.name !== "TypeAnnotation");
    const ofAt = parts.findIndex((c) => c.name === "of");
    const declared = ["let", "const", "var"].includes(parts[0].name);
    const target = lowerTarget(cx, parts[declared ? 1 : 0]);
    const iter = lowerExpression(cx, parts[ofAt + 1]);
    const kind = declared ? (parts[0].name as "let" | "const" | "var") : null;
    return { k: "forOf", kind, target, iter, body, span };
  }
  // ForSpec: ( init? ; test? ; update? ) — a declaration carries its own `;`
  const parts = childrenOf(spec).filter((c) => c.name !== "(" && c.name !== ")");
  let init: Stmt | null = null;
  let i = 0;
  if (parts[i]?.name === "VariableDeclaration") init = lowerDeclaration(cx, parts[i++]);
  else if (parts[i]?.name !== ";")
    init = { k: "expr", value: lowerExpression(cx, parts[i]), span: cx.span(parts[i++]) };
  if (parts[i]?.name === ";") i++;
  let test: Expr | null = null;
  if (parts[i] && parts[i].name !== ";") test = lowerExpression(cx, parts[i++]);
  if (parts[i]?.name === ";") i++;
  const update = parts[i] ? lowerExpression(cx, parts[i]) : null;
  return { k: "cfor", init, test, update, body, span };
}

function lowerTry(cx: Lowering, node: SyntaxNode): Stmt {
  const kids = childrenOf(node);
  const catchClause = kids.find((c) => c.name === "CatchClause");
  const finallyClause = kids.find((c) => c.name === "FinallyClause");
  const handlers = [];
  if (catchClause) {
    const parts = childrenOf(catchClause);
    const param = parts.find((c) => c.name === "VariableDefinition");
    if (parts.some((c) => c.name === "ArrayPattern" || c.name === "ObjectPattern"))
      cx.unsupported(catchClause, "A destructuring `catch` parameter");
    const block = parts.find((c) => c.name === "Block")!;
    handlers.push({
      type: null,
      name: param ? cx.text(param) : null,
      body: [{ k: "block" as const, body: lowerBlock(cx, block), span: cx.span(block) }],
      span: cx.span(catchClause),
    });
  }
  const finallyBlock = finallyClause ? childrenOf(finallyClause).find((c) => c.name === "Block") : undefined;
  return {
    k: "try",
    body: [{ k: "block", body: lowerBlock(cx, kids[1]), span: cx.span(kids[1]) }],
    handlers,
    orelse: [],
    finally: finallyBlock
      ? [{ k: "block", body: lowerBlock(cx, finallyBlock), span: cx.span(finallyBlock) }]
      : [],
    span: cx.span(node),
  };
}

/**
 * `import { a, b as c } from "m"` → fromImport, `import * as m from "m"` → import with an alias,
 * `import m from "m"` → fromImport of `default`. Type-only imports bind nothing at run time.
 */
function lowerImport(cx: Lowering, node: SyntaxNode): Stmt | null {
  const span = cx.span(node);
  const kids = childrenOf(node);
  if (kids[1]?.name === "type") return null;
  const source = kids.find((c) => c.name === "String");
  if (!source) return unsupportedStmt(cx, node, "This import");
  const module = [decodeJsString(cx.text(source))];
  const starAt = kids.findIndex((c) => c.name === "Star");
  if (starAt >= 0) return { k: "import", module, alias: cx.text(kids[starAt + 2]), span };
  const names: { name: string; alias: string | null; span: typeof span }[] = [];
  for (const c of kids) {
    if (c.name === "VariableDefinition") names.push({ name: "default", alias: cx.text(c), span: cx.span(c) });
    if (c.name !== "ImportGroup") continue;
    const parts = childrenOf(c).filter((p) => !["{", "}", ","].includes(p.name));
    for (let i = 0; i < parts.length; i++) {
      if (parts[i].name === "type") continue;
      const name = cx.text(parts[i]);
      if (parts[i + 1]?.name === "as") {
        names.push({
          name,
          alias: cx.text(parts[i + 2]),
          span: { from: parts[i].from, to: parts[i + 2].to },
        });
        i += 2;
      } else names.push({ name, alias: null, span: cx.span(parts[i]) });
    }
  }
  return { k: "fromImport", module, names, span };
}

/** `switch (v) { case a: …; default: … }`: each label starts a case; the statements after it are its body. */
function lowerSwitch(cx: Lowering, node: SyntaxNode): Stmt {
  const kids = childrenOf(node);
  const switchBody = kids.find((c) => c.name === "SwitchBody");
  const cases: { test: Expr | null; body: Stmt[] }[] = [];
  for (const c of switchBody ? childrenOf(switchBody) : []) {
    if (c.name === "{" || c.name === "}") continue;
    if (c.name === "CaseLabel") {
      const test = childrenOf(c).find((p) => p.name !== "case" && p.name !== ":");
      cases.push({ test: test ? lowerExpression(cx, test) : null, body: [] });
    } else if (c.name === "DefaultLabel") cases.push({ test: null, body: [] });
    else if (cases.length > 0) {
      const s = lowerStatement(cx, c);
      if (s !== null) cases[cases.length - 1].body.push(s);
    }
  }
  return { k: "switch", value: lowerExpression(cx, kids[1]), cases, span: cx.span(node) };
}
