import * as vscode from "vscode";
import { cellOutputs, type CellOutput } from "../notebook/cellOutputs";
import type { NotebookRunController } from "./notebookRunController";

/**
 * GradLens as a notebook kernel: choose "GradLens" as the notebook's kernel and running a cell
 * runs the notebook's cells up to it in GradLens's own interpreter (no Python needed), then
 * gives the cell Jupyter's outputs — what it printed, its figures as `image/svg+xml`, its last
 * expression's value, the error it stopped on. The notebook's outputs change only when cells
 * are run, as with any kernel.
 */

export const KERNEL_ID = "gradlens-kernel";

function toOutput(o: CellOutput): vscode.NotebookCellOutput {
  switch (o.kind) {
    case "stream":
      return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.stdout(o.text)]);
    case "svg":
      return new vscode.NotebookCellOutput([
        new vscode.NotebookCellOutputItem(new TextEncoder().encode(o.svg), "image/svg+xml"),
      ]);
    case "text":
      return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(o.text, "text/plain")]);
    case "error": {
      const error = new Error(o.message);
      error.name = o.name;
      error.stack = "";
      return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(error)]);
    }
  }
}

export function registerNotebookKernel(runs: NotebookRunController): vscode.Disposable {
  const controller = vscode.notebooks.createNotebookController(KERNEL_ID, "jupyter-notebook", "GradLens");
  controller.description = vscode.l10n.t("Runs the cells in GradLens, no Python needed");
  controller.supportedLanguages = ["python"];
  controller.supportsExecutionOrder = true;
  let order = 0;
  controller.executeHandler = async (cells, notebook) => {
    const code = [...cells]
      .filter((c) => c.kind === vscode.NotebookCellKind.Code)
      .sort((a, b) => a.index - b.index);
    if (code.length === 0) return;
    const executions = code.map((cell) => {
      const execution = controller.createNotebookCellExecution(cell);
      execution.executionOrder = ++order;
      execution.start(Date.now());
      return execution;
    });
    const shown = await runs.runForOutputs(notebook, code[code.length - 1].index);
    for (let k = 0; k < code.length; k++) {
      const execution = executions[k];
      if (shown.kind === "stopped") {
        await execution.replaceOutput([
          toOutput({ kind: "error", name: "GradLens", message: shown.message }),
        ]);
        execution.end(false, Date.now());
        continue;
      }
      const { outputs, ok } = cellOutputs(shown.trace, shown.program, code[k].index);
      await execution.replaceOutput(outputs.map(toOutput));
      execution.end(ok, Date.now());
    }
  };
  return controller;
}
