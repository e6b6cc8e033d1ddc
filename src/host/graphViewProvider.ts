import * as vscode from "vscode";
import { GraphWebview, type GraphWebviewHandlers } from "./graphWebview";

export const GRAPH_VIEW_ID = "gradlens.graphView";

/** The GradLens side view (its own activity-bar container): the same graph as the panel. */
export class GraphViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private graph: GraphWebview | null = null;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly handlers: GraphWebviewHandlers,
    private readonly onShown: (graph: GraphWebview) => void,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.graph?.dispose();
    this.graph = new GraphWebview(view.webview, this.extensionUri, this.handlers);
    view.onDidDispose(() => {
      this.graph?.dispose();
      this.graph = null;
    });
    this.onShown(this.graph);
  }

  get webview(): GraphWebview | null {
    return this.graph;
  }

  dispose(): void {
    this.graph?.dispose();
  }
}
