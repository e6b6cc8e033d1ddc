import * as vscode from "vscode";
import { parseWebviewMessage, type HostMessage } from "../view/protocol";
import type { DocumentResult } from "./runController";

/**
 * One webview that draws a document's graph: the panel and the side view each own one. It
 * loads the bundled webview script under a nonce CSP, sends the laid-out graph, and hands a
 * click on a node back to the host, which decides what to do with it.
 */
export class GraphWebview implements vscode.Disposable {
  private ready = false;
  private lastMessage: HostMessage | null = null;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly webview: vscode.Webview,
    extensionUri: vscode.Uri,
    private readonly onReveal: (node: number) => void,
  ) {
    webview.options = {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(extensionUri, "dist"),
        vscode.Uri.joinPath(extensionUri, "media"),
      ],
    };
    webview.html = webviewHtml(webview, extensionUri);
    this.subscription = webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseWebviewMessage(raw);
      if (!message) return;
      if (message.type === "ready") {
        this.ready = true;
        if (this.lastMessage) void this.webview.postMessage(this.lastMessage);
      } else if (message.type === "reveal") {
        this.onReveal(message.node);
      }
    });
  }

  /** Shows a document's result, or an empty state with a reason. */
  show(result: DocumentResult | undefined, emptyMessage: string): void {
    const message: HostMessage = result
      ? { type: "graph", graph: result.view, stale: result.stale, title: titleOf(result) }
      : { type: "empty", message: emptyMessage };
    this.post(message);
  }

  private post(message: HostMessage): void {
    this.lastMessage = message;
    if (this.ready) void this.webview.postMessage(message);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function titleOf(result: DocumentResult): string {
  const file = result.uri.path.split("/").pop() ?? "";
  return result.stale && result.staleReason ? `${file} — stale: ${result.staleReason}` : file;
}

function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview.js"));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>GradLens</title>
</head>
<body>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

function makeNonce(): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let nonce = "";
  for (let i = 0; i < 32; i++) nonce += chars.charAt(Math.floor(Math.random() * chars.length));
  return nonce;
}
