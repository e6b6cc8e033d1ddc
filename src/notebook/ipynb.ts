import type { NotebookCellSource } from "./assembleProgram";

/** A file that is not a Jupyter notebook GradLens can read, and why. */
export class NotebookFormatError extends Error {}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A cell's `source`: a string, or a list of strings (lines) to join, as nbformat allows. */
function sourceText(source: unknown, where: string): string {
  if (typeof source === "string") return source;
  if (Array.isArray(source) && source.every((line) => typeof line === "string")) return source.join("");
  throw new NotebookFormatError(`${where} has no source text`);
}

/**
 * The cells of an `.ipynb` file (nbformat 4, or 3 with its worksheets) as the editor gives them
 * to GradLens: code cells in the notebook's language (its `language_info`, else its kernel's,
 * else Python; a cell's own `vscode.languageId` wins, as in VS Code), markdown and raw cells
 * as markup.
 */
export function readIpynb(text: string): NotebookCellSource[] {
  let notebook: unknown;
  try {
    notebook = JSON.parse(text);
  } catch (e) {
    throw new NotebookFormatError(`it is not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(notebook)) throw new NotebookFormatError("it is not a JSON object");
  const metadata = isObject(notebook.metadata) ? notebook.metadata : {};
  const languageInfo = isObject(metadata.language_info) ? metadata.language_info : {};
  const kernel = isObject(metadata.kernelspec) ? metadata.kernelspec : {};
  const language = String(languageInfo.name ?? kernel.language ?? "python").toLowerCase();
  let cells: unknown = notebook.cells;
  let inputKey = "source";
  if (cells === undefined && Array.isArray(notebook.worksheets)) {
    // nbformat 3: the cells of the first worksheet, code in `input`
    const first: unknown = notebook.worksheets[0];
    cells = isObject(first) ? first.cells : [];
    inputKey = "input";
  }
  if (!Array.isArray(cells)) throw new NotebookFormatError('it has no "cells" list');
  return cells.map((cell: unknown, i) => {
    const where = `cell ${i + 1}`;
    if (!isObject(cell) || typeof cell.cell_type !== "string")
      throw new NotebookFormatError(`${where} has no cell_type`);
    const code = cell.cell_type === "code";
    const cellMetadata = isObject(cell.metadata) ? cell.metadata : {};
    const vscode = isObject(cellMetadata.vscode) ? cellMetadata.vscode : {};
    const own = typeof vscode.languageId === "string" ? vscode.languageId : null;
    return {
      kind: code ? "code" : "markup",
      language: code ? (own ?? language) : cell.cell_type,
      text: sourceText(code ? (cell[inputKey] ?? cell.source) : cell.source, where),
    };
  });
}
