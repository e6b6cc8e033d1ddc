import * as vscode from "vscode";
import { GraphWebview, type GraphWebviewHandlers } from "./graphWebview";

export const GRAPH_PANEL_TYPE = "gradlens.graph";

/**
 * The editor panel beside the code (GradLens: Show Computation Graph). There is one; showing it
 * again reveals it. It survives a window reload through the serializer registered in activate.
 */
export class GraphPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | null = null;
  private graph: GraphWebview | null = null;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly handlers: GraphWebviewHandlers,
    private readonly onShown: (graph: GraphWebview) => void,
  ) {}

  /** Opens the panel beside the active editor, or reveals it. */
  show(): void {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      GRAPH_PANEL_TYPE,
      vscode.l10n.t("GradLens: Graph"),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, retainContextWhenHidden: true },
    );
    this.adopt(panel);
  }

  /** Takes over a panel VS Code restored after a reload. */
  adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, "media", "activity.svg");
    this.graph = new GraphWebview(panel.webview, this.extensionUri, this.handlers);
    panel.onDidDispose(
      () => {
        this.graph?.dispose();
        this.graph = null;
        this.panel = null;
      },
      null,
      this.disposables,
    );
    this.onShown(this.graph);
  }

  get webview(): GraphWebview | null {
    return this.graph;
  }

  /** The panel's title follows the document it shows. */
  setTitle(fileName: string): void {
    if (this.panel) this.panel.title = vscode.l10n.t("GradLens: {0}", fileName);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
