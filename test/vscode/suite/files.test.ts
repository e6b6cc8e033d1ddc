/// <reference types="mocha" />
// A program's files and modules in the real extension host: examples/data_and_modules (a program
// that reads names.txt and imports helper.py), and a folder this suite writes into the workspace
// (examples/) and removes again: a module that raises, a program that imports it, a notebook
// beside a data file that plots what it read.
import * as assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import type { Trace } from "../../../src/trace/trace";
import type { ViewGraph } from "../../../src/view/viewGraph";
import { api, waitFor } from "./gradlens";

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "a workspace folder (examples/) is open");
  return folder.uri;
}

const scratch = () => vscode.Uri.joinPath(workspaceFolder(), `gradlens-files-test-${process.pid}`);
const encode = (text: string) => new TextEncoder().encode(text);

const BROKEN_HELPER = "def scale(x):\n    return 10 / x\n";
const FIXED_HELPER = "def scale(x):\n    return 10 / (x + 1)\n";
const USES_BROKEN = "import broken_helper\n\ny = broken_helper.scale(0)\nprint(y)\n";
const NOTEBOOK = {
  cells: [
    {
      cell_type: "code",
      execution_count: null,
      metadata: {},
      outputs: [],
      source: ["words = open('names.txt').read().splitlines()\n", "n = len(words)\n"],
    },
    {
      cell_type: "code",
      execution_count: null,
      metadata: {},
      outputs: [],
      source: ["import matplotlib.pyplot as plt\n", "plt.hist([len(w) for w in words])\n", "plt.show()\n"],
    },
  ],
  metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" } },
  nbformat: 4,
  nbformat_minor: 5,
};

/** GradLens's latest trace of `uri` that `accept` takes. */
async function traceOf(
  uri: vscode.Uri,
  what: string,
  accept: (t: Trace) => boolean = () => true,
): Promise<Trace> {
  const gradlens = await api();
  return waitFor(
    what,
    async () => {
      await gradlens.whenIdle();
      const trace = gradlens.lastTrace(uri.toString());
      return trace && accept(trace) ? trace : undefined;
    },
    45_000,
  );
}

function errors(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

/** The graph GradLens shows now (Export Graph as JSON writes the shown view model). */
async function shownGraph(): Promise<ViewGraph> {
  const target = vscode.Uri.file(path.join(os.tmpdir(), `gradlens-files-${process.pid}.json`));
  await vscode.commands.executeCommand("gradlens.exportGraph", "json", target);
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as ViewGraph;
}

suite("GradLens: a program's files and modules", () => {
  suiteSetup(async () => {
    const dir = scratch();
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, "broken_helper.py"), encode(BROKEN_HELPER));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, "uses_broken.py"), encode(USES_BROKEN));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, "names.txt"), encode("emma\nolivia\nava\n"));
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(dir, "cells.ipynb"),
      encode(JSON.stringify(NOTEBOOK)),
    );
  });

  suiteTeardown(async () => {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isDirty && doc.uri.path.startsWith(scratch().path)) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand("workbench.action.files.revert");
      }
    }
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false });
  });

  test("a program that imports a sibling module and reads a data file shows its graph and no error", async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), "data_and_modules", "bigram_counts.py");
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const trace = await traceOf(uri, "a trace of bigram_counts.py");
    assert.ok(trace.ok, `the run ends well: ${trace.diagnostics.map((d) => d.message).join("; ")}`);
    assert.equal(trace.variables.n, 18, "18 bigrams in the first four names");
    assert.match(trace.stdout, /^32 names, 21 characters/);
    assert.ok(
      trace.inputs?.some((p) => p.endsWith("/data_and_modules/names.txt")),
      `it read names.txt: ${trace.inputs?.join(", ")}`,
    );
    assert.deepEqual(errors(uri), []);
    await vscode.commands.executeCommand("gradlens.showGraph");
    const graph = await shownGraph();
    assert.ok(
      graph.nodes.some((n) => n.kind === "value" && n.label === "alpha"),
      "the graph shows alpha",
    );
  });

  test("an error inside the module shows up on that file and where the program called it; fixing the module re-runs the program", async () => {
    const dir = scratch();
    const program = vscode.Uri.joinPath(dir, "uses_broken.py");
    const helper = vscode.Uri.joinPath(dir, "broken_helper.py");
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(program),
      vscode.ViewColumn.One,
    );
    const failed = await traceOf(program, "a failed run of uses_broken.py", (t) => !t.ok);
    assert.equal(failed.diagnostics[0].span?.file, helper.path);
    const inHelper = await waitFor("an error on broken_helper.py", () => {
      const found = errors(helper);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(inHelper[0].message, "ZeroDivisionError: division by zero");
    assert.equal(inHelper[0].range.start.line, 1, "on the line of 10 / x");
    const inProgram = errors(program);
    assert.equal(inProgram.length, 1);
    assert.equal(
      inProgram[0].message,
      "ZeroDivisionError: division by zero (raised in broken_helper.py, line 2)",
    );
    assert.equal(inProgram[0].range.start.line, 2, "on the line that called it");

    // saved to disk by another program: the watcher runs the importer again
    await vscode.workspace.fs.writeFile(helper, encode(FIXED_HELPER));
    const fixed = await traceOf(program, "a good run after the module was fixed", (t) => t.ok);
    assert.equal(fixed.stdout, "10.0\n");
    await waitFor("the module's error to go", () => errors(helper).length === 0);

    // edited in an editor, unsaved: the importer runs with what the editor shows
    const doc = await vscode.workspace.openTextDocument(helper);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(helper, new vscode.Range(1, 0, 1, doc.lineAt(1).text.length), "    return 10 / (x + 4)");
    assert.ok(await vscode.workspace.applyEdit(edit));
    const edited = await traceOf(program, "a run with the edited module", (t) => t.stdout === "2.5\n");
    assert.ok(edited.ok);
  });

  test("a notebook cell opens a file beside the notebook, and its histogram is the next cell's output", async () => {
    const gradlens = await api();
    const notebook = await vscode.workspace.openNotebookDocument(
      vscode.Uri.joinPath(scratch(), "cells.ipynb"),
    );
    const editor = await vscode.window.showNotebookDocument(notebook, { viewColumn: vscode.ViewColumn.One });
    // the plotting cell: GradLens runs the notebook's cells up to it
    editor.selection = new vscode.NotebookRange(1, 2);
    const cell = notebook.cellAt(1).document.uri.toString();
    const trace = await waitFor("a trace of the cell", async () => {
      await gradlens.whenIdle();
      return gradlens.lastTrace(cell);
    });
    assert.ok(trace.ok, trace.diagnostics.map((d) => d.message).join("; "));
    assert.equal(trace.variables.n, 3);
    assert.deepEqual(trace.variables.words, ["emma", "olivia", "ava"]);
    assert.equal(trace.figures?.length, 1, "the histogram of the names' lengths is drawn");
    // run with GradLens as the kernel, the plotting cell shows the figure as its output
    await vscode.commands.executeCommand("notebook.selectKernel", {
      id: "gradlens-kernel",
      extension: "gradlens.gradlens",
    });
    await vscode.commands.executeCommand("notebook.cell.execute", {
      ranges: [{ start: 0, end: 2 }],
      document: notebook.uri,
    });
    const output = await waitFor("the plotting cell's output", () =>
      notebook
        .cellAt(1)
        .outputs.flatMap((o) => o.items)
        .find((i) => i.mime === "image/svg+xml"),
    );
    assert.ok(new TextDecoder().decode(output.data).includes("<svg"), "the output is an SVG drawing");
  });
});
