import * as vscode from "vscode";
import type { Trace } from "../trace/trace";
import { RunClient } from "../worker/runClient";
import { GraphPanel, GRAPH_PANEL_TYPE } from "./graphPanel";
import { GraphViewProvider, GRAPH_VIEW_ID } from "./graphViewProvider";
import type { GraphWebview } from "./graphWebview";
import { GradientHoverProvider } from "./hoverProvider";
import { InlineDecorations } from "./inlineDecorations";
import { RunController, type DocumentResult } from "./runController";
import { readSettings } from "./settings";
import { RunStatusBar } from "./statusBar";

/** What the extension exports, for its integration tests. */
export interface GradLensApi {
  lastTrace(uri: string): Trace | undefined;
  whenIdle(): Promise<void>;
}

const PYTHON: vscode.DocumentSelector = { language: "python" };
const NO_FILE = "Open a Python file to see its computation graph.";

export function activate(context: vscode.ExtensionContext): GradLensApi {
  const diagnostics = vscode.languages.createDiagnosticCollection("gradlens");
  const client = new RunClient(vscode.Uri.joinPath(context.extensionUri, "dist", "worker.js").fsPath, () => {
    const s = readSettings();
    return { memoryMb: s.memoryBudgetMb, timeoutMs: 60_000 };
  });
  const runs = new RunController(client, diagnostics);
  let shown: vscode.TextDocument | undefined = pythonDocument(vscode.window.activeTextEditor);

  const showResultIn = (graph: GraphWebview | null) => {
    if (!graph) return;
    graph.show(shown ? runs.result(shown.uri) : undefined, shown ? "Running…" : NO_FILE);
  };
  const statusBar = new RunStatusBar();
  const inline = new InlineDecorations();
  const refreshEditors = () => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.languageId === "python") inline.update(editor, runs.result(editor.document.uri));
    }
  };
  const refreshViews = () => {
    showResultIn(panel.webview);
    showResultIn(view.webview);
    if (shown) panel.setTitle(shown.uri.path.split("/").pop() ?? "");
    const active = pythonDocument(vscode.window.activeTextEditor);
    if (active) statusBar.show(runs.result(active.uri));
    else statusBar.hide();
  };
  const reveal = (node: number) => void revealNode(runs, shown, node);
  const panel = new GraphPanel(context.extensionUri, reveal, showResultIn);
  const view = new GraphViewProvider(context.extensionUri, reveal, showResultIn);

  const track = (document: vscode.TextDocument | undefined) => {
    if (!document) {
      statusBar.hide();
      return;
    }
    shown = document;
    if (!runs.result(document.uri)) runs.runNow(document);
    refreshViews();
  };

  context.subscriptions.push(
    diagnostics,
    runs,
    panel,
    view,
    statusBar,
    inline,
    { dispose: () => client.dispose() },
    vscode.window.registerWebviewViewProvider(GRAPH_VIEW_ID, view, {
      webviewOptions: { retainContextWhenHidden: true },
    }),
    vscode.window.registerWebviewPanelSerializer(GRAPH_PANEL_TYPE, {
      deserializeWebviewPanel: async (restored) => panel.adopt(restored),
    }),
    vscode.languages.registerHoverProvider(PYTHON, new GradientHoverProvider(runs)),
    runs.onDidUpdate((result: DocumentResult) => {
      if (shown && result.uri.toString() === shown.uri.toString()) refreshViews();
      refreshEditors();
    }),
    runs.onDidStart((uri) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) statusBar.running();
    }),
    vscode.window.onDidChangeVisibleTextEditors(refreshEditors),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("gradlens.inlineValues")) refreshEditors();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === "python" && e.contentChanges.length > 0 && readSettings().liveRun) {
        runs.schedule(e.document);
      }
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === "python" && document.uri.scheme !== "git") runs.runNow(document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => runs.forget(document.uri)),
    vscode.window.onDidChangeActiveTextEditor((editor) => track(pythonDocument(editor))),
    vscode.commands.registerCommand("gradlens.showGraph", () => {
      track(pythonDocument(vscode.window.activeTextEditor) ?? shown);
      panel.show();
      refreshViews();
    }),
    vscode.commands.registerCommand("gradlens.focusGraphView", () =>
      vscode.commands.executeCommand(`${GRAPH_VIEW_ID}.focus`),
    ),
    vscode.commands.registerCommand("gradlens.toggleInlineValues", async () => {
      const active = pythonDocument(vscode.window.activeTextEditor) ?? shown;
      const visible = InlineDecorations.enabledFor(active && runs.result(active.uri));
      await vscode.workspace
        .getConfiguration("gradlens")
        .update("inlineValues", visible ? "off" : "on", vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand("gradlens.runNow", () => {
      const document = pythonDocument(vscode.window.activeTextEditor) ?? shown;
      if (document) runs.runNow(document);
    }),
  );

  for (const document of vscode.workspace.textDocuments) {
    if (document.languageId === "python") runs.runNow(document);
  }

  return {
    lastTrace: (uri: string) => runs.result(vscode.Uri.parse(uri))?.trace,
    whenIdle: () => runs.whenIdle(),
  };
}

function pythonDocument(editor: vscode.TextEditor | undefined): vscode.TextDocument | undefined {
  return editor && editor.document.languageId === "python" ? editor.document : undefined;
}

/** A click on a node in the graph: select the code that made it. */
async function revealNode(runs: RunController, document: vscode.TextDocument | undefined, node: number) {
  if (!document) return;
  const result = runs.result(document.uri);
  const span = result?.trace.nodes[node]?.span;
  if (!result || !span) return;
  const editor = await vscode.window.showTextDocument(document, {
    preserveFocus: false,
    viewColumn: findColumn(document),
  });
  const range = new vscode.Range(document.positionAt(span.from), document.positionAt(span.to));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function findColumn(document: vscode.TextDocument): vscode.ViewColumn | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn;
}
