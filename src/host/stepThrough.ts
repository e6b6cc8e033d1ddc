import * as vscode from "vscode";
import { backwardSteps, describeStep, stepTitle, type BackwardStep } from "../explain/backwardSteps";
import type { Trace } from "../trace/trace";
import type { StepActionMessage, StepMessage } from "../view/protocol";

/** How long each step shows while playing. */
const PLAY_INTERVAL_MS = 1200;

/**
 * GradLens: Step Through Backward Pass — replays the last backward() one node at a time, root
 * first: the graph pulses the node and lists upstream × local = contribution for each input,
 * the editor marks the code that made the node. Next, previous, play and stop come from the
 * panel's controls or the commands.
 */
export class StepThrough implements vscode.Disposable {
  private steps: BackwardStep[] = [];
  private trace: Trace | null = null;
  private document: vscode.TextDocument | null = null;
  private index = -1;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor("editor.findMatchHighlightBackground"),
    borderColor: new vscode.ThemeColor("editor.findMatchBorder"),
    borderStyle: "solid",
    borderWidth: "1px",
  });

  constructor(private readonly post: (step: StepMessage) => void) {}

  /** Starts at the root; returns false (and says why) when the program has no backward(). */
  start(document: vscode.TextDocument, trace: Trace): boolean {
    this.stop();
    this.steps = backwardSteps(trace);
    if (this.steps.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t("Nothing to step through: the program never calls .backward()."),
      );
      return false;
    }
    this.trace = trace;
    this.document = document;
    void vscode.commands.executeCommand("setContext", "gradlens.stepping", true);
    this.go(0);
    return true;
  }

  get active(): boolean {
    return this.trace !== null;
  }

  /** The step shown now (for tests and the status of the controls). */
  get current(): { index: number; total: number; node: number } | null {
    const step = this.steps[this.index];
    return this.trace && step ? { index: this.index, total: this.steps.length, node: step.node } : null;
  }

  act(action: StepActionMessage["action"]): void {
    if (!this.trace) return;
    switch (action) {
      case "next":
        this.pause();
        this.go(this.index + 1);
        break;
      case "previous":
        this.pause();
        this.go(this.index - 1);
        break;
      case "play":
        if (this.index >= this.steps.length - 1) this.go(0);
        this.timer = setInterval(() => {
          if (this.index >= this.steps.length - 1) this.pause();
          else this.go(this.index + 1);
        }, PLAY_INTERVAL_MS);
        this.go(this.index);
        break;
      case "pause":
        this.pause();
        this.go(this.index);
        break;
      case "stop":
        this.stop();
        break;
    }
  }

  stop(): void {
    const wasActive = this.trace !== null;
    this.pause();
    this.trace = null;
    this.steps = [];
    this.index = -1;
    for (const editor of vscode.window.visibleTextEditors) editor.setDecorations(this.decoration, []);
    if (wasActive) {
      void vscode.commands.executeCommand("setContext", "gradlens.stepping", false);
      this.post({ type: "step", node: null, index: 0, total: 0, title: "", lines: [], playing: false });
    }
  }

  dispose(): void {
    this.stop();
    this.decoration.dispose();
  }

  private pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private go(index: number): void {
    const trace = this.trace;
    if (!trace) return;
    this.index = Math.max(0, Math.min(this.steps.length - 1, index));
    const step = this.steps[this.index];
    this.post({
      type: "step",
      node: step.node,
      index: this.index,
      total: this.steps.length,
      title: stepTitle(step, trace, vscode.env.language),
      lines: describeStep(step, trace, vscode.env.language),
      playing: this.timer !== null,
    });
    this.markSource(trace.nodes[step.node].span);
  }

  private markSource(span: { from: number; to: number; file?: string } | null): void {
    const document = this.document;
    const editor = document && vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (!editor || !document) return;
    // a value made in one of the program's modules has no place in this document to mark
    if (!span || span.file !== undefined) {
      editor.setDecorations(this.decoration, []);
      return;
    }
    const range = new vscode.Range(document.positionAt(span.from), document.positionAt(span.to));
    editor.setDecorations(this.decoration, [range]);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
