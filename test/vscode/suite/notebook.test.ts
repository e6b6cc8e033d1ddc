/// <reference types="mocha" />
// GradLens in a Jupyter notebook, with no kernel: examples/notebook_backprop.ipynb opened with
// VS Code's built-in notebook support. Cells (0 is markdown): 1 magic + imports, 2 the inputs
// and weights, 3 n = x1*w1 + x2*w2 + b; o = n.tanh(), 4 o.backward(), 5 plotting.
// By hand: n = 0.8814, o = tanh(n) = 0.7071, ∂o/∂n = 1 − o² = 0.5, ∂o/∂w1 = x1 · 0.5 = 1.
import * as assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import type { Trace } from "../../../src/trace/trace";
import type { TrainResult } from "../../../src/train/trainProgram";
import type { ViewGraph } from "../../../src/view/viewGraph";
import { api, waitFor } from "./gradlens";

const NOTEBOOK = "notebook_backprop.ipynb";

function notebookUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "a workspace folder (examples/) is open");
  return vscode.Uri.joinPath(folder.uri, NOTEBOOK);
}

/** Opens the notebook, selects `cell`, and waits for GradLens's result for that cell. */
async function openAt(cell: number): Promise<{ editor: vscode.NotebookEditor; trace: Trace }> {
  const gradlens = await api();
  const notebook = await vscode.workspace.openNotebookDocument(notebookUri());
  const editor = await vscode.window.showNotebookDocument(notebook, { viewColumn: vscode.ViewColumn.One });
  editor.selection = new vscode.NotebookRange(cell, cell + 1);
  const uri = notebook.cellAt(cell).document.uri.toString();
  const trace = await waitFor(`a trace for cell ${cell}`, async () => {
    await gradlens.whenIdle();
    return gradlens.lastTrace(uri);
  });
  return { editor, trace };
}

async function hoverAt(document: vscode.TextDocument, word: string, line: number): Promise<string> {
  const column = document.lineAt(line).text.search(new RegExp(`\\b${word}\\b`));
  assert.ok(column >= 0, `${word} is on line ${line + 1} of the cell`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    "vscode.executeHoverProvider",
    document.uri,
    new vscode.Position(line, column),
  );
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : c.value))
    .join("\n");
}

/** The graph GradLens shows now (Export Graph as JSON writes the shown view model). */
async function shownGraph(name: string): Promise<ViewGraph> {
  const target = vscode.Uri.file(path.join(os.tmpdir(), `gradlens-notebook-${process.pid}-${name}.json`));
  await vscode.commands.executeCommand("gradlens.exportGraph", "json", target);
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as ViewGraph;
}

const labels = (graph: ViewGraph) => graph.nodes.flatMap((n) => (n.kind === "value" ? [n.label] : [])).sort();

suite("GradLens in a notebook", () => {
  suiteTeardown(async () => {
    // Insert Graph as Output edits the notebook: leave it as it was on disk.
    const notebook = vscode.workspace.notebookDocuments.find(
      (n) => n.uri.toString() === notebookUri().toString(),
    );
    if (notebook?.isDirty) {
      await vscode.window.showNotebookDocument(notebook);
      await vscode.commands.executeCommand("workbench.action.files.revert");
    }
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  test("runs the cells as one program: hovers in cells show values and gradients", async () => {
    const { editor, trace } = await openAt(3);
    const cell3 = editor.notebook.cellAt(3).document;
    assert.ok(
      trace.occurrences.some((o) => o.name === "o"),
      "cell 3 binds o",
    );
    for (const o of trace.occurrences)
      assert.equal(cell3.getText().slice(o.span.from, o.span.to), o.name, "spans are offsets in the cell");
    const o = await hoverAt(cell3, "o", 1);
    assert.ok(o.includes("0.7071"), `hover on o shows tanh(n) = 0.7071: ${o}`);
    const w1 = await hoverAt(editor.notebook.cellAt(2).document, "w1", 3);
    assert.ok(/1\.0000/.test(w1), `hover on w1 in cell 2 shows ∂o/∂w1 = 1 from cell 4's backward(): ${w1}`);
  });

  test("the magic line is skipped with an info diagnostic; the plot is drawn; no errors", async () => {
    const { editor, trace } = await openAt(5);
    const magic = await waitFor("diagnostics in cell 1", () => {
      const found = vscode.languages.getDiagnostics(editor.notebook.cellAt(1).document.uri);
      return found.length > 0 && found;
    });
    const onLine0 = magic.find((d) => d.range.start.line === 0);
    assert.ok(onLine0, `a diagnostic on %matplotlib inline: ${magic.map((d) => d.message).join("; ")}`);
    assert.equal(onLine0.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(onLine0.message.includes("%matplotlib"), onLine0.message);
    const plotting = vscode.languages.getDiagnostics(editor.notebook.cellAt(5).document.uri);
    assert.deepEqual(
      plotting.map((d) => d.message),
      [],
      "plt.bar and plt.show run: nothing to report in the plotting cell",
    );
    assert.equal(trace.figures?.length, 1, "plt.show() shows one figure");
    assert.ok(trace.figures?.[0]?.svg.includes("<svg"), "the figure is an SVG drawing");
    const errors = editor.notebook
      .getCells()
      .flatMap((c) => vscode.languages.getDiagnostics(c.document.uri))
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => d.message),
      [],
      "no errors in any cell",
    );
  });

  test("the graph follows the selected cell and shows what that cell computes", async () => {
    const { editor } = await openAt(3);
    await vscode.commands.executeCommand("gradlens.showGraph");
    let graph = await shownGraph("cell3");
    assert.ok(labels(graph).includes("o") && labels(graph).includes("n"), `cell 3's graph: ${labels(graph)}`);
    const tanh = graph.nodes.find((n) => n.kind === "value" && n.label === "o");
    assert.ok(tanh && tanh.kind === "value" && tanh.data === "0.7071", "o's node shows 0.7071");
    editor.selection = new vscode.NotebookRange(2, 3);
    graph = await waitFor("the graph to follow cell 2", async () => {
      const g = await shownGraph("cell2");
      return !labels(g).includes("o") && g;
    });
    assert.deepEqual(labels(graph), ["b", "w1", "w2", "x1", "x2"], "cell 2 makes only the leaves");
  });

  test("Step Through and Train work from a cell, on the notebook up to it", async () => {
    const { editor } = await openAt(4);
    const cell4 = editor.notebook.cellAt(4).document.uri;
    const started = await vscode.commands.executeCommand<boolean>("gradlens.stepThrough", cell4);
    assert.equal(started, true, "stepping starts: cell 4 calls backward() on cells 2–3's values");
    const state = (await api()).stepState();
    assert.ok(state && state.total >= 5, `steps: ${state?.total}`);
    await vscode.commands.executeCommand("gradlens.stepStop");
    const result = await vscode.commands.executeCommand<TrainResult>("gradlens.train", cell4, {
      optimizer: "sgd",
      lr: 0.1,
      steps: 2,
    });
    assert.ok(result, "training finished");
    assert.equal(result.message, null);
    assert.ok(
      result.losses.length >= 2 && Math.abs(result.losses[0] - 0.7071) < 1e-4,
      `losses ${result.losses}`,
    );
  });

  test("an edit re-runs the notebook; a runtime error is reported in the cell that raised it", async () => {
    const gradlens = await api();
    const { editor } = await openAt(3);
    const inputs = editor.notebook.cellAt(2).document;
    const line = inputs
      .getText()
      .split("\n")
      .findIndex((l) => l.startsWith("x1 = "));
    const original = inputs.lineAt(line).text;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(inputs.uri, inputs.lineAt(line).range, "x1 = Value(undefined_name)");
    assert.ok(await vscode.workspace.applyEdit(edit), "the edit applies");
    const errors = (uri: vscode.Uri) =>
      vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const found = await waitFor("an error in the inputs' cell", () => errors(inputs.uri)[0]);
    assert.equal(found.range.start.line, line, found.message);
    assert.ok(found.message.includes("NameError"), found.message);
    await gradlens.whenIdle();
    for (const i of [1, 3]) assert.deepEqual(errors(editor.notebook.cellAt(i).document.uri), [], `cell ${i}`);
    const undo = new vscode.WorkspaceEdit();
    undo.replace(inputs.uri, inputs.lineAt(line).range, original);
    assert.ok(await vscode.workspace.applyEdit(undo), "the edit is undone");
    await waitFor("the error to go once the edit is undone", () => errors(inputs.uri).length === 0);
  });

  test("Insert Graph as Output adds an SVG output to the selected cell, and nothing else is written", async () => {
    const { editor } = await openAt(3);
    const outputs = () => editor.notebook.getCells().flatMap((c) => c.outputs);
    assert.deepEqual(outputs(), [], "GradLens has written nothing into the notebook");
    const inserted = await vscode.commands.executeCommand<boolean>("gradlens.insertGraphAsOutput");
    assert.equal(inserted, true);
    const cell = editor.notebook.cellAt(3);
    assert.equal(cell.document.getText(), "n = x1 * w1 + x2 * w2 + b\no = n.tanh()", "the source is kept");
    const items = cell.outputs.flatMap((o) => o.items);
    assert.equal(items.length, 1);
    assert.equal(items[0].mime, "image/svg+xml");
    const svg = new TextDecoder().decode(items[0].data);
    assert.ok(
      svg.startsWith("<svg") && svg.includes("0.7071"),
      `an SVG of cell 3's graph: ${svg.slice(0, 60)}`,
    );
    await vscode.commands.executeCommand("workbench.action.files.revert");
    await waitFor("the revert", () => !editor.notebook.isDirty);
  });
});
