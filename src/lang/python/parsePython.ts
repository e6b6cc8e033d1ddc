import { parser } from "@lezer/python";
import { childrenOf, Lowering, type ParseResult } from "../lowering";
import { lowerStatements } from "./lowerStatement";
import { findSyntaxErrors } from "./syntaxErrors";
import { markStatementBindings } from "../statementBindings";

export type { FrontEndDiagnostic, ParseResult } from "../lowering";

/**
 * Parses Python source and lowers it to the program IR. Syntax errors stop here; constructs
 * GradLens does not run are reported and lowered to nodes that stop the run where reached.
 */
export function parsePython(source: string, options: { isLibrary?: boolean } = {}): ParseResult {
  const tree = parser.parse(source);
  const syntax = findSyntaxErrors(source, tree);
  if (syntax.length > 0) {
    return {
      program: null,
      diagnostics: syntax.map((p) => ({ code: "syntax", message: p.message, span: p.span })),
    };
  }
  const cx = new Lowering(source, options.isLibrary ?? false);
  const body = lowerStatements(cx, childrenOf(tree.topNode));
  const hasSyntax = cx.diagnostics.some((d) => d.code === "syntax");
  if (hasSyntax) return { program: null, diagnostics: cx.diagnostics };
  const program = { body, occurrences: cx.occurrences };
  if (!cx.isLibrary) markStatementBindings(program);
  return { program, diagnostics: cx.diagnostics };
}
