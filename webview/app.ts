import { applyNumbers } from "../src/view/numbersPatch";
import type { HostMessage, NumbersMessage } from "../src/view/protocol";
import type { LayoutDirection, ViewGraph } from "../src/view/viewGraph";
import { usesCanvas } from "./canvasDetail";
import { CanvasRenderer } from "./canvasRenderer";
import { pathsBetween, rootKey, search } from "./focusPaths";
import { catchUp, patchGraph } from "./graphPatch";
import { samePlaces } from "../src/view/samePlaces";
import { drawnIds } from "./groupMembers";
import { renderGraph, type RenderedGraph } from "./graphRenderer";
import { GraphIndex, neighbourhood } from "./neighbourhood";
import { Minimap } from "./minimap";
import { editorFontPx, fitWhole, openingView, readableScales, type Readable } from "./firstSight";
import { PanZoom, type Transform } from "./panZoom";
import { svgElement } from "./svg";
import type { VsCodeApi } from "./vscodeApi";
import { messages } from "../src/l10n/messages";

// The host writes VS Code's display language into the page's `lang`.
const t = messages(document.documentElement.lang || "en");

/** Graphs with more nodes draw what is in view first and the rest in the background. */
const PROGRESSIVE_NODES = 600;

/** Clicks on groups closer together than this are one gesture (a double-click). */
const TOGGLE_GAP_MS = 400;

/** Below this zoom the numbers are left out. */
const FAR_SCALE = 0.45;

/** What a patch writes at once: the view, grown by this share of its size on every side. */
const NEAR_VIEW = 0.5;

/** What survives the webview being hidden and shown again (VS Code's `setState`). */
interface SavedState {
  title: string;
  direction: LayoutDirection;
  transform: { x: number; y: number; k: number };
}

/** How long the page's size must hold still before the host hears of it. */
const VIEWPORT_SETTLE_MS = 150;

/**
 * The webview's page: a header (title, the root's value, zoom buttons), the stale banner, the
 * graph and the empty state. It applies host messages and turns clicks into `reveal` messages.
 */
export class GraphApp {
  private readonly header: HTMLElement;
  private readonly titleText: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly bannerReason: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private readonly empty: HTMLElement;
  private readonly emptyText: HTMLElement;
  private readonly legend: HTMLElement;
  /** The legend's entry for values cut off from the graph: shown only when the graph has one. */
  private readonly cutLegend: HTMLElement;
  private readonly panZoom: PanZoom;
  private graph: ViewGraph | null = null;
  private rendered: RenderedGraph | null = null;
  /** Draws big graphs instead of the SVG (which then stays empty, as the surface for pointer events). */
  private readonly canvas: CanvasRenderer;
  private index: GraphIndex | null = null;
  private title: string | null = null;
  /** Trace ids the host asked to emphasise; nodes drawn later pick it up too. */
  private highlighted = new Set<number>();
  private selected: number | null = null;
  /** The view key of the selected node (a value, or a group), for focus mode. */
  private selectedKey: string | null = null;
  private readonly searchBox: HTMLInputElement;
  private readonly searchCount: HTMLElement;
  private readonly focusButton: HTMLButtonElement;
  private matches: string[] = [];
  private matchAt = -1;
  private focused = false;
  private readonly minimap: Minimap;
  private lastToggle = -Infinity;
  /** A fit asked for while the view had no size (hidden); done once it has one. */
  private fitPending = false;

  constructor(
    root: HTMLElement,
    private readonly vscode: VsCodeApi,
  ) {
    const app = html(root, "div", { id: "gl-app" });
    this.header = html(app, "header", { class: "gl-header", hidden: "" });
    this.titleText = html(this.header, "span", { class: "gl-title" });
    this.summary = html(this.header, "span", { class: "gl-summary" });
    const toolbar = html(this.header, "div", { class: "gl-toolbar", role: "toolbar" });
    this.searchBox = html(toolbar, "input", {
      type: "search",
      class: "gl-search",
      placeholder: t("view.search.placeholder"),
      "aria-label": t("view.search.label"),
    });
    this.searchBox.oninput = () => this.find(false);
    this.searchBox.onkeydown = (e) => {
      if (e.key === "Enter") this.find(true);
      else if (e.key === "Escape") {
        this.searchBox.value = "";
        this.find(false);
      }
    };
    this.searchCount = html(toolbar, "span", { class: "gl-search-count" });
    this.focusButton = html(
      toolbar,
      "button",
      { type: "button", title: t("view.focus.title") },
      t("view.focus"),
    );
    this.focusButton.onclick = () => this.toggleFocus();
    html(toolbar, "button", { type: "button", title: t("view.fit.title") }, t("view.fit")).onclick = () =>
      this.fit(true);
    html(toolbar, "button", { type: "button", title: t("view.actualSize.title") }, "100%").onclick = () =>
      this.panZoom.scaleTo(this.readable().full);

    this.banner = html(app, "div", { id: "stale-banner", role: "status", hidden: "" });
    html(this.banner, "span", { class: "gl-banner-text" }, t("view.stale"));
    this.bannerReason = html(this.banner, "span", { class: "gl-reason" });

    const stage = html(app, "div", { class: "gl-stage" });
    this.svg = svgElement(stage, "svg", { id: "graph", role: "img", "aria-label": t("view.graph.label") });
    this.svg.toggleAttribute("hidden", true);
    this.viewport = svgElement(this.svg, "g", { class: "gl-viewport" });
    this.empty = html(stage, "div", { id: "empty" });
    html(this.empty, "div", { class: "gl-empty-mark", "aria-hidden": "true" }, "∂");
    this.emptyText = html(this.empty, "div", { class: "gl-empty-text" }, t("view.waiting"));
    this.legend = html(stage, "div", { class: "gl-legend", hidden: "" });
    for (const [swatch, text] of [
      ["leaf", t("view.legend.leaf")],
      ["const", t("view.legend.const")],
      ["root", t("view.legend.root")],
      ["flow", t("view.legend.flow")],
      ["cut", t("view.legend.cut")],
    ]) {
      const item = html(this.legend, "span", { "data-legend": swatch });
      html(item, "i", { class: `gl-sw-${swatch}` });
      item.append(text);
    }
    this.cutLegend = this.legend.querySelector<HTMLElement>('[data-legend="cut"]')!;

    this.canvas = new CanvasRenderer(stage, this.svg);
    this.minimap = new Minimap(stage, (x, y) => this.panZoom.centreOn(x, y));
    this.panZoom = new PanZoom(this.svg, this.viewport, (t) => {
      this.canvas.setTransform(t);
      this.updateMinimap();
      // Numbers patched while these parts were away from the view reach them as they come near.
      if (this.rendered) catchUp(this.rendered, this.panZoom.inView(NEAR_VIEW));
      // Far out, numbers are specks: leave them out, which also keeps big graphs smooth.
      this.svg.classList.toggle("gl-far", t.k < FAR_SCALE);
      this.saveTransform(t);
    });
    new ResizeObserver(() => {
      this.updateMinimap();
      if (this.fitPending) this.fit();
    }).observe(this.svg);
    // The host lays the graph out to suit the page's shape (left to right, or top to bottom).
    this.postViewport();
    let settle = 0;
    window.addEventListener("resize", () => {
      clearTimeout(settle);
      settle = window.setTimeout(() => this.postViewport(), VIEWPORT_SETTLE_MS);
    });
    window.addEventListener("keydown", (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLInputElement) return;
      if (e.key === "Escape" && this.focused) this.toggleFocus();
      else if (e.key === "f" || e.key === "F") this.fit(true);
      else if (e.key === "0") this.panZoom.scaleTo(this.readable().full);
    });
    this.svg.addEventListener("click", (e) => this.onClick(e));
    this.svg.addEventListener("dblclick", (e) => this.onDoubleClick(e));
    this.svg.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") this.onClick(e);
    });
    this.svg.addEventListener("mouseover", (e) => this.focusAround(e.target));
    this.svg.addEventListener("mouseout", () => this.focusAround(null));
  }

  apply(message: HostMessage): void {
    switch (message.type) {
      case "graph":
        this.showGraph(message.graph, message.title);
        this.setStale(message.stale && this.graph !== null, null);
        break;
      case "numbers":
        this.showNumbers(message);
        break;
      case "stale":
        this.setStale(message.stale && this.graph !== null, message.reason);
        break;
      case "empty":
        this.showEmpty(message.message);
        break;
      case "highlight":
        this.highlight(message.nodes, true);
        break;
    }
  }

  private showGraph(graph: ViewGraph, title: string): void {
    if (graph.nodes.length === 0) {
      this.showEmpty(t("view.noValues", title));
      return;
    }
    const firstOfTitle = this.title !== title;
    // Turned (the panel changed shape): a new layout, to be fitted anew as well.
    const turned = this.graph !== null && this.graph.direction !== graph.direction;
    const onCanvas = usesCanvas(graph);
    if (
      !firstOfTitle &&
      this.graph &&
      onCanvas === this.canvas.active() &&
      (onCanvas || this.rendered?.complete()) &&
      samePlaces(this.graph, graph)
    ) {
      // Same layout, new numbers: patch the texts, keep the view and the DOM.
      this.graph = graph;
      this.index = new GraphIndex(graph);
      this.patchDrawn();
      return;
    }
    // Highlights name trace ids, which mean nothing in another program's graph.
    if (firstOfTitle) this.highlighted = new Set();
    this.rendered?.cancel();
    this.rendered = null;
    this.viewport.replaceChildren();
    this.graph = graph;
    this.title = title;
    this.index = new GraphIndex(graph);
    this.selected = null;
    this.selectedKey = null;
    this.focused = false;
    this.svg.classList.remove("gl-focus-mode");
    this.matches = [];
    this.header.hidden = false;
    this.legend.hidden = false;
    this.cutLegend.hidden = !graph.nodes.some((n) => n.kind === "value" && n.cut !== undefined);
    this.svg.toggleAttribute("hidden", false);
    this.empty.hidden = true;
    this.titleText.textContent = title;
    this.renderSummary(graph);
    // Place the view before drawing (cheap on an empty SVG), so a big graph can draw what is in view first.
    if (firstOfTitle || turned) {
      const saved = this.vscode.getState() as SavedState | undefined;
      if (saved && saved.title === title && saved.direction === graph.direction && saved.transform) {
        this.panZoom.set(saved.transform);
      } else {
        this.fit();
      }
    }
    this.minimap.show(graph);
    this.updateMinimap();
    if (onCanvas) {
      this.rendered = null;
      this.canvas.show(graph, this.index);
      this.canvas.setHighlighted(this.highlightedKeys());
      return;
    }
    this.canvas.hide();
    this.rendered = renderGraph(this.viewport, graph, {
      inView: graph.nodes.length > PROGRESSIVE_NODES ? this.panZoom.inView(0.5) : null,
      onValueNode: (node, group) => group.classList.toggle("gl-highlight", this.highlighted.has(node.trace)),
    });
  }

  /**
   * A training step's (or an edited number's) numbers for the graph on screen: written into the
   * view model, then into what is drawn. Numbers for another graph are dropped.
   */
  private showNumbers(message: NumbersMessage): void {
    if (!this.graph || message.title !== this.title) return;
    if (!applyNumbers(this.graph, message)) {
      this.vscode.postMessage({
        type: "error",
        message: "GradLens webview: numbers that do not fit the graph",
      });
      return;
    }
    this.patchDrawn();
  }

  /** The numbers of `this.graph` into what is drawn: the canvas's next frame, or the SVG's texts. */
  private patchDrawn(): void {
    if (!this.graph) return;
    if (this.canvas.active()) this.canvas.patch(this.graph);
    else if (this.rendered) patchGraph(this.rendered, this.graph, this.panZoom.inView(NEAR_VIEW));
    this.renderSummary(this.graph);
  }

  /** The graph on screen, with the numbers of the latest patch (what Export Graph draws). */
  drawnGraph(): ViewGraph | null {
    return this.graph;
  }

  private renderSummary(graph: ViewGraph): void {
    this.summary.replaceChildren();
    const values = graph.nodes.filter((n) => n.kind === "value").length;
    const root = graph.nodes.find((n) => n.kind === "value" && n.root);
    if (root && root.kind === "value") {
      this.summary.append(`${root.label} = `);
      html(this.summary, "b", {}, root.data);
      this.summary.append(" · ");
    } else if (graph.root === null) {
      this.summary.append(t("view.noBackward"));
    }
    const groups = graph.nodes.filter((n) => n.kind === "group");
    const folded = groups.reduce((sum, n) => sum + (n.kind === "group" ? n.values : 0), 0);
    this.summary.append(
      groups.length === 0
        ? t("view.values", values)
        : t("view.valuesFolded", values + folded, folded, groups.length),
    );
  }

  /**
   * `whole` (the Fit button): everything, however small, never larger than "100%". Otherwise
   * the opening view: everything when it fits at a readable size, else the root's neighbourhood.
   */
  private fit(whole = false): void {
    if (!this.graph) return;
    const { width, height } = this.panZoom.size();
    this.fitPending = width === 0 || height === 0; // hidden: fitted once it has a size
    if (this.fitPending) return;
    const readable = this.readable();
    this.panZoom.set(
      whole
        ? fitWhole(this.graph, width, height, readable.full)
        : openingView(this.graph, width, height, readable),
    );
  }

  /** "100%" and the least readable scale, from the editor's font size as VS Code gives it to the page. */
  private readable(): Readable {
    const style = getComputedStyle(document.documentElement);
    return readableScales(editorFontPx(style.getPropertyValue("--vscode-editor-font-size")));
  }

  private postViewport(): void {
    this.vscode.postMessage({ type: "viewport", width: window.innerWidth, height: window.innerHeight });
  }

  private setStale(stale: boolean, reason: string | null): void {
    this.banner.hidden = !stale;
    document.body.classList.toggle("gl-stale", stale);
    this.bannerReason.textContent = reason ?? "";
  }

  private showEmpty(message: string): void {
    this.graph = null;
    this.minimap.show(null);
    this.rendered?.cancel();
    this.rendered = null;
    this.canvas.hide();
    this.index = null;
    this.title = null;
    this.viewport.replaceChildren();
    this.svg.toggleAttribute("hidden", true);
    this.header.hidden = true;
    this.legend.hidden = true;
    this.setStale(false, null);
    this.empty.hidden = false;
    this.emptyText.textContent = message;
  }

  private highlight(nodes: readonly number[], reveal = false): void {
    this.highlighted = new Set(nodes);
    if (!this.graph || (!this.rendered && !this.canvas.active())) return;
    // A folded value lights the group it is folded into.
    const wanted = drawnIds(this.graph, nodes);
    if (this.canvas.active()) this.canvas.setHighlighted(this.highlightedKeys());
    for (const [trace, element] of this.rendered?.valueNodes ?? []) {
      element.classList.toggle("gl-highlight", wanted.has(trace));
    }
    const first = this.graph.nodes.find((n) => n.kind !== "op" && wanted.has(n.trace));
    if (reveal && first) this.panZoom.reveal(first.box);
  }

  /**
   * The step-through's current node (a trace id, null when not stepping): on the canvas its ring
   * pulses (on the SVG, the step panel puts the pulse class on its element).
   */
  setStepNode(node: number | null): void {
    let key: string | null = null;
    if (node !== null && this.graph && this.canvas.active()) {
      const wanted = drawnIds(this.graph, [node]);
      key = this.graph.nodes.find((n) => n.kind !== "op" && wanted.has(n.trace))?.key ?? null;
    }
    this.canvas.setPulsing(key);
  }

  /** The keys of the value and group nodes the highlighted trace ids light (for the canvas). */
  private highlightedKeys(): Set<string> {
    if (!this.graph) return new Set();
    const wanted = drawnIds(this.graph, [...this.highlighted]);
    const keys = new Set<string>();
    for (const n of this.graph.nodes) if (n.kind !== "op" && wanted.has(n.trace)) keys.add(n.key);
    return keys;
  }

  /**
   * A click on a value, or on an op node (which stands for the value it makes), reveals that
   * value's source; a click on a group asks the host to open it.
   */
  private onClick(event: Event): void {
    if (this.canvas.active()) {
      this.onCanvasClick(event);
      return;
    }
    const node = (event.target as Element | null)?.closest?.(".gl-node, .gl-op");
    if (!(node instanceof SVGGElement) || !this.rendered) return;
    this.selectedKey = node.dataset.key?.replace(/^o/, "v") ?? null;
    if (node.classList.contains("gl-group") && node.dataset.key) {
      // One toggle per gesture: the second click of a double-click must not toggle again.
      if (event.timeStamp - this.lastToggle > TOGGLE_GAP_MS) {
        this.lastToggle = event.timeStamp;
        this.vscode.postMessage({ type: "toggleGroup", key: node.dataset.key });
      }
      return;
    }
    const trace = Number(node.dataset.node);
    if (!Number.isInteger(trace)) return;
    if (this.selected !== null) this.rendered.valueNodes.get(this.selected)?.classList.remove("gl-selected");
    this.selected = trace;
    this.rendered.valueNodes.get(trace)?.classList.add("gl-selected");
    this.vscode.postMessage({ type: "reveal", node: trace });
  }

  /** A click on the canvas: the same messages as on the SVG, for the node under the pointer. */
  private onCanvasClick(event: Event): void {
    if (!(event instanceof MouseEvent)) return;
    const node = this.canvas.nodeAt(event.clientX, event.clientY);
    if (!node) return;
    this.selectedKey = node.key.replace(/^o/, "v");
    if (node.kind === "group") {
      if (event.timeStamp - this.lastToggle > TOGGLE_GAP_MS) {
        this.lastToggle = event.timeStamp;
        this.vscode.postMessage({ type: "toggleGroup", key: node.key });
      }
      return;
    }
    this.selected = node.trace;
    this.canvas.setSelected(node.kind === "op" ? this.selectedKey : node.key);
    this.vscode.postMessage({ type: "reveal", node: node.trace });
  }

  private updateMinimap(): void {
    const visible = this.panZoom?.visibleBox();
    if (visible) this.minimap.view(visible);
  }

  /** Marks the nodes whose name contains the search text; `next`: moves to the next one. */
  private find(next: boolean): void {
    if (!this.graph || (!this.rendered && !this.canvas.active())) return;
    const drawn = this.rendered?.elementsByKey;
    for (const key of this.matches) for (const el of drawn?.get(key) ?? []) el.classList.remove("gl-match");
    this.matches = search(this.graph, this.searchBox.value);
    for (const key of this.matches) for (const el of drawn?.get(key) ?? []) el.classList.add("gl-match");
    if (this.canvas.active()) this.canvas.setMatches(this.matches);
    if (this.matches.length === 0) {
      this.matchAt = -1;
      this.searchCount.textContent = this.searchBox.value.trim() === "" ? "" : t("view.search.none");
      return;
    }
    this.matchAt = next ? (this.matchAt + 1) % this.matches.length : 0;
    this.searchCount.textContent = `${this.matchAt + 1}/${this.matches.length}`;
    const node = this.index?.nodes.get(this.matches[this.matchAt]);
    if (node) {
      this.panZoom.reveal(node.box);
      this.selectedKey = node.key;
    }
  }

  /** Focus mode: only the paths between the selected node and the root stay drawn. */
  private toggleFocus(): void {
    if (!this.graph || (!this.rendered && !this.canvas.active())) return;
    this.svg.querySelectorAll(".gl-on-path").forEach((e) => e.classList.remove("gl-on-path"));
    const root = rootKey(this.graph);
    const keys =
      !this.focused && this.selectedKey && root
        ? pathsBetween(this.graph, this.selectedKey, root)
        : new Set<string>();
    this.focused = keys.size > 0;
    for (const key of keys)
      for (const el of this.rendered?.elementsByKey.get(key) ?? []) el.classList.add("gl-on-path");
    if (this.canvas.active()) this.canvas.setFocus(this.focused ? keys : null);
    this.svg.classList.toggle("gl-focus-mode", this.focused);
    this.focusButton.classList.toggle("gl-active", this.focused);
    this.focusButton.setAttribute("aria-pressed", String(this.focused));
  }

  /** A double-click on a value that belongs to an open group folds that group back. */
  private onDoubleClick(event: Event): void {
    if (this.canvas.active()) {
      const at = event instanceof MouseEvent ? this.canvas.nodeAt(event.clientX, event.clientY) : null;
      // an open call box's name folds it back, as the SVG's frame label does
      const frame =
        at === null && event instanceof MouseEvent ? this.canvas.frameAt(event.clientX, event.clientY) : null;
      if (frame) {
        this.lastToggle = event.timeStamp;
        this.vscode.postMessage({ type: "toggleGroup", key: frame.key });
        return;
      }
      if (at?.kind !== "value" || at.fold === null) return;
      this.lastToggle = event.timeStamp;
      this.vscode.postMessage({ type: "toggleGroup", key: at.fold });
      return;
    }
    // a member of an open group, or an open call box's frame, folds back
    const node = (event.target as Element | null)?.closest?.(".gl-node, .gl-frame");
    if (!(node instanceof SVGGElement) || !node.dataset.fold) return;
    this.lastToggle = event.timeStamp;
    this.vscode.postMessage({ type: "toggleGroup", key: node.dataset.fold });
  }

  /** Hovering a node lights it, its edges and their other ends; hovering an edge lights it and its ends. */
  private focusAround(target: EventTarget | null): void {
    this.svg.querySelectorAll(".gl-lit").forEach((e) => e.classList.remove("gl-lit"));
    const element = target instanceof Element ? target.closest("[data-key]") : null;
    const key = element instanceof SVGElement ? element.dataset.key : undefined;
    if (!key || !this.rendered || !this.index) {
      this.svg.classList.remove("gl-focusing");
      return;
    }
    for (const k of neighbourhood(this.index, key)) {
      for (const el of this.rendered.elementsByKey.get(k) ?? []) el.classList.add("gl-lit");
    }
    this.svg.classList.add("gl-focusing");
  }

  private saveTransform(t: Transform): void {
    if (this.title === null || !this.graph) return;
    const state: SavedState = {
      title: this.title,
      direction: this.graph.direction,
      transform: { x: t.x, y: t.y, k: t.k },
    };
    this.vscode.setState(state);
  }
}

function html<K extends keyof HTMLElementTagNameMap>(
  parent: Element,
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  parent.appendChild(element);
  return element;
}
