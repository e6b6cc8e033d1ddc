import * as vscode from "vscode";
import {
  graphOnWire,
  parseWebviewMessage,
  type FigureItem,
  type HostMessage,
  type StepActionMessage,
  type StepMessage,
} from "../view/protocol";
import { orient, resolveDirection, type LayoutDirection } from "../view/direction";
import { encodeNumbers } from "../view/numbersPatch";
import { samePlaces } from "../view/samePlaces";
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

/** A training run's numbers go several times a second; their tooltips at most this often. */
const TOOLTIP_INTERVAL_MS = 250;
/** A graph of more nodes goes without its tooltips, which follow this much later. */
const LIGHT_GRAPH_NODES = 300;
const TOOLTIPS_AFTER_GRAPH_MS = 60;

/**
 * Host messages that describe state, replayed in this order when the webview (re)loads. The
 * graph is replayed from `shown` (with the latest numbers, in the direction of the moment).
 */
const REPLAYED = ["graph", "stale", "empty", "highlight", "losses", "step", "figures"] as const;
type Replayed = (typeof REPLAYED)[number];

/** A graph on screen: as the view model laid it out (left to right), what it is of, and its stale mark. */
interface Shown {
  view: ViewGraph;
  title: string;
  stale: boolean;
}

/**
 * One webview that draws a document's graph: the panel and the side view each own one. It
 * loads the bundled webview script under a nonce CSP, sends the laid-out graph (and the
 * highlight, loss curve and step-through state on it), and hands what the user does back to
 * the host, which decides what to do with it.
 */
export class GraphWebview implements vscode.Disposable {
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private readonly state = new Map<Exclude<Replayed, "graph">, HostMessage>();
  private shown: Shown | null = null;
  /** The webview's size (it says, before `ready`), for `auto` direction; null until known. */
  private size: { width: number; height: number } | null = null;
  /** The direction of the graph last sent, which the `numbers` that follow it are placed in. */
  private sentDirection: LayoutDirection | null = null;
  /** Whole graphs sent so far (numbers patch the last one). */
  private graphsSent = 0;
  /** When numbers last went with their tooltips, and the timer that sends the latest ones' later. */
  private tooltipsSentAt = -Infinity;
  private tooltipsTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last graph turned for the webview, so a patched one keeps its places without turning again. */
  private oriented: { view: ViewGraph; graph: ViewGraph } | null = null;
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
            if (type === "graph") this.sendGraph();
            else {
              const replay = this.state.get(type);
              if (replay) void this.webview.postMessage(replay);
            }
          }
          break;
        case "viewport": {
          this.size = { width: message.width, height: message.height };
          // A panel dragged from wide to tall (or back) gets its graph turned.
          if (this.ready && this.shown && this.direction() !== this.sentDirection) this.sendGraph();
          break;
        }
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
      this.showGraph({ view: result.view, title: titleOf(result), stale: result.stale });
      this.post({ type: "stale", stale: result.stale, reason: result.stale ? result.staleReason : null });
    } else {
      this.shown = null;
      this.oriented = null;
      this.state.delete("stale");
      this.post({ type: "empty", message: emptyMessage });
    }
  }

  /**
   * A training step's graph of the document shown: same title and stale mark as the graph on
   * screen, laid out like it, so only its numbers go to the webview and nothing moves.
   */
  showTrainingGraph(view: ViewGraph): void {
    if (this.shown) this.showGraph({ ...this.shown, view });
  }

  /**
   * The graph, or when it is laid out like the one on screen (a training step, an edited
   * number), only its numbers: a few typed arrays instead of the whole view.
   */
  private showGraph(next: Shown): void {
    const before = this.shown;
    this.shown = next;
    if (!this.ready) return; // `ready` replays it
    if (
      before !== null &&
      before.title === next.title &&
      before.stale === next.stale &&
      this.sentDirection === this.direction() &&
      samePlaces(before.view, next.view)
    ) {
      if (before.view === next.view) return; // shown again as it is: nothing new
      if (this.sendNumbers(next)) return;
    }
    this.sendGraph();
  }

  /**
   * The numbers of `shown`; with its tooltips (most of the bytes) at most every
   * TOOLTIP_INTERVAL_MS, and the latest tooltips once the numbers stop coming. False when they
   * cannot go as numbers.
   */
  private sendNumbers(shown: Shown): boolean {
    const now = Date.now();
    const tooltips = now - this.tooltipsSentAt >= TOOLTIP_INTERVAL_MS;
    const numbers = encodeNumbers(shown.view, shown.title, tooltips);
    if (!numbers) return false;
    void this.webview.postMessage(numbers);
    if (tooltips) this.tooltipsSentAt = now;
    else this.sendTooltipsLater(TOOLTIP_INTERVAL_MS);
    return true;
  }

  /** The tooltips of what is shown then, unless a whole graph (which has its own) has gone since. */
  private sendTooltipsLater(delay: number): void {
    const layout = this.graphsSent;
    this.tooltipsTimer ??= setTimeout(() => {
      this.tooltipsTimer = undefined;
      const latest = this.shown;
      if (layout !== this.graphsSent || !latest) return;
      const full = encodeNumbers(latest.view, latest.title, true);
      if (full) void this.webview.postMessage(full);
      this.tooltipsSentAt = Date.now();
    }, delay);
  }

  /**
   * The graph; a big one first without its tooltips, which follow once it is drawn, so that
   * the first picture does not wait for hundreds of kilobytes of hover text.
   */
  private sendGraph(): void {
    const message = this.graphMessage();
    if (!message) return;
    clearTimeout(this.tooltipsTimer);
    this.tooltipsTimer = undefined;
    this.graphsSent++;
    const light = message.graph.nodes.length > LIGHT_GRAPH_NODES;
    void this.webview.postMessage(graphOnWire(message, !light));
    if (light) this.sendTooltipsLater(TOOLTIPS_AFTER_GRAPH_MS);
  }

  /** The graph message for what is shown, turned for the webview's shape; records the direction sent. */
  private graphMessage(): (HostMessage & { type: "graph" }) | null {
    if (!this.shown) return null;
    const { view, title, stale } = this.shown;
    const direction = this.direction();
    this.sentDirection = direction;
    return { type: "graph", graph: this.orient(view, direction), stale, title };
  }

  /** The direction the setting asks for, for the graph shown in this webview's shape. */
  private direction(): LayoutDirection {
    const { width, height } = this.size ?? { width: 0, height: 0 };
    const view = this.shown?.view;
    const shape = view && view.width > 0 ? view.height / view.width : 0;
    return resolveDirection(readSettings().layoutDirection, width, height, this.sentDirection, shape);
  }

  /** `view` turned to `direction`; a graph laid out like the last one turned takes its places. */
  private orient(view: ViewGraph, direction: LayoutDirection): ViewGraph {
    const last = this.oriented;
    if (last && last.graph.direction === direction) {
      if (last.view === view) return last.graph;
      if (samePlaces(last.view, view)) {
        const graph = withPlacesOf(view, last.graph);
        this.oriented = { view, graph };
        return graph;
      }
    }
    const graph = orient(view, direction);
    this.oriented = { view, graph };
    return graph;
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
    if (!this.ready || !this.shown) return null;
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

  private post(message: HostMessage & { type: Exclude<Replayed, "graph"> }): void {
    this.state.set(message.type, message);
    if (this.ready) void this.webview.postMessage(message);
  }

  dispose(): void {
    clearTimeout(this.tooltipsTimer);
    this.subscription.dispose();
    for (const resolve of this.pictures.values()) resolve(null);
  }
}

/** `view`'s nodes and edges (same keys, same order) in the places `placed` has them. */
function withPlacesOf(view: ViewGraph, placed: ViewGraph): ViewGraph {
  return {
    ...view,
    direction: placed.direction,
    width: placed.width,
    height: placed.height,
    nodes: view.nodes.map((node, i) => ({ ...node, box: placed.nodes[i].box })),
    edges: view.edges.map((edge, i) => ({
      ...edge,
      points: placed.edges[i].points,
      labelAt: placed.edges[i].labelAt,
    })),
  };
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
