import * as vscode from "vscode";
import { assembleProgram, type NotebookCellSource } from "../notebook/assembleProgram";

/** The URI scheme of a notebook cell's text document. */
export const CELL_SCHEME = "vscode-notebook-cell";

export function isCellDocument(document: { uri: vscode.Uri }): boolean {
  return document.uri.scheme === CELL_SCHEME;
}

/** The notebook a cell document belongs to and the cell's index, or null (not a cell, or closed). */
export function findCell(uri: vscode.Uri): { notebook: vscode.NotebookDocument; index: number } | null {
  if (uri.scheme !== CELL_SCHEME) return null;
  const key = uri.toString();
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cell = notebook.getCells().find((c) => c.document.uri.toString() === key);
    if (cell) return { notebook, index: cell.index };
  }
  return null;
}

/** The cells as src/notebook assembles them into one program. */
export function cellSources(notebook: vscode.NotebookDocument): NotebookCellSource[] {
  return notebook.getCells().map((cell) => ({
    kind: cell.kind === vscode.NotebookCellKind.Code ? "code" : "markup",
    language: cell.document.languageId,
    text: cell.document.getText(),
  }));
}

/** The cell the user is looking at in this notebook: the selected one in its editor, if it has one. */
export function selectedCellIndex(notebook: vscode.NotebookDocument): number | null {
  const editor = vscode.window.visibleNotebookEditors.find((e) => e.notebook === notebook);
  if (!editor || notebook.cellCount === 0) return null;
  return Math.min(editor.selection.start, notebook.cellCount - 1);
}

/** The cell document selected in a notebook editor (what the graph should follow). */
export function selectedCellDocument(
  editor: vscode.NotebookEditor | undefined,
): vscode.TextDocument | undefined {
  if (!editor || editor.notebook.cellCount === 0) return undefined;
  const cell = editor.notebook.cellAt(Math.min(editor.selection.start, editor.notebook.cellCount - 1));
  return cell.kind === vscode.NotebookCellKind.Code ? cell.document : undefined;
}

/**
 * For commands that run a document's program in a job (Train, Check Gradients): a cell stands
 * for its notebook's cells up to and including it. The result answers `getText()` with that
 * program and `fileName` with the notebook's; everything else is the cell document's. Those
 * commands read only these two, so a full TextDocument implementation is not needed.
 */
export function programDocument(document: vscode.TextDocument): vscode.TextDocument {
  const found = findCell(document.uri);
  if (!found) return document;
  const source = assembleProgram(cellSources(found.notebook), found.index).source;
  const fileName = found.notebook.uri.fsPath;
  // An empty target: the cell document itself is frozen, and a Proxy of a frozen object must
  // report its own properties unchanged.
  return new Proxy({} as vscode.TextDocument, {
    get: (_target, key) => {
      if (key === "getText") return () => source;
      if (key === "fileName") return fileName;
      const value: unknown = Reflect.get(document, key);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(document) : value;
    },
  });
}
