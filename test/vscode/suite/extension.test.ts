/// <reference types="mocha" />
// GradLens inside a real VS Code extension host (desktop VS Code, or code-server through
// test/vscode/host/code-shim.cjs), with the workspace folder examples/. The numbers for
// first_expression.py are the ones derived by hand in that file.
import * as assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import type { Trace } from "../../../src/trace/trace";
import type { ViewGraph } from "../../../src/view/viewGraph";
import { api as testApi, extension, sleep, waitFor, type GradLensApi } from "./gradlens";

const EXAMPLE = "first_expression.py";

function exampleUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "a workspace folder (examples/) is open");
  return vscode.Uri.joinPath(folder.uri, EXAMPLE);
}

async function showExample(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(exampleUri());
  return vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
}

/** The trace of the example once GradLens has run it. */
async function exampleTrace(api: GradLensApi, uri: vscode.Uri): Promise<Trace> {
  return waitFor(
    `a trace of ${EXAMPLE}`,
    async () => {
      await api.whenIdle();
      return api.lastTrace(uri.toString());
    },
    45_000,
  );
}

function close(actual: unknown, expected: number, what: string) {
  assert.equal(typeof actual, "number", `${what} is a number (got ${JSON.stringify(actual)})`);
  assert.ok(Math.abs((actual as number) - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : c.value))
    .join("\n");
}

function errors(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

suite("GradLens in the extension host", () => {
  suiteTeardown(async () => {
    // leave no unsaved edit behind, whatever happened
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isDirty && doc.uri.toString() === exampleUri().toString()) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand("workbench.action.files.revert");
      }
    }
  });

  test("activates when a Python file is opened", async () => {
    const ext = extension();
    await showExample();
    await waitFor(
      "the extension to activate (activationEvents onLanguage:python)",
      () => ext.isActive,
      60_000,
    );
    // the harness set GRADLENS_TEST_API=1, so the test API is exported (to nobody otherwise)
    const api = ext.exports;
    assert.equal(typeof api?.lastTrace, "function", "exports.lastTrace");
    assert.equal(typeof api?.whenIdle, "function", "exports.whenIdle");
  });

  test("registers every command of its manifest", async () => {
    const contributed = (extension().packageJSON.contributes?.commands ?? []) as { command: string }[];
    const ids = contributed.map((c) => c.command);
    for (const id of ["gradlens.showGraph", "gradlens.focusGraphView"])
      assert.ok(ids.includes(id), `manifest has ${id}`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      ids.filter((id) => !registered.has(id)),
      [],
      "contributed commands that are not registered",
    );
  });

  test("runs first_expression.py: loss 30.25 and the hand-derived gradients", async () => {
    const api = await testApi();
    const editor = await showExample();
    const trace = await exampleTrace(api, editor.document.uri);
    assert.notEqual(trace.root, null, "the program called backward()");
    const root = trace.nodes.find((n) => n.id === trace.root);
    assert.ok(root, `root node ${trace.root} is in the trace`);
    close(root.data[0], 30.25, "root (loss) data");
    const expected: Record<string, number> = { x: 5.5, w: 88.0, b: -11.0, h: -22.0 };
    for (const [name, grad] of Object.entries(expected)) {
      const v = trace.variables[name];
      assert.ok(
        v && typeof v === "object" && !Array.isArray(v) && v.type === "Value",
        `variable ${name} is a Value`,
      );
      close(v.grad, grad, `${name}.grad`);
    }
    const loss = trace.variables.loss;
    assert.ok(
      loss && typeof loss === "object" && !Array.isArray(loss) && loss.type === "Value",
      "loss is a Value",
    );
    close(loss.data, 30.25, "loss.data");
  });

  test("a run that replaces the one in flight ends with the same result and no errors", async () => {
    const api = await testApi();
    const editor = await showExample();
    const uri = editor.document.uri;
    await exampleTrace(api, uri);
    // the second request cancels the first while it runs (as an edit during a run does)
    await vscode.commands.executeCommand("gradlens.runNow");
    await vscode.commands.executeCommand("gradlens.runNow");
    await vscode.commands.executeCommand("gradlens.runNow");
    await api.whenIdle();
    await sleep(500); // any late message from a replaced worker
    await api.whenIdle();
    const found = errors(uri).map((d) => `${d.range.start.line + 1}: ${d.message}`);
    assert.deepEqual(found, [], "errors after back-to-back runs");
    const trace = api.lastTrace(uri.toString());
    assert.ok(trace && trace.ok, "the last run succeeded");
    const root = trace.nodes.find((n) => n.id === trace.root);
    close(root?.data[0], 30.25, "root (loss) data");
  });

  test("hover over w, at its definition and at a use, shows its gradient 88.0000", async () => {
    const api = await testApi();
    const editor = await showExample();
    const doc = editor.document;
    await exampleTrace(api, doc.uri);
    const lines = doc.getText().split("\n");
    const defLine = lines.findIndex((l) => /^w\s*=/.test(l));
    const useLine = lines.findIndex((l) => /^h\s*=.*\bw\b/.test(l));
    assert.ok(defLine >= 0 && useLine >= 0, "the example defines w and uses it in h = ...");
    const positions = {
      definition: new vscode.Position(defLine, 0),
      use: new vscode.Position(useLine, lines[useLine].search(/\bw\b/)),
    };
    for (const [where, pos] of Object.entries(positions)) {
      assert.equal(doc.getText(doc.getWordRangeAtPosition(pos)), "w", `the ${where} position is on w`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        "vscode.executeHoverProvider",
        doc.uri,
        pos,
      );
      const text = hoverText(hovers ?? []);
      assert.ok(
        text.includes("88.0000"),
        `hover at the ${where} of w (line ${pos.line + 1}) shows 88.0000: ${text}`,
      );
    }
  });

  test("GradLens: Show Computation Graph opens a GradLens panel beside the editor", async () => {
    const editor = await showExample();
    const isGraphTab = (t: vscode.Tab) =>
      t.input instanceof vscode.TabInputWebview && t.label.startsWith("GradLens");
    const graphTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isGraphTab);
    await vscode.commands.executeCommand("gradlens.showGraph");
    const [tab] = await waitFor(
      "a webview tab titled GradLens…",
      () => graphTabs()[0] && graphTabs(),
      20_000,
    );
    const labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    assert.notEqual(
      tab.group.viewColumn,
      editor.viewColumn,
      `the panel opens beside the editor, not over it (tabs: ${labels.join(", ")})`,
    );
    await vscode.window.tabGroups.close(graphTabs());
  });

  test("a syntax error gives a diagnostic on its line, and undo clears it", async () => {
    const api = await testApi();
    const editor = await showExample();
    const doc = editor.document;
    await exampleTrace(api, doc.uri);
    await api.whenIdle();
    assert.deepEqual(
      errors(doc.uri).map((d) => d.message),
      [],
      "no errors before the edit",
    );
    const original = doc.getText();
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    // The example has no trailing newline, so "x = (" becomes the last line whatever the parser
    // reports: the unclosed "(" or the end of the file.
    const broken = original.endsWith("\n") ? "x = (" : "\nx = (";
    edit.insert(doc.uri, end, broken);
    assert.ok(await vscode.workspace.applyEdit(edit), "the edit applies");
    const badLine = doc.lineCount - 1;
    assert.equal(doc.lineAt(badLine).text, "x = (");
    const diags = await waitFor(
      "an error diagnostic after the edit",
      () => errors(doc.uri)[0] && errors(doc.uri),
    );
    assert.ok(
      diags.some((d) => d.range.start.line === badLine),
      `an error on line ${badLine + 1}; got ${diags.map((d) => `${d.range.start.line + 1}: ${d.message}`).join("; ")}`,
    );
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand("undo");
    assert.equal(doc.getText(), original, "undo restores the text");
    await waitFor("the errors to go away after undo", () => errors(doc.uri).length === 0);
  });

  test("a TypeScript program that imports gradlens: hover shows ∂g/∂a = 138.8338, the graph draws g", async () => {
    const api = await testApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, "a workspace folder (examples/) is open");
    const uri = vscode.Uri.joinPath(folder.uri, "ts", "micrograd_readme.ts");
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    assert.equal(doc.languageId, "typescript");
    const trace = await waitFor(
      "a trace of ts/micrograd_readme.ts",
      async () => {
        await api.whenIdle();
        return api.lastTrace(uri.toString());
      },
      45_000,
    );
    assert.deepEqual(errors(uri), []);
    const g = trace.root === null ? undefined : trace.nodes[trace.root];
    assert.equal(g?.data[0].toFixed(4), "24.7041", "g, the root of g.backward()");
    const line = doc
      .getText()
      .split("\n")
      .findIndex((l) => l.startsWith("const a"));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      "vscode.executeHoverProvider",
      uri,
      new vscode.Position(line, "const a".length - 1),
    );
    const text = hoverText(hovers ?? []);
    assert.ok(text.includes("138.8338"), `hover on a shows ∂g/∂a = 138.8338: ${text}`);
    // the graph GradLens shows now, as the view model Export Graph writes
    await vscode.commands.executeCommand("gradlens.showGraph");
    const target = vscode.Uri.file(path.join(os.tmpdir(), `gradlens-ts-${process.pid}.json`));
    await vscode.commands.executeCommand("gradlens.exportGraph", "json", target);
    const view = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(target)),
    ) as ViewGraph;
    const labels = view.nodes.flatMap((n) => (n.kind === "value" ? [n.label] : []));
    assert.ok(labels.includes("g") && labels.includes("a"), `the graph draws a and g: ${labels.join(", ")}`);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });

  test("a JavaScript file that does not import gradlens is not GradLens's to run or flag", async () => {
    const api = await testApi();
    const doc = await vscode.workspace.openTextDocument({
      language: "javascript",
      content: "async function main() {\n  await fetch('https://example.com');\n}\nmain();\n",
    });
    await vscode.window.showTextDocument(doc);
    await sleep(1000);
    await api.whenIdle();
    assert.equal(api.lastTrace(doc.uri.toString()), undefined);
    assert.deepEqual(
      vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === "GradLens"),
      [],
    );
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });
});
