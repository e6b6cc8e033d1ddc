import * as vscode from "vscode";
import { formatNumber } from "../view/format";
import type { DocumentResult } from "./runController";

/** The state of the active file's run in the status bar: running, ok (with the root's value), stale or error. */
export class RunStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    "gradlens.status",
    vscode.StatusBarAlignment.Left,
    50,
  );

  constructor() {
    this.item.name = "GradLens";
    this.item.command = "gradlens.showGraph";
  }

  running(): void {
    this.item.text = "$(sync~spin) GradLens";
    this.item.tooltip = vscode.l10n.t("GradLens is running the program…");
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  show(result: DocumentResult | undefined): void {
    if (!result) {
      this.item.hide();
      return;
    }
    const { trace } = result;
    const error = trace.diagnostics.find((d) => d.severity === "error");
    if (result.stale) {
      this.item.text = vscode.l10n.t("$(warning) GradLens: stale");
      this.item.tooltip = vscode.l10n
        .t("Showing the last graph that worked. {0}", result.staleReason ?? "")
        .trim();
      this.item.backgroundColor = new vscode.ThemeColor("statusBarItem.warningBackground");
    } else if (error) {
      this.item.text = vscode.l10n.t("$(error) GradLens: error");
      this.item.tooltip = error.message;
      this.item.backgroundColor = new vscode.ThemeColor("statusBarItem.errorBackground");
    } else {
      const root = trace.root === null ? null : trace.nodes[trace.root];
      this.item.text =
        root && root.data.length === 1
          ? `$(check) GradLens ${formatNumber(root.data[0])}`
          : "$(check) GradLens";
      this.item.tooltip = vscode.l10n.t(
        "{0} values, {1} edges — click to show the graph",
        trace.nodes.length,
        trace.edges.length,
      );
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
