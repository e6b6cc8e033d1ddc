import type { Box, ViewEdge, ViewGraph, ViewNode } from "../src/view/viewGraph";
import { edgeStrokeClass, edgeTagClass, edgeTagLeft, edgeTagWidth } from "../src/view/render/edgeSvg";
import { redrawHeatmaps, type RenderedGraph } from "./graphRenderer";
import { pointsBox } from "./spatialGrid";

/**
 * A training step or an edited number sends a graph laid out exactly like the one on screen
 * (the view model reuses the layout): then only texts and classes change, and patching them in
 * place is far cheaper than drawing a thousand nodes again — and nothing flickers.
 */

/**
 * Per drawn graph, the items (nodes, then edges) that still show older numbers than the view
 * model, because they were away from the view when the numbers came.
 */
const behind = new WeakMap<RenderedGraph, { graph: ViewGraph; stale: Uint8Array; count: number }>();

/**
 * Writes the numbers, statuses and tooltips of `next` into the drawn elements that are in or
 * near the view (`near`); the rest are written when the view comes near them (`catchUp`). A
 * training step changes every number, and the browser lays out and paints every text that
 * changed, so only what can be seen is changed: a step costs what the view shows, however big
 * the graph is.
 */
export function patchGraph(rendered: RenderedGraph, next: ViewGraph, near: (box: Box) => boolean): void {
  const total = next.nodes.length + next.edges.length;
  let state = behind.get(rendered);
  if (!state || state.stale.length !== total) {
    state = { graph: next, stale: new Uint8Array(total), count: 0 };
    behind.set(rendered, state);
  }
  state.graph = next;
  for (let i = 0; i < total; i++) {
    if (near(itemBounds(next, i))) {
      patchItem(rendered, next, i);
      if (state.stale[i]) state.count--;
      state.stale[i] = 0;
    } else if (!state.stale[i]) {
      state.stale[i] = 1;
      state.count++;
    }
  }
}

/** Writes the latest numbers into what has come near the view since they came. */
export function catchUp(rendered: RenderedGraph, near: (box: Box) => boolean): void {
  const state = behind.get(rendered);
  if (!state || state.count === 0) return;
  const { graph, stale } = state;
  for (let i = 0; i < stale.length; i++) {
    if (stale[i] && near(itemBounds(graph, i))) {
      patchItem(rendered, graph, i);
      stale[i] = 0;
      state.count--;
    }
  }
}

/** Item `i` of a graph: its nodes, then its edges. */
function patchItem(rendered: RenderedGraph, graph: ViewGraph, i: number): void {
  const n = graph.nodes.length;
  if (i < n) {
    const node = graph.nodes[i];
    const element = rendered.elementsByKey.get(node.key)?.[0];
    if (element) patchNode(element, node);
    return;
  }
  const edge = graph.edges[i - n];
  const [stroke, group] = rendered.elementsByKey.get(edge.key) ?? [];
  if (stroke) patchEdge(stroke, group, edge);
}

function itemBounds(graph: ViewGraph, i: number): Box {
  const n = graph.nodes.length;
  return i < n ? graph.nodes[i].box : pointsBox(graph.edges[i - n].points);
}

/** The elements a patch writes into, found once per drawn element (a training run patches hundreds of times). */
interface Parts {
  title: Element | null;
  name: Element | null;
  data: Element | null;
  grad: Element | null;
  loop: Element | null;
  label: Element | null;
  tag: Element | null;
  /** An op node's symbol. */
  symbol: Element | null;
}

const partsCache = new WeakMap<Element, Parts>();

function partsOf(element: Element): Parts {
  let parts = partsCache.get(element);
  if (!parts) {
    parts = {
      title: element.querySelector(":scope > title"),
      name: element.querySelector(".gl-name"),
      data: element.querySelector(".gl-data .gl-value"),
      grad: element.querySelector(".gl-grad .gl-value"),
      loop: element.querySelector(".gl-loop-label"),
      label: element.querySelector('[data-testid="edge-label"]'),
      tag: element.querySelector(".gl-edge-tag rect"),
      symbol: element.querySelector(":scope.gl-op > text"),
    };
    partsCache.set(element, parts);
  }
  return parts;
}

function patchNode(element: Element, node: ViewNode): void {
  const parts = partsOf(element);
  setText(
    parts.title,
    node.kind === "value" && node.fold !== null
      ? `${node.title}\nDouble-click to fold its group back.`
      : node.title,
  );
  if (node.kind === "op") {
    setText(parts.symbol, node.symbol);
    return;
  }
  setText(parts.name, node.label);
  patchLine(parts.data, node.data, node.dataStatus);
  patchLine(parts.grad, node.grad, node.gradStatus);
  if (node.kind === "value") {
    setAttribute(element, "data-name", node.label);
    // a tensor's pictures follow its numbers (a few dozen cells; tensors are few)
    if (node.heatmaps || element.querySelector(":scope > .gl-heatmaps")) redrawHeatmaps(element, node);
  }
  if (node.kind === "group") setText(parts.loop, node.loop ?? "");
}

function patchLine(tspan: Element | null, text: string, status: string): void {
  if (!tspan) return;
  setText(tspan, text);
  setAttribute(tspan, "class", `gl-value gl-status-${status}`);
}

function patchEdge(stroke: Element, group: Element | undefined, edge: ViewEdge): void {
  setAttribute(stroke, "class", edgeStrokeClass(edge));
  if (!group) return;
  setAttribute(group, "class", edgeTagClass(edge));
  const parts = partsOf(group);
  if (edge.chainRule !== null) setText(parts.title, edge.chainRule);
  if (edge.label === null) return;
  setText(parts.label, edge.label);
  if (!parts.tag || edge.labelAt === null) return;
  // the pill follows the label's width, still centred on its point (drawn at absolute coordinates)
  const width = edgeTagWidth(edge.label);
  setAttribute(parts.tag, "x", String(edgeTagLeft(edge.labelAt.x, width)));
  setAttribute(parts.tag, "width", String(width));
}

/** Only what changed: an unchanged class written again still costs the browser a style pass. */
function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Rewrites the existing text node where there is one: cheaper than replacing it. */
function setText(element: Element | null, text: string): void {
  if (!element) return;
  const only = element.firstChild;
  if (only instanceof Text && only.nextSibling === null) {
    if (only.data !== text) only.data = text;
  } else if (element.textContent !== text) element.textContent = text;
}
