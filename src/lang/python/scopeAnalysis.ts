import type { Expr, Param, Stmt } from "../ir";
import { patternNames } from "../patternNames";

/**
 * Python decides at compile time which names a function body binds locally: every name it
 * assigns, loops over, defines or imports, unless declared `global` or `nonlocal`. Nested
 * functions, classes and comprehensions have their own scopes and are not looked into.
 */
export function assignedNames(body: Stmt[], params: Param[]): { locals: string[]; globals: string[] } {
  const bound = new Set<string>(params.filter((p) => p.name !== "").map((p) => p.name));
  const declared = new Set<string>();
  const globals: string[] = [];
  const visit = (stmts: Stmt[]) => {
    for (const s of stmts) {
      walrusTargets(s, bound);
      switch (s.k) {
        case "assign":
          s.targets.forEach((t) => bindTarget(t, bound));
          break;
        case "augassign":
          bindTarget(s.target, bound);
          break;
        case "for":
          bindTarget(s.target, bound);
          visit(s.body);
          visit(s.orelse);
          break;
        case "if":
        case "while":
          visit(s.body);
          visit(s.orelse);
          break;
        case "with":
          for (const item of s.items) if (item.target) bindTarget(item.target, bound);
          visit(s.body);
          break;
        case "try":
          visit(s.body);
          for (const h of s.handlers) {
            if (h.name !== null) bound.add(h.name);
            visit(h.body);
          }
          visit(s.orelse);
          visit(s.finally);
          break;
        case "match":
          for (const c of s.cases) {
            for (const name of patternNames(c.pattern)) bound.add(name.id);
            walrusTargets(c.guard, bound, false);
            visit(c.body);
          }
          break;
        case "def":
        case "class":
          bound.add(s.name);
          break;
        case "import":
          bound.add(s.alias ?? s.module[0]);
          break;
        case "fromImport":
          s.names.forEach((n) => n.name !== "*" && bound.add(n.alias ?? n.name));
          break;
        case "delete":
          s.targets.forEach((t) => bindTarget(t, bound));
          break;
        case "global":
          s.names.forEach((n) => {
            declared.add(n);
            globals.push(n);
          });
          break;
        case "nonlocal":
          s.names.forEach((n) => declared.add(n));
          break;
        default:
          break;
      }
    }
  };
  visit(body);
  return { locals: [...bound].filter((n) => !declared.has(n)), globals };
}

/** Statement parts that are statements of their own (visited as such) or scopes of their own. */
const NOT_EXPRESSIONS = new Set(["body", "orelse", "finally", "handlers", "cases"]);

/** Names a statement's own expressions bind with the walrus operator (`if (n := len(a)) > 3:`). */
function walrusTargets(node: unknown, bound: Set<string>, top = true): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) walrusTargets(item, bound, false);
    return;
  }
  const k = (node as { k?: string }).k;
  if (!top && (k === "def" || k === "class" || k === "lambda")) return;
  if (k === "assignExpr") bindTarget((node as Expr & { k: "assignExpr" }).target, bound);
  for (const [key, value] of Object.entries(node))
    if (!(top && NOT_EXPRESSIONS.has(key))) walrusTargets(value, bound, false);
}

function bindTarget(target: Expr, bound: Set<string>): void {
  if (target.k === "name") bound.add(target.id);
  else if (target.k === "tuple" || target.k === "list") target.items.forEach((t) => bindTarget(t, bound));
  else if (target.k === "starred") bindTarget(target.value, bound);
}
