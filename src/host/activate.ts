import * as vscode from "vscode";
import { nodesAtOffset } from "../explain/nodesAtOffset";
import { timeActivation } from "./activationClock";
import type { Trace } from "../trace/trace";
import type { ViewGraph } from "../view/viewGraph";
import { RunClient } from "../worker/runClient";
import { checkGradients } from "./checkGradients";
import { chooseOutput } from "./chooseOutput";
import { BackwardCodeLensProvider } from "./codeLensProvider";
import { GraphPanel, GRAPH_PANEL_TYPE } from "./graphPanel";
import { GraphViewProvider, GRAPH_VIEW_ID } from "./graphViewProvider";
import { exportGraph, type ExportFormat } from "./exportGraph";
import type { GraphWebview, GraphWebviewHandlers } from "./graphWebview";
import { GradientHoverProvider } from "./hoverProvider";
import { InlineDecorations } from "./inlineDecorations";
import { openExamples } from "./openExamples";
// Notebooks (issue 9): cells run as one program; see notebookRunController.ts.
import { programDocument, selectedCellDocument } from "./notebookCells";
import { insertGraphAsOutput } from "./notebookOutput";
import { registerNotebookKernel } from "./notebookKernel";
import { NotebookRunController } from "./notebookRunController";
import { RunController, type DocumentResult } from "./runController";
import { readSettings } from "./settings";
import { isProgram, programIn, PROGRAM_SELECTOR } from "./programLanguage";
import { train, type TrainChoices } from "./train";
import { RunStatusBar } from "./statusBar";
import { StepThrough } from "./stepThrough";
import { HostFiles } from "./hostFiles";
import { ModuleDiagnostics } from "./moduleDiagnostics";
import { normalizePath } from "../files/workspacePath";
import { exportsFor } from "./testApi";

/**
 * What the in-host integration tests reach (test/vscode/suite/gradlens.ts); the extension
 * exports it only when the test harness sets GRADLENS_TEST_API (testApi.ts), never to other
 * extensions otherwise.
 */
export interface GradLensApi {
  lastTrace(uri: string): Trace | undefined;
  whenIdle(): Promise<void>;
  /** Whether the GradLens side view has been opened (its webview exists). */
  graphViewOpen(): boolean;
  /** Where the document runs are made: the runner's kind and process id (the host's own id for comparison). */
  runner(): { kind: string | null; pid: number | undefined; hostPid: number };
  /** Where Step Through stands (null when not stepping). */
  stepState(): { index: number; total: number; node: number } | null;
  /** Our own start-up (evaluating the bundle plus activate()), in wall and CPU milliseconds. */
  activation: { wallMs: number; cpuMs: number };
}

export function activate(context: vscode.ExtensionContext): GradLensApi | undefined {
  const { result, wallMs, cpuMs } = timeActivation(() => wireUp(context));
  return exportsFor({ ...result, activation: { wallMs, cpuMs } });
}

/** Creates everything GradLens needs and registers it with VS Code. */
function wireUp(context: vscode.ExtensionContext): Omit<GradLensApi, "activation"> {
  const diagnostics = vscode.languages.createDiagnosticCollection("gradlens");
  const dist = (file: string) => vscode.Uri.joinPath(context.extensionUri, "dist", file).fsPath;
  const files = { runner: dist("runner.js"), worker: dist("worker.js") };
  /**
   * A runner process of its own (killed with the extension); `timeoutMs` gives the wall-clock
   * limit behind the step budget, read at each run (the setting may change); `spare` keeps a
   * second worker ready for runs that edits replace.
   */
  // what programs may read (open(), their own modules): the workspace, through vscode.workspace.fs
  const hostFiles = new HostFiles();
  const moduleDiagnostics = new ModuleDiagnostics((path) => hostFiles.uriOf(path));
  const runner = (timeoutMs: () => number, spare: boolean) => {
    const client = new RunClient({ files, spare, fileOwner: hostFiles }, () => ({
      memoryMb: readSettings().memoryBudgetMb,
      timeoutMs: timeoutMs(),
    }));
    context.subscriptions.push({ dispose: () => client.dispose() });
    return client;
  };
  // Python files and notebooks (their cells as one program) each run in a runner of their own.
  // (the lectures' notebooks train for minutes, in CPython too: gradlens.timeLimitSeconds)
  const runLimit = () => readSettings().timeLimitSeconds * 1000;
  const fileRunner = runner(runLimit, true);
  const runs = new NotebookRunController(fileRunner, diagnostics, runner(runLimit, true), {
    host: hostFiles,
    diagnostics: moduleDiagnostics,
  });
  // "GradLens" as a notebook kernel: running a cell gives it Jupyter's outputs, figures included
  context.subscriptions.push(registerNotebookKernel(runs));
  // Long jobs (gradient checks, training) get a runner of their own, so typing never cancels them.
  const jobs = runner(() => Math.max(10 * 60_000, runLimit()), false);
  let shown: vscode.TextDocument | undefined = programIn(vscode.window.activeTextEditor);
  markJsProgram(vscode.window.activeTextEditor);

  const showResultIn = (graph: GraphWebview | null) => {
    if (!graph) return;
    graph.show(
      shown ? runs.result(shown.uri) : undefined,
      shown
        ? vscode.l10n.t("Running…")
        : vscode.l10n.t(
            "Open a Python file, or a JavaScript or TypeScript file that imports gradlens, to see its computation graph.",
          ),
    );
  };
  const statusBar = new RunStatusBar();
  const inline = new InlineDecorations();
  const refreshEditors = () => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (isProgram(editor.document)) inline.update(editor, runs.result(editor.document.uri));
    }
  };
  const refreshViews = () => {
    showResultIn(panel.webview);
    showResultIn(view.webview);
    if (shown) panel.setTitle(shown.uri.path.split("/").pop() ?? "");
    // The status bar follows the document the graph shows; focusing the graph itself (no active
    // text editor) keeps it.
    if (shown) statusBar.show(runs.result(shown.uri));
  };
  const stepping = new StepThrough((step) => {
    panel.webview?.showStep(step);
    view.webview?.showStep(step);
  });
  const handlers: GraphWebviewHandlers = {
    reveal: (node) => void revealNode(runs, shown, node, hostFiles),
    stepAction: (action) => stepping.act(action),
    toggleGroup: (key) => {
      if (shown) void runs.toggleGroup(shown.uri, key);
    },
  };
  const panel = new GraphPanel(context.extensionUri, handlers, showResultIn);
  const view = new GraphViewProvider(context.extensionUri, handlers, showResultIn);

  const track = (document: vscode.TextDocument | undefined) => {
    if (!document) return;
    if (shown !== document) {
      // A loss curve belongs to the program it trained.
      panel.webview?.showLosses([], true);
      view.webview?.showLosses([], true);
    }
    shown = document;
    if (!runs.result(document.uri)) runs.runNow(document);
    refreshViews();
  };

  context.subscriptions.push(
    diagnostics,
    moduleDiagnostics,
    watchProgramInputs(runs),
    runs,
    panel,
    view,
    statusBar,
    inline,
    stepping,
    vscode.window.registerWebviewViewProvider(GRAPH_VIEW_ID, view, {
      webviewOptions: { retainContextWhenHidden: true },
    }),
    vscode.window.registerWebviewPanelSerializer(GRAPH_PANEL_TYPE, {
      deserializeWebviewPanel: async (restored) => panel.adopt(restored),
    }),
    vscode.languages.registerHoverProvider(PROGRAM_SELECTOR, new GradientHoverProvider(runs)),
    runs.onDidUpdate((result: DocumentResult) => {
      if (shown && result.uri.toString() === shown.uri.toString()) refreshViews();
      refreshEditors();
    }),
    runs.onDidStart((uri) => {
      if (shown?.uri.toString() === uri.toString()) statusBar.running();
    }),
    vscode.window.onDidChangeVisibleTextEditors(refreshEditors),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      // Cursor → graph: mark what the code under the cursor made.
      const document = e.textEditor.document;
      if (!shown || document !== shown) return;
      const result = runs.result(document.uri);
      if (!result || result.version !== document.version) return;
      const nodes = nodesAtOffset(result.trace, document.offsetAt(e.selections[0].active));
      panel.webview?.highlight(nodes);
      view.webview?.highlight(nodes);
    }),
    vscode.languages.registerCodeLensProvider(
      PROGRAM_SELECTOR,
      new BackwardCodeLensProvider([
        { title: vscode.l10n.t("$(type-hierarchy) Graph"), command: "gradlens.showGraph" },
        { title: vscode.l10n.t("$(debug-step-over) Step through"), command: "gradlens.stepThrough" },
        { title: vscode.l10n.t("$(pass) Check gradients"), command: "gradlens.checkGradients" },
        { title: vscode.l10n.t("$(graph-line) Train"), command: "gradlens.train" },
      ]),
    ),
    vscode.commands.registerCommand("gradlens.checkGradients", async (uri?: vscode.Uri) => {
      const document = await documentFor(uri, shown);
      // a cell: its notebook up to it
      if (document)
        return checkGradients(jobs, programDocument(document), hostFiles.workspaceFor(document.uri));
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          "Open a Python file, or a JavaScript or TypeScript file that imports gradlens, to check its gradients.",
        ),
      );
      return undefined;
    }),
    vscode.commands.registerCommand(
      "gradlens.train",
      async (uri?: vscode.Uri, given?: Partial<TrainChoices>) => {
        const document = await documentFor(uri, shown);
        if (!document) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t(
              "Open a Python file, or a JavaScript or TypeScript file that imports gradlens, to train it.",
            ),
          );
          return undefined;
        }
        panel.show();
        const graphView = runs.viewRequest(document.uri);
        const onView = (trained: ViewGraph) => {
          if (shown?.uri.toString() !== document.uri.toString()) return;
          panel.webview?.showTrainingGraph(trained);
          view.webview?.showTrainingGraph(trained);
        };
        return train(
          jobs,
          programDocument(document), // a cell: its notebook up to it
          (losses, done) => {
            panel.webview?.showLosses(losses, done);
            view.webview?.showLosses(losses, done);
          },
          given,
          graphView && { view: graphView, onView },
          hostFiles.workspaceFor(document.uri),
        );
      },
    ),
    vscode.commands.registerCommand("gradlens.stepThrough", async (uri?: vscode.Uri) => {
      const document = await documentFor(uri, shown);
      if (!document) return false;
      await runs.whenIdle();
      const result = runs.result(document.uri);
      if (!result) return false;
      track(document);
      panel.show();
      return stepping.start(document, result.trace);
    }),
    vscode.commands.registerCommand(
      "gradlens.chooseOutput",
      async (uri?: vscode.Uri, name?: string | null) => {
        const document = await documentFor(uri, shown);
        return document ? chooseOutput(runs, document, name) : undefined;
      },
    ),
    vscode.commands.registerCommand("gradlens.revealInGraph", (node: number) => {
      panel.show();
      refreshViews();
      panel.webview?.highlight([node]);
      view.webview?.highlight([node]);
    }),
    vscode.commands.registerCommand("gradlens.stepNext", () => stepping.act("next")),
    vscode.commands.registerCommand("gradlens.stepPrevious", () => stepping.act("previous")),
    vscode.commands.registerCommand("gradlens.stepPlay", () => stepping.act("play")),
    vscode.commands.registerCommand("gradlens.stepStop", () => stepping.stop()),
    vscode.commands.registerCommand(
      "gradlens.exportGraph",
      async (format?: ExportFormat, target?: vscode.Uri) => {
        const result = shown && runs.result(shown.uri);
        if (!result) {
          void vscode.window.showInformationMessage(
            vscode.l10n.t(
              "Open a Python file, or a JavaScript or TypeScript file that imports gradlens, to export its graph.",
            ),
          );
          return;
        }
        const picture = async (kind: "svg" | "png") => {
          // The panel draws the picture, so it must be open and showing this graph.
          panel.show();
          refreshViews();
          return (await panel.webview?.picture(kind)) ?? null;
        };
        await exportGraph(result, picture, format, target);
      },
    ),
    // Notebooks: the graph follows the selected cell (selecting a cell does not change the active
    // text editor); Insert Graph as Output draws the cell's graph in the panel and adds it as SVG.
    vscode.window.onDidChangeNotebookEditorSelection((e) => track(selectedCellDocument(e.notebookEditor))),
    vscode.window.onDidChangeActiveNotebookEditor((editor) => track(selectedCellDocument(editor))),
    vscode.commands.registerCommand("gradlens.insertGraphAsOutput", () =>
      insertGraphAsOutput(async (cell) => {
        track(cell);
        await runs.whenIdle();
        panel.show();
        refreshViews();
        return (await panel.webview?.picture("svg")) ?? null;
      }),
    ),
    vscode.commands.registerCommand("gradlens.openExamples", (name?: string) =>
      openExamples(context.extensionUri, typeof name === "string" ? name : undefined),
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("gradlens.inlineValues")) refreshEditors();
      if (e.affectsConfiguration("gradlens.layoutDirection")) refreshViews();
      if (e.affectsConfiguration("gradlens.nodeLimit") && shown) runs.runNow(shown);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document)
        markJsProgram(vscode.window.activeTextEditor);
      // an edited module (or data file) re-runs the programs that read it
      if (e.contentChanges.length > 0 && readSettings().liveRun)
        runs.inputChanged(normalizePath(e.document.uri.path));
      if (isProgram(e.document) && e.contentChanges.length > 0 && readSettings().liveRun) {
        runs.schedule(e.document);
      } else if (!isProgram(e.document) && runs.result(e.document.uri)) {
        runs.forget(e.document.uri, e.document); // it no longer imports gradlens: nothing of ours to show
      }
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isProgram(document) && document.uri.scheme !== "git") runs.runNow(document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => runs.forget(document.uri, document)),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      markJsProgram(editor);
      if (editor && !isProgram(editor.document)) statusBar.hide();
      else track(programIn(editor));
    }),
    vscode.commands.registerCommand("gradlens.showGraph", () => {
      track(programIn(vscode.window.activeTextEditor) ?? shown);
      panel.show();
      refreshViews();
    }),
    vscode.commands.registerCommand("gradlens.focusGraphView", () =>
      vscode.commands.executeCommand(`${GRAPH_VIEW_ID}.focus`),
    ),
    vscode.commands.registerCommand("gradlens.toggleInlineValues", async () => {
      const active = programIn(vscode.window.activeTextEditor) ?? shown;
      const visible = InlineDecorations.enabledFor(active && runs.result(active.uri));
      await vscode.workspace
        .getConfiguration("gradlens")
        .update("inlineValues", visible ? "off" : "on", vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand("gradlens.runNow", () => {
      const document = programIn(vscode.window.activeTextEditor) ?? shown;
      if (document) runs.runNow(document);
    }),
  );

  // The worker starts after activation returns, so opening a Python file is never held up by it.
  const initial = setTimeout(() => {
    for (const document of vscode.workspace.textDocuments) {
      if (isProgram(document)) runs.runNow(document);
    }
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(initial) });

  return {
    lastTrace: (uri: string) => runs.result(vscode.Uri.parse(uri))?.trace,
    whenIdle: () => runs.whenIdle(),
    graphViewOpen: () => view.webview !== null,
    stepState: () => stepping.current,
    runner: () => ({ kind: fileRunner.runnerKind, pid: fileRunner.runnerPid, hostPid: process.pid }),
  };
}

/** The document a command is for: the one a code lens names, else the active program editor's, else the shown one. */
async function documentFor(uri: vscode.Uri | undefined, shown: vscode.TextDocument | undefined) {
  if (uri instanceof vscode.Uri) {
    // An untitled name is given again once its document closes: the one in the editor is meant.
    const active = vscode.window.activeTextEditor?.document;
    if (active && !active.isClosed && active.uri.toString() === uri.toString()) return active;
    return vscode.workspace.openTextDocument(uri);
  }
  return programIn(vscode.window.activeTextEditor) ?? shown;
}

/**
 * The `gradlens.jsProgram` context key: whether the active editor is a JavaScript or TypeScript
 * file that imports gradlens, so the editor menus offer GradLens there and not in other JS.
 */
let jsProgramShown = false;
function markJsProgram(editor: vscode.TextEditor | undefined): void {
  const shown = editor !== undefined && editor.document.languageId !== "python" && isProgram(editor.document);
  if (shown === jsProgramShown) return;
  jsProgramShown = shown;
  void vscode.commands.executeCommand("setContext", "gradlens.jsProgram", shown);
}

/**
 * Programs run again when a file their last run read changes on disk (saved, created, deleted):
 * one watcher over the workspace, told to the run controllers, which know who read what.
 */
function watchProgramInputs(runs: RunController): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher("**/*");
  const changed = (createdOrDeleted: boolean) => (uri: vscode.Uri) => {
    if (readSettings().liveRun) runs.inputChanged(normalizePath(uri.path), createdOrDeleted);
  };
  return vscode.Disposable.from(
    watcher,
    watcher.onDidChange(changed(false)),
    watcher.onDidCreate(changed(true)),
    watcher.onDidDelete(changed(true)),
  );
}

/** A click on a node in the graph: select the code that made it (in a module of the program's: there). */
async function revealNode(
  runs: RunController,
  shown: vscode.TextDocument | undefined,
  node: number,
  files: HostFiles,
) {
  if (!shown) return;
  const result = runs.result(shown.uri);
  const span = result?.trace.nodes[node]?.span;
  if (!result || !span) return;
  const module = span.file !== undefined ? files.uriOf(span.file) : null;
  if (span.file !== undefined && !module) return;
  const document = module ? await vscode.workspace.openTextDocument(module) : shown;
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
