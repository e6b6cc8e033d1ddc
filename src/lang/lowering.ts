import type { SyntaxNode } from "@lezer/common";
import type { Expr, NameOccurrence, Program, SourceSpan } from "./ir";

/** A problem the front end found before anything ran. */
export interface FrontEndDiagnostic {
  code: "syntax" | "unsupported";
  message: string;
  span: SourceSpan;
}

/** What a front end gives for one source text (Python's and JavaScript's alike). */
export interface ParseResult {
  /** Null when the source has syntax errors: nothing of it should run. */
  program: Program | null;
  diagnostics: FrontEndDiagnostic[];
}

/** State shared by the expression and statement lowering passes over one source text. */
export class Lowering {
  constructor(
    readonly source: string,
    /** Library code (a module written in Python) numbers no occurrences and reports nothing. */
    readonly isLibrary = false,
    readonly diagnostics: FrontEndDiagnostic[] = [],
    /** Each numbered name occurrence: the identifier and where it stands. */
    readonly occurrences: NameOccurrence[] = [],
  ) {}

  /**
   * The same lowering over another text with the same offsets (an f-string field re-parsed on
   * its own, padded so that its spans are the program's).
   */
  withSource(source: string): Lowering {
    return new Lowering(source, this.isLibrary, this.diagnostics, this.occurrences);
  }

  text(node: SyntaxNode): string {
    return this.source.slice(node.from, node.to);
  }

  span(node: SyntaxNode): SourceSpan {
    return { from: node.from, to: node.to };
  }

  nextOccurrence(name: string, span: SourceSpan): number {
    if (this.isLibrary) return -1;
    this.occurrences.push({ name, span });
    return this.occurrences.length - 1;
  }

  /** Records that a construct is not run, and returns the IR node that stops the run if reached. */
  unsupported(node: SyntaxNode, what: string): Expr & { k: "unsupported" } {
    const message = `${what} is not supported by GradLens`;
    this.diagnostics.push({ code: "unsupported", message, span: this.span(node) });
    return { k: "unsupported", message, span: this.span(node) };
  }
}

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== "Comment") out.push(child);
  }
  return out;
}

/** Splits a node list at the comma tokens (a trailing comma makes no empty group). */
export function splitAtCommas(nodes: SyntaxNode[]): { groups: SyntaxNode[][]; trailingComma: boolean } {
  const groups: SyntaxNode[][] = [[]];
  for (const node of nodes) {
    if (node.name === ",") groups.push([]);
    else groups[groups.length - 1].push(node);
  }
  const trailingComma = groups.length > 1 && groups[groups.length - 1].length === 0;
  if (trailingComma) groups.pop();
  return { groups, trailingComma };
}
