import * as vscode from "vscode";
import {
  parseWebviewMessage,
  type FigureItem,
  type HostMessage,
  type StepActionMessage,
  type StepMessage,
} from "../view/protocol";
import { orient } from "../view/direction";
import type { ViewGraph } from "../view/viewGraph";
import { figureItems, sameFigures } from "./figureItems";
import type { DocumentResult } from "./runController";
import { makeNonce } from "./nonce";
import { readSettings } from "./settings";

/** What the host does with what the user did in a graph webview. */
export interface GraphWebviewHandlers {
  reveal(node: number): void;
  stepAction(action: StepActionMessage["action"]): void;
  toggleGroup(key: string): void;
}

/** Host messages that describe state, replayed in this order when the webview (re)loads. */
const REPLAYED = ["graph", "stale", "empty", "highlight", "losses", "step", "figures"] as const;
type Replayed = (typeof REPLAYED)[number];

/**
 * One webview that draws a document's graph: the panel and the side view each own one. It
 * loads the bundled webview script under a nonce CSP, sends the laid-out graph (and the
 * highlight, loss curve and step-through state on it), and hands what the user does back to
 * the host, which decides what to do with it.
 */
export class GraphWebview implements vscode.Disposable {
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private readonly state = new Map<Replayed, HostMessage>();
  private readonly pictures = new Map<number, (data: Uint8Array | null) => void>();
  private nextPicture = 1;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly webview: vscode.Webview,
    extensionUri: vscode.Uri,
    private readonly handlers: GraphWebviewHandlers,
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
      switch (message.type) {
        case "ready":
          this.ready = true;
          for (const resolve of this.readyWaiters.splice(0)) resolve();
          for (const type of REPLAYED) {
            const replay = this.state.get(type);
            if (replay) void this.webview.postMessage(replay);
          }
          break;
        case "reveal":
          this.handlers.reveal(message.node);
          break;
        case "stepAction":
          this.handlers.stepAction(message.action);
          break;
        case "toggleGroup":
          this.handlers.toggleGroup(message.key);
          break;
        case "exported":
          this.pictures.get(message.id)?.(message.data === null ? null : decodePicture(message.data));
          this.pictures.delete(message.id);
          break;
        case "error":
          break;
      }
    });
  }

  /** Shows a document's result, or an empty state with a reason. */
  show(result: DocumentResult | undefined, emptyMessage: string): void {
    this.showFigures(figureItems(result));
    if (result) {
      this.state.delete("empty");
      // The title names the document (a new title means a new graph to fit); the stale reason
      // goes to the banner.
      const graph = orient(result.view, readSettings().layoutDirection);
      this.post({ type: "graph", graph, stale: result.stale, title: titleOf(result) });
      this.post({ type: "stale", stale: result.stale, reason: result.stale ? result.staleReason : null });
    } else {
      this.state.delete("graph");
      this.state.delete("stale");
      this.post({ type: "empty", message: emptyMessage });
    }
  }

  /**
   * A training step's graph of the document shown: same title and stale mark as the graph on
   * screen, laid out like it, so the webview patches the numbers in place and nothing moves.
   */
  showTrainingGraph(view: ViewGraph): void {
    const current = this.state.get("graph");
    if (current?.type !== "graph") return;
    this.post({ ...current, graph: orient(view, readSettings().layoutDirection) });
  }

  /** The figures of the document shown, for the Figures tab (sent again only when they change). */
  private showFigures(figures: FigureItem[]): void {
    const current = this.state.get("figures");
    if (current?.type === "figures" && sameFigures(current.figures, figures)) return;
    this.post({ type: "figures", figures });
  }

  /** The training loss curve, as it grows. */
  showLosses(values: number[], done: boolean): void {
    this.post({ type: "losses", values, done });
  }

  /** Marks the nodes the code under the cursor made. */
  highlight(nodes: number[]): void {
    this.post({ type: "highlight", nodes });
  }

  /** Shows a step of the backward pass (or ends the step-through). */
  showStep(step: StepMessage): void {
    this.post(step);
  }

  /** The graph drawn as the webview draws it: SVG text or PNG bytes; null if it is not showing. */
  async picture(format: "svg" | "png"): Promise<Uint8Array | null> {
    if (!this.ready) {
      // A panel just opened loads its script first.
      const loaded = new Promise<void>((resolve) => this.readyWaiters.push(resolve));
      await Promise.race([loaded, new Promise((r) => setTimeout(r, 15_000))]);
    }
    if (!this.ready || !this.state.has("graph")) return null;
    const id = this.nextPicture++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pictures.delete(id);
        resolve(null);
      }, 15_000);
      this.pictures.set(id, (data) => {
        clearTimeout(timer);
        resolve(data);
      });
      void this.webview.postMessage({ type: "exportRequest", id, format } satisfies HostMessage);
    });
  }

  private post(message: HostMessage & { type: Replayed }): void {
    this.state.set(message.type, message);
    if (this.ready) void this.webview.postMessage(message);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const resolve of this.pictures.values()) resolve(null);
  }
}

/** SVG arrives as text, PNG as base64 (`data:` URL or bare). */
function decodePicture(data: string): Uint8Array {
  const base64 = /^data:image\/png;base64,(.*)$/s.exec(data)?.[1];
  return base64 !== undefined ? Buffer.from(base64, "base64") : new TextEncoder().encode(data);
}

function titleOf(result: DocumentResult): string {
  return result.uri.path.split("/").pop() ?? "";
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
<html lang="${htmlAttribute(vscode.env.language)}">
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

/** The display language goes into the page's `lang`, where the webview reads it for its own labels. */
function htmlAttribute(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, "");
}
