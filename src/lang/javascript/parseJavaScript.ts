import { parser } from "@lezer/javascript";
import type { ParseResult } from "../lowering";
import { Lowering } from "../lowering";
import { childrenOf } from "./syntaxNodes";
import { lowerStatements } from "./lowerStatement";
import { findJsSyntaxErrors } from "./syntaxErrors";
import { findLiteralErrors } from "./literalErrors";
import { markStatementBindings } from "../statementBindings";

/** The two dialects: plain JavaScript, and TypeScript whose types are parsed and ignored. */
export type JsDialect = "js" | "ts";

const parsers = { js: parser, ts: parser.configure({ dialect: "ts" }) };

/**
 * Parses JavaScript or TypeScript source (as an ES module) and lowers it to the program IR.
 * Syntax errors stop here; constructs GradLens does not run are reported and lowered to nodes
 * that stop the run where reached.
 */
export function parseJavaScript(source: string, dialect: JsDialect = "js"): ParseResult {
  const tree = parsers[dialect].parse(source);
  const parseErrors = findJsSyntaxErrors(source, tree);
  const syntax = parseErrors.length > 0 ? parseErrors : findLiteralErrors(source, tree);
  if (syntax.length > 0) {
    return {
      program: null,
      diagnostics: syntax.map((p) => ({ code: "syntax", message: p.message, span: p.span })),
    };
  }
  const cx = new Lowering(source);
  const body = lowerStatements(cx, childrenOf(tree.topNode));
  const program = { body, occurrences: cx.occurrences };
  markStatementBindings(program);
  return { program, diagnostics: cx.diagnostics };
}
