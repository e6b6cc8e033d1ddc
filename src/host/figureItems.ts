import * as vscode from "vscode";
import type { FigureItem } from "../view/protocol";
import type { DocumentResult } from "./runController";

/**
 * What the graph panel's Figures tab shows for a document's result: each figure the run
 * showed, its title, and the line of the code that showed it (read from the open document).
 */
export function figureItems(result: DocumentResult | undefined): FigureItem[] {
  const figures = result?.trace.figures ?? [];
  if (figures.length === 0) return [];
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result!.uri.toString());
  return figures.map((f) => ({
    svg: f.svg,
    title: f.title ?? "",
    line: f.span && document ? document.positionAt(f.span.from).line + 1 : null,
  }));
}

/** Whether two lists of figures show the same (so an unchanged list is not sent again). */
export function sameFigures(a: readonly FigureItem[], b: readonly FigureItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => f.svg === b[i].svg && f.title === b[i].title && f.line === b[i].line)
  );
}
