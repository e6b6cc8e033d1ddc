import { parser } from "@lezer/python";
import { childrenOf, Lowering, type ParseResult } from "../lowering";
import { fillEmptyPatterns } from "./emptyPatterns";
import { lowerStatements } from "./lowerStatement";
import { findSyntaxErrors } from "./syntaxErrors";
import { markStatementBindings } from "../statementBindings";
import { tagSpansWithFile } from "../spanFile";

export type { FrontEndDiagnostic, ParseResult } from "../lowering";

export interface ParseOptions {
  /** Code of a module written in Python inside GradLens (micrograd.nn): no name occurrences. */
  isLibrary?: boolean;
  /**
   * The text is another file than the program's own (a module of the program's): its spans and
   * diagnostics name this file, and its names number no occurrences (those are the program's).
   */
  file?: string;
}

/**
 * Parses Python source and lowers it to the program IR. Syntax errors stop here; constructs
 * GradLens does not run are reported and lowered to nodes that stop the run where reached.
 */
export function parsePython(source: string, options: ParseOptions = {}): ParseResult {
  const result = lower(source, options);
  if (options.file !== undefined) tagSpansWithFile(result, options.file);
  return result;
}

function lower(source: string, options: ParseOptions): ParseResult {
  let tree = parser.parse(source);
  const filled = fillEmptyPatterns(source, tree);
  if (filled !== source) tree = parser.parse(filled);
  const syntax = findSyntaxErrors(source, tree);
  if (syntax.length > 0) {
    return {
      program: null,
      diagnostics: syntax.map((p) => ({ code: "syntax", message: p.message, span: p.span })),
    };
  }
  const cx = new Lowering(source, (options.isLibrary ?? false) || options.file !== undefined);
  const body = lowerStatements(cx, childrenOf(tree.topNode));
  const hasSyntax = cx.diagnostics.some((d) => d.code === "syntax");
  if (hasSyntax) return { program: null, diagnostics: cx.diagnostics };
  const program = { body, occurrences: cx.occurrences };
  if (!cx.isLibrary) markStatementBindings(program);
  return { program, diagnostics: cx.diagnostics };
}
