import * as vscode from "vscode";

const SVG_MIME = "image/svg+xml";

/**
 * GradLens: Insert Graph as Output — the one time GradLens writes into a notebook, and only when
 * asked: the selected code cell's graph, as drawn, becomes a static SVG output of that cell
 * (replacing an SVG output an earlier use added). The notebook is only changed in the editor;
 * saving stays the user's choice. `picture` draws the graph of the given cell and returns the SVG.
 */
export async function insertGraphAsOutput(
  picture: (cell: vscode.TextDocument) => Promise<Uint8Array | null>,
): Promise<boolean> {
  const editor = vscode.window.activeNotebookEditor;
  const index = editor && editor.notebook.cellCount > 0 ? editor.selection.start : undefined;
  const cell = editor && index !== undefined ? editor.notebook.cellAt(index) : undefined;
  if (!editor || !cell || cell.kind !== vscode.NotebookCellKind.Code) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t("Select a code cell of a notebook to insert its graph."),
    );
    return false;
  }
  const svg = await picture(cell.document);
  if (!svg) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t("GradLens has no graph to insert for this cell yet."),
    );
    return false;
  }
  const outputs = cell.outputs.filter((o) => !o.items.some((item) => item.mime === SVG_MIME));
  outputs.push(new vscode.NotebookCellOutput([new vscode.NotebookCellOutputItem(svg, SVG_MIME)]));
  // Outputs are only writable through an execution (a kernel of our own) or by replacing the
  // cell; replacing keeps its source, language, metadata and execution summary.
  const data = new vscode.NotebookCellData(cell.kind, cell.document.getText(), cell.document.languageId);
  data.outputs = outputs;
  data.metadata = cell.metadata;
  data.executionSummary = cell.executionSummary;
  const at = cell.index; // the replaced cell's index becomes -1
  const edit = new vscode.WorkspaceEdit();
  edit.set(editor.notebook.uri, [
    vscode.NotebookEdit.replaceCells(new vscode.NotebookRange(at, at + 1), [data]),
  ]);
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied) editor.selection = new vscode.NotebookRange(at, at + 1);
  return applied;
}
