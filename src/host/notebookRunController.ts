import * as vscode from "vscode";
import { assembleProgram, type NotebookProgram } from "../notebook/assembleProgram";
import { graphTraceForCell } from "../notebook/cellGraph";
import { cellOfNodes } from "../notebook/cellOfNodes";
import { diagnosticsForCell, inlineForCell, traceForCell } from "../notebook/cellTrace";
import type { ViewRequest } from "../worker/protocol";
import type { RunClient, RunOutcome } from "../worker/runClient";
import { toVscodeDiagnostics } from "./diagnostics";
import { CELL_SCHEME, cellSources, findCell, isCellDocument, selectedCellIndex } from "./notebookCells";
import { RunController, type DocumentResult } from "./runController";
import { readsChanged, type ProgramFiles } from "./programInputs";
import type { Trace } from "../trace/trace";
import { applyToggle, noFoldChoices } from "../view/folding/foldToggle";
import type { FoldChoices } from "../view/folding/foldState";
import { analysisOptions } from "./analysisOptions";
import { readSettings } from "./settings";

/** buildViewGraph, once a notebook has run (it draws a cell's part of the graph). */
let layout: typeof import("../view/buildViewGraph").buildViewGraph | undefined;

/** Diagnostic codes for which the program did not run at all, so the old results are kept. */
const DID_NOT_RUN = new Set(["syntax", "unsupported"]);

/** What a notebook run showed, for the GradLens kernel's cell outputs. */
export type NotebookShown =
  { kind: "ran"; trace: Trace; program: NotebookProgram } | { kind: "stopped"; message: string };

/** One run of a notebook: its cells 0…lastCell as one program, and what that computed. */
interface NotebookRun {
  program: NotebookProgram;
  /** The cell documents that ran, in order, and their versions then. */
  cells: { uri: vscode.Uri; version: number }[];
}

/**
 * The RunController, taught notebooks. A plain Python document runs as before. A notebook
 * cell never runs alone — its notebook's cells, in order, form one program (src/notebook),
 * run up to the cell being looked at — and each cell gets its own slice of the result: trace
 * spans, inline values and diagnostics relative to the cell, and a graph of what the cell
 * computed. Everything that asks the controller by URI (hover, inline values, code lenses,
 * step-through, the graph views) thus works in cells unchanged.
 *
 * Notebook runs go through a worker of their own, one at a time. (TypeScript rejects a private
 * member named like one of the base class's, so the two cannot trample each other's state.)
 */
export class NotebookRunController extends RunController {
  private readonly cellResults = new Map<string, DocumentResult>();
  private readonly requests = new Map<string, { notebook: vscode.NotebookDocument; lastCell: number }>();
  private readonly notebookTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly runs = new Map<string, NotebookRun>();
  /** Per cell, what its graph draws (its part of the notebook's trace) and the folds opened or closed by hand. */
  private readonly cellGraphs = new Map<string, () => Trace>();
  private readonly cellFolds = new Map<string, FoldChoices>();
  private running: string | null = null;
  private notebookIdleWaiters: (() => void)[] = [];
  /** Per notebook, what its last run showed, and who waits for a run covering a cell. */
  private readonly shown = new Map<string, { shown: NotebookShown; cells: NotebookRun["cells"] }>();
  private readonly shownWaiters = new Map<
    string,
    { lastCell: number; resolve: (s: NotebookShown) => void }[]
  >();
  private readonly cellUpdates = new vscode.EventEmitter<DocumentResult>();
  private readonly cellStarts = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];
  // Both events carry plain documents' results and cells' results. A field initialiser runs
  // after the base constructor, so `this.onDidUpdate` there still reads the base class's event.
  override readonly onDidUpdate: vscode.Event<DocumentResult> = both(
    (this as RunController).onDidUpdate,
    this.cellUpdates.event,
  );
  override readonly onDidStart: vscode.Event<vscode.Uri> = both(
    (this as RunController).onDidStart,
    this.cellStarts.event,
  );

  /** Per notebook, the files its last run read or looked at (Trace.inputs). */
  private readonly notebookInputs = new Map<
    string,
    { notebook: vscode.NotebookDocument; paths: ReadonlySet<string> }
  >();

  constructor(
    client: RunClient,
    private readonly notebookDiagnostics: vscode.DiagnosticCollection,
    private readonly notebookClient: RunClient,
    files: ProgramFiles,
  ) {
    super(client, notebookDiagnostics, files);
    this.subscriptions = [
      vscode.workspace.onDidOpenNotebookDocument((notebook) =>
        this.request(notebook, notebook.cellCount - 1),
      ),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => this.forgetNotebook(notebook)),
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        // Cells added, removed or moved change the program; edits inside a cell come as text changes.
        if (e.contentChanges.length > 0) this.scheduleNotebook(e.notebook, this.lookedAt(e.notebook, 0));
      }),
      vscode.window.onDidChangeNotebookEditorSelection((e) => {
        const index = e.selections[0]?.start;
        if (index !== undefined && !this.isFresh(e.notebookEditor.notebook, index))
          this.request(e.notebookEditor.notebook, index);
      }),
    ];
    for (const notebook of vscode.workspace.notebookDocuments) this.request(notebook, notebook.cellCount - 1);
  }

  override inputChanged(path: string, createdOrDeleted = false): void {
    super.inputChanged(path, createdOrDeleted);
    for (const { notebook, paths } of this.notebookInputs.values())
      if (!notebook.isClosed && readsChanged(paths, path, createdOrDeleted))
        this.scheduleNotebook(notebook, this.lookedAt(notebook, 0));
  }

  override result(uri: vscode.Uri): DocumentResult | undefined {
    return uri.scheme === CELL_SCHEME ? this.cellResults.get(uri.toString()) : super.result(uri);
  }

  /** A cell's graph is its slice of the notebook's: training does not redraw it (the curve still shows). */
  override viewRequest(uri: vscode.Uri): ViewRequest | undefined {
    return uri.scheme === CELL_SCHEME ? undefined : super.viewRequest(uri);
  }

  /** A click on a fold in a cell's graph: the cell's part of the graph laid out again, keeping what it can. */
  override async toggleGroup(uri: vscode.Uri, key: string): Promise<void> {
    if (uri.scheme !== CELL_SCHEME) return super.toggleGroup(uri, key);
    const id = uri.toString();
    const result = this.cellResults.get(id);
    const graph = this.cellGraphs.get(id);
    if (!result || !graph || !layout) return;
    const folds = applyToggle(this.cellFolds.get(id) ?? noFoldChoices(), result.view, key);
    this.cellFolds.set(id, folds);
    const view = layout(graph(), { nodeLimit: readSettings().nodeLimit, ...folds, previous: result.view });
    const toggled = Object.create(result) as DocumentResult;
    Object.defineProperty(toggled, "view", { value: view, enumerable: true });
    this.cellResults.set(id, toggled);
    this.cellUpdates.fire(toggled);
  }

  override runNow(document: vscode.TextDocument): void {
    if (!isCellDocument(document)) return super.runNow(document);
    const found = findCell(document.uri);
    // A cell opening before its notebook is known is run when the notebook opens.
    if (found) this.request(found.notebook, this.lookedAt(found.notebook, found.index));
  }

  override schedule(document: vscode.TextDocument): void {
    if (!isCellDocument(document)) return super.schedule(document);
    const found = findCell(document.uri);
    if (found) this.scheduleNotebook(found.notebook, this.lookedAt(found.notebook, found.index));
  }

  override forget(uri: vscode.Uri, document?: vscode.TextDocument): void {
    if (uri.scheme !== CELL_SCHEME) return super.forget(uri, document);
    this.cellResults.delete(uri.toString());
    this.cellGraphs.delete(uri.toString());
    this.cellFolds.delete(uri.toString());
    this.notebookDiagnostics.delete(uri);
  }

  override async whenIdle(): Promise<void> {
    // The two queues are independent: idle means both empty at the same moment.
    do {
      await super.whenIdle();
      if (!this.notebookIdle()) await new Promise<void>((resolve) => this.notebookIdleWaiters.push(resolve));
    } while (!this.notebookIdle());
  }

  override dispose(): void {
    for (const timer of this.notebookTimers.values()) clearTimeout(timer);
    this.notebookTimers.clear();
    this.requests.clear();
    for (const s of this.subscriptions) s.dispose();
    this.cellUpdates.dispose();
    this.cellStarts.dispose();
    this.settle();
    super.dispose();
  }

  /**
   * What cells 0…lastCell show when run as they are now: the last run's, when it covered them
   * unchanged, or a run made for the asking.
   */
  runForOutputs(notebook: vscode.NotebookDocument, lastCell: number): Promise<NotebookShown> {
    const key = notebook.uri.toString();
    const last = this.shown.get(key);
    if (last && last.cells.length > lastCell && this.coveredUnchanged(notebook, last.cells, lastCell))
      return Promise.resolve(last.shown);
    return new Promise((resolve) => {
      const waiters = this.shownWaiters.get(key) ?? [];
      waiters.push({ lastCell, resolve });
      this.shownWaiters.set(key, waiters);
      this.request(notebook, lastCell);
    });
  }

  private coveredUnchanged(
    notebook: vscode.NotebookDocument,
    cells: NotebookRun["cells"],
    index: number,
  ): boolean {
    return cells.slice(0, index + 1).every((ran, i) => {
      const cell = i < notebook.cellCount ? notebook.cellAt(i) : undefined;
      return cell?.document.uri.toString() === ran.uri.toString() && cell.document.version === ran.version;
    });
  }

  private noteShown(notebook: vscode.NotebookDocument, run: NotebookRun, shown: NotebookShown): void {
    const key = notebook.uri.toString();
    this.shown.set(key, { shown, cells: run.cells });
    const waiters = this.shownWaiters.get(key) ?? [];
    const covered = waiters.filter(
      (w) => w.lastCell < run.cells.length && this.coveredUnchanged(notebook, run.cells, w.lastCell),
    );
    this.shownWaiters.set(
      key,
      waiters.filter((w) => !covered.includes(w)),
    );
    for (const w of covered) w.resolve(shown);
  }

  /** The last cell to run for a change at cell `index`: it, or the selected cell if that is further. */
  private lookedAt(notebook: vscode.NotebookDocument, index: number): number {
    return Math.max(index, selectedCellIndex(notebook) ?? index);
  }

  /** Whether the last run covered cells 0…index with their current text. */
  private isFresh(notebook: vscode.NotebookDocument, index: number): boolean {
    const run = this.runs.get(notebook.uri.toString());
    if (!run || run.cells.length <= index) return false;
    return run.cells.slice(0, index + 1).every((ran, i) => {
      const cell = i < notebook.cellCount ? notebook.cellAt(i) : undefined;
      return cell?.document.uri.toString() === ran.uri.toString() && cell.document.version === ran.version;
    });
  }

  private scheduleNotebook(notebook: vscode.NotebookDocument, lastCell: number): void {
    const key = notebook.uri.toString();
    clearTimeout(this.notebookTimers.get(key));
    this.notebookTimers.set(
      key,
      setTimeout(() => {
        this.notebookTimers.delete(key);
        this.request(notebook, lastCell);
      }, readSettings().liveRunDelay),
    );
  }

  /** Queues a run of the notebook's cells 0…lastCell (merging with a queued one: the further wins). */
  private request(notebook: vscode.NotebookDocument, lastCell: number): void {
    if (notebook.cellCount === 0) return;
    const key = notebook.uri.toString();
    clearTimeout(this.notebookTimers.get(key));
    this.notebookTimers.delete(key);
    const queued = this.requests.get(key);
    const last = Math.min(notebook.cellCount - 1, Math.max(lastCell, queued?.lastCell ?? 0));
    this.requests.set(key, { notebook, lastCell: last });
    if (this.running === key) this.notebookClient.cancel();
    void this.pumpNotebooks();
  }

  private async pumpNotebooks(): Promise<void> {
    if (this.running !== null) return;
    try {
      while (this.requests.size > 0) {
        const [key, { notebook, lastCell }] = this.requests.entries().next().value!;
        this.requests.delete(key);
        if (notebook.isClosed) continue;
        this.running = key;
        const cells = notebook.getCells().slice(0, lastCell + 1);
        const run: NotebookRun = {
          program: assembleProgram(cellSources(notebook), lastCell),
          cells: cells.map((c) => ({ uri: c.document.uri, version: c.document.version })),
        };
        for (const cell of run.cells) this.cellStarts.fire(cell.uri);
        const settings = readSettings();
        const outcome = await this.notebookClient.run(
          run.program.source,
          {
            fileName: notebook.uri.fsPath,
            stepBudget: settings.stepBudget,
            // a cell's `open('names.txt')` reads beside the notebook
            workspace: this.files.host.workspaceFor(notebook.uri),
            cellStarts: run.program.cellStarts,
          },
          analysisOptions(settings),
          { nodeLimit: settings.nodeLimit, folds: noFoldChoices() },
        );
        // The layout code loads on the first notebook run, not with the extension (activation time).
        layout ??= (await import("../view/buildViewGraph")).buildViewGraph;
        this.running = null;
        if (outcome.kind === "stopped" && outcome.reason === "superseded") continue;
        if (!notebook.isClosed) this.applyNotebookRun(notebook, run, outcome);
      }
    } finally {
      this.running = null;
      this.settle();
    }
  }

  private applyNotebookRun(notebook: vscode.NotebookDocument, run: NotebookRun, outcome: RunOutcome): void {
    const { program } = run;
    const lastCell = run.cells.length - 1;
    const documentAt = (i: number) =>
      notebook.getCells().find((c) => c.document.uri.toString() === run.cells[i].uri.toString())?.document;
    const key = notebook.uri.toString();
    this.noteShown(
      notebook,
      run,
      outcome.kind === "stopped"
        ? { kind: "stopped", message: outcome.message }
        : { kind: "ran", trace: outcome.trace, program },
    );
    if (outcome.kind === "stopped") {
      const stopped = { severity: "error" as const, message: outcome.message, span: null, code: "budget" };
      const ended = outcome.ended?.diagnostics ?? [];
      this.setDiagnostics(run, documentAt, [...ended, stopped, ...program.skipped], lastCell);
      void this.files.diagnostics.set(key, []);
      this.markStale(run, outcome.message);
      return;
    }
    const { trace, health } = outcome;
    const all = [...program.skipped, ...trace.diagnostics, ...health];
    this.setDiagnostics(run, documentAt, all, lastCell);
    void this.files.diagnostics.set(key, all);
    this.notebookInputs.set(key, { notebook, paths: new Set(trace.inputs ?? []) });
    if (
      trace.nodes.length === 0 &&
      trace.diagnostics.some((d) => DID_NOT_RUN.has(d.code)) &&
      this.runs.has(notebook.uri.toString())
    ) {
      this.markStale(run, trace.diagnostics.find((d) => DID_NOT_RUN.has(d.code))?.message ?? null);
      return;
    }
    this.runs.set(notebook.uri.toString(), run);
    const cellOf = cellOfNodes(trace, program.map);
    const { nodeLimit } = readSettings();
    run.cells.forEach((cell, i) => {
      // Made when first asked for (a hover, the graph): most cells' are never needed, and each
      // is as large as the whole trace.
      const cellTrace = once(() => traceForCell(trace, program.map, i));
      const graph = once(() => graphTraceForCell(trace, cellOf, i));
      const folds = this.cellFolds.get(cell.uri.toString());
      const cellView = once(() => {
        const part = graph();
        if (!layout || (part === trace && !folds)) return outcome.view;
        return layout(part, { nodeLimit, ...folds });
      });
      this.cellGraphs.set(cell.uri.toString(), graph);
      const result: DocumentResult = {
        uri: cell.uri,
        version: cell.version,
        get trace() {
          return cellTrace();
        },
        get view() {
          return cellView();
        },
        health: diagnosticsForCell(health, program.map, i, lastCell),
        inline: inlineForCell(outcome.inline, program.map, i),
        inlineByDefault: outcome.inlineByDefault,
        stale: false,
        staleReason: null,
      };
      this.cellResults.set(cell.uri.toString(), result);
      this.cellUpdates.fire(result);
    });
    // Cells after the last one run keep their older results, which the change has made stale.
    this.markStale({ ...run, cells: laterCells(notebook, lastCell) }, null);
  }

  private setDiagnostics(
    run: NotebookRun,
    documentAt: (i: number) => vscode.TextDocument | undefined,
    items: Parameters<typeof diagnosticsForCell>[0],
    lastCell: number,
  ): void {
    run.cells.forEach((cell, i) => {
      const document = documentAt(i);
      if (!document) return;
      const mine = diagnosticsForCell(items, run.program.map, i, lastCell);
      this.notebookDiagnostics.set(cell.uri, toVscodeDiagnostics(document, mine));
    });
  }

  private markStale(run: Pick<NotebookRun, "cells">, reason: string | null): void {
    for (const cell of run.cells) {
      const previous = this.cellResults.get(cell.uri.toString());
      if (!previous || previous.stale) continue;
      // The view is laid out lazily: keep the getter rather than copying (and so computing) it.
      const stale = Object.create(previous) as DocumentResult;
      Object.defineProperties(stale, {
        stale: { value: true, enumerable: true },
        staleReason: { value: reason, enumerable: true },
      });
      this.cellResults.set(cell.uri.toString(), stale);
      this.cellUpdates.fire(stale);
    }
  }

  private forgetNotebook(notebook: vscode.NotebookDocument): void {
    const key = notebook.uri.toString();
    clearTimeout(this.notebookTimers.get(key));
    this.notebookTimers.delete(key);
    this.requests.delete(key);
    const run = this.runs.get(key);
    this.runs.delete(key);
    this.notebookInputs.delete(key);
    void this.files.diagnostics.set(key, []);
    this.shown.delete(key);
    for (const w of this.shownWaiters.get(key) ?? [])
      w.resolve({ kind: "stopped", message: "The notebook was closed" });
    this.shownWaiters.delete(key);
    for (const cell of [...(run?.cells ?? []), ...notebook.getCells().map((c) => ({ uri: c.document.uri }))])
      this.forget(cell.uri);
    this.settle();
  }

  private notebookIdle(): boolean {
    return this.notebookTimers.size === 0 && this.requests.size === 0 && this.running === null;
  }

  private settle(): void {
    if (!this.notebookIdle()) return;
    for (const resolve of this.notebookIdleWaiters.splice(0)) resolve();
  }
}

function laterCells(
  notebook: vscode.NotebookDocument,
  lastCell: number,
): { uri: vscode.Uri; version: number }[] {
  return notebook
    .getCells()
    .slice(lastCell + 1)
    .map((c) => ({ uri: c.document.uri, version: c.document.version }));
}

/** `make()`'s value, made on the first call. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/** One event that fires whenever either of two does. */
function both<T>(a: vscode.Event<T>, b: vscode.Event<T>): vscode.Event<T> {
  return (listener, thisArgs, disposables) => {
    const subscriptions = [a(listener, thisArgs), b(listener, thisArgs)];
    const disposable = vscode.Disposable.from(...subscriptions);
    disposables?.push(disposable);
    return disposable;
  };
}
