import * as vscode from "vscode";
import type { HealthDiagnostic } from "../explain/gradientHealth";
import type { InlineValue } from "../explain/inlineValues";
import type { Trace } from "../trace/trace";
import { applyToggle, noFoldChoices } from "../view/folding/foldToggle";
import type { FoldChoices } from "../view/folding/foldState";
import type { ViewGraph } from "../view/viewGraph";
import type { ViewRequest } from "../worker/protocol";
import type { RunClient, RunOutcome } from "../worker/runClient";
import { toVscodeDiagnostics } from "./diagnostics";
import { readsChanged } from "./programInputs";
import type { ProgramFiles } from "./programInputs";
import { analysisOptions } from "./analysisOptions";
import { readSettings } from "./settings";
import { programLanguage } from "./programLanguage";

/** What GradLens shows for one document: the last good run, and whether the text has moved on. */
export interface DocumentResult {
  uri: vscode.Uri;
  /** Document version the trace was computed from. */
  version: number;
  trace: Trace;
  view: ViewGraph;
  health: HealthDiagnostic[];
  inline: InlineValue[];
  inlineByDefault: boolean;
  /** True when the current text did not produce this graph (a syntax error, a budget stop). */
  stale: boolean;
  staleReason: string | null;
}

/** Diagnostic codes for which the program did not run at all, so the old graph is kept. */
const DID_NOT_RUN = new Set(["syntax", "unsupported"]);

/**
 * Runs Python documents in the worker as they change (debounced) and keeps, per document, the
 * last good result. Runs go one at a time; a newer edit of the document being run replaces
 * that run instead of waiting for it.
 */
export class RunController implements vscode.Disposable {
  private readonly results = new Map<string, DocumentResult>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly queue = new Map<string, vscode.TextDocument>();
  /**
   * The document each name was last run for. An untitled name is given again once its document
   * closes, and that document's late events (its revert, its close) must not clear the new one's.
   */
  private readonly owners = new Map<string, vscode.TextDocument>();
  /** Per document, the folds of its graph the user opened or closed. */
  private readonly folds = new Map<string, FoldChoices>();
  /** Per document, the top-level name the user chose to differentiate (Choose Output to Differentiate). */
  private readonly outputNames = new Map<string, string>();
  private current: string | null = null;
  private pumping = false;
  private idleWaiters: (() => void)[] = [];
  private readonly emitter = new vscode.EventEmitter<DocumentResult>();
  /** Fires whenever a document's result or stale state changes. */
  readonly onDidUpdate = this.emitter.event;
  private readonly startEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's run starts. */
  readonly onDidStart = this.startEmitter.event;

  /** Per document, the files its last run read or looked at (Trace.inputs), to run it again when one changes. */
  private readonly inputs = new Map<string, { document: vscode.TextDocument; paths: ReadonlySet<string> }>();

  constructor(
    private readonly client: RunClient,
    private readonly diagnostics: vscode.DiagnosticCollection,
    /** Where programs may read, and where their modules' diagnostics go. */
    protected readonly files: ProgramFiles,
  ) {}

  /**
   * A file of the workspace changed (saved or edited in an editor; `createdOrDeleted`: came or
   * went): every program whose last run read it — or, for a file that came or went, looked
   * through its folder — runs again.
   */
  inputChanged(path: string, createdOrDeleted = false): void {
    for (const { document, paths } of this.inputs.values())
      if (!document.isClosed && readsChanged(paths, path, createdOrDeleted)) this.schedule(document);
  }

  result(uri: vscode.Uri): DocumentResult | undefined {
    return this.results.get(uri.toString());
  }

  /** Runs the document after the live-run delay (restarted by every call). */
  schedule(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.runNow(document);
      }, readSettings().liveRunDelay),
    );
  }

  /** Queues the document to run as soon as the worker is free (now, if it is). */
  runNow(document: vscode.TextDocument): void {
    if (document.isClosed) return; // its name may be another document's now
    const key = document.uri.toString();
    this.owners.set(key, document);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.queue.set(key, document);
    if (this.current === key) this.client.cancel();
    void this.pump();
  }

  /** Differentiates `name` in this document from now on (undefined: the last backward()'s root), and re-runs it. */
  setOutput(document: vscode.TextDocument, name: string | undefined): void {
    const key = document.uri.toString();
    if (name === undefined) this.outputNames.delete(key);
    else this.outputNames.set(key, name);
    this.runNow(document);
  }

  outputName(uri: vscode.Uri): string | undefined {
    return this.outputNames.get(uri.toString());
  }

  /**
   * Opens or closes a fold of the document's graph (a click on a group or a folded value): the
   * graph is built again here from the trace the worker sent, keeping the layout where it can.
   */
  async toggleGroup(uri: vscode.Uri, key: string): Promise<void> {
    const result = this.results.get(uri.toString());
    if (!result) return;
    // Loaded on first use: the view code is not needed to activate the extension.
    const { buildViewGraph } = await import("../view/buildViewGraph");
    const folds = applyToggle(this.folds.get(uri.toString()) ?? noFoldChoices(), result.view, key);
    this.folds.set(uri.toString(), folds);
    const view = buildViewGraph(result.trace, {
      nodeLimit: readSettings().nodeLimit,
      ...folds,
      previous: result.view,
    });
    this.update({ ...result, view });
  }

  /**
   * How the document's graph is drawn now (node limit, folds, layout), for a job that draws new
   * numbers into it — training; undefined when it has not run.
   */
  viewRequest(uri: vscode.Uri): ViewRequest | undefined {
    const result = this.results.get(uri.toString());
    if (!result) return undefined;
    const folds = this.folds.get(uri.toString()) ?? noFoldChoices();
    return { nodeLimit: readSettings().nodeLimit, folds, previous: result.view };
  }

  /** Resolves once no run is scheduled, queued or in flight. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Clears what GradLens keeps for a document (`document`: only while that one still holds the name). */
  forget(uri: vscode.Uri, document?: vscode.TextDocument): void {
    const key = uri.toString();
    const owner = this.owners.get(key);
    if (document !== undefined && owner !== undefined && owner !== document) return;
    this.owners.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.queue.delete(key);
    this.results.delete(key);
    // an untitled document's name is given again to the next one: nothing of this one may stay
    this.outputNames.delete(key);
    this.folds.delete(key);
    this.diagnostics.delete(uri);
    this.inputs.delete(key);
    this.files.diagnostics.forget(key);
    this.settleIfIdle();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.queue.clear();
    this.emitter.dispose();
    this.startEmitter.dispose();
    this.settleIfIdle();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.size > 0) {
        const [key, document] = this.queue.entries().next().value as [string, vscode.TextDocument];
        this.queue.delete(key);
        if (document.isClosed) continue;
        this.current = key;
        this.startEmitter.fire(document.uri);
        const version = document.version;
        const settings = readSettings();
        const outcome = await this.client.run(
          document.getText(),
          {
            fileName: document.fileName,
            language: programLanguage(document) ?? "python",
            stepBudget: settings.stepBudget,
            outputName: this.outputNames.get(key),
            workspace: this.files.host.workspaceFor(document.uri),
          },
          analysisOptions(settings),
          { nodeLimit: settings.nodeLimit, folds: this.folds.get(key) ?? noFoldChoices() },
        );
        this.current = null;
        if (outcome.kind === "stopped" && outcome.reason === "superseded") continue;
        this.apply(document, version, outcome);
      }
    } finally {
      this.current = null;
      this.pumping = false;
      this.settleIfIdle();
    }
  }

  private apply(document: vscode.TextDocument, version: number, outcome: RunOutcome): void {
    // closed while it ran: forget() has cleared it, and a new document may have its name now
    if (document.isClosed) return;
    const key = document.uri.toString();
    const previous = this.results.get(key);
    if (outcome.kind === "stopped") {
      const line = document.lineAt(0).range;
      const diagnostic = new vscode.Diagnostic(line, outcome.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = "GradLens";
      diagnostic.code = "budget";
      // the program's own end (its located error) when only building its trace was stopped
      const ended = outcome.ended ? toVscodeDiagnostics(document, outcome.ended.diagnostics) : [];
      this.diagnostics.set(document.uri, [...ended, diagnostic]);
      void this.files.diagnostics.set(key, []);
      if (previous) this.update({ ...previous, stale: true, staleReason: outcome.message });
      return;
    }
    const { trace, view, health, inline, inlineByDefault } = outcome;
    const found = [...trace.diagnostics, ...health];
    this.diagnostics.set(document.uri, toVscodeDiagnostics(document, found));
    void this.files.diagnostics.set(key, found);
    this.inputs.set(key, { document, paths: new Set(trace.inputs ?? []) });
    const failedToStart = trace.nodes.length === 0 && trace.diagnostics.some((d) => DID_NOT_RUN.has(d.code));
    if (failedToStart && previous) {
      const reason = trace.diagnostics.find((d) => DID_NOT_RUN.has(d.code))?.message ?? null;
      this.update({ ...previous, stale: true, staleReason: reason });
      return;
    }
    this.update({
      uri: document.uri,
      version,
      trace,
      view,
      health,
      inline,
      inlineByDefault,
      stale: false,
      staleReason: null,
    });
  }

  private update(result: DocumentResult): void {
    this.results.set(result.uri.toString(), result);
    this.emitter.fire(result);
  }

  private isIdle(): boolean {
    return this.timers.size === 0 && this.queue.size === 0 && !this.pumping;
  }

  private settleIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
