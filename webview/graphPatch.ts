import type { Box, Point, ViewEdge, ViewGraph, ViewNode } from "../src/view/viewGraph";
import { EDGE_LABEL, textWidth } from "../src/view/nodeMetrics";
import type { RenderedGraph } from "./graphRenderer";
import { weightClass } from "./styles";

/**
 * A training step or an edited number sends a graph laid out exactly like the one on screen
 * (the view model reuses the layout): then only texts and classes change, and patching them in
 * place is far cheaper than drawing a thousand nodes again — and nothing flickers.
 */

/** Whether `next` draws into the same places as `drawn`: same nodes, boxes, edges and routes. */
export function samePlaces(drawn: ViewGraph, next: ViewGraph): boolean {
  if (drawn.nodes.length !== next.nodes.length || drawn.edges.length !== next.edges.length) return false;
  if (drawn.width !== next.width || drawn.height !== next.height) return false;
  for (let i = 0; i < next.nodes.length; i++) {
    const a = drawn.nodes[i];
    const b = next.nodes[i];
    if (a.key !== b.key || a.kind !== b.kind || !sameBox(a.box, b.box)) return false;
    if (a.kind === "group" && b.kind === "group" && (a.loop === null) !== (b.loop === null)) return false;
    if (
      a.kind === "value" &&
      b.kind === "value" &&
      (a.role !== b.role || a.root !== b.root || a.fold !== b.fold)
    )
      return false;
  }
  for (let i = 0; i < next.edges.length; i++) {
    const a = drawn.edges[i];
    const b = next.edges[i];
    if (a.key !== b.key || a.kind !== b.kind || !samePoints(a.points, b.points)) return false;
    // A label or hover that appears or goes away changes the elements, not only their text.
    if ((a.label === null) !== (b.label === null) || (a.chainRule === null) !== (b.chainRule === null))
      return false;
    if (
      a.labelAt !== null &&
      b.labelAt !== null &&
      (a.labelAt.x !== b.labelAt.x || a.labelAt.y !== b.labelAt.y)
    )
      return false;
  }
  return true;
}

/** Writes the numbers, statuses and tooltips of `next` into the drawn elements. */
export function patchGraph(rendered: RenderedGraph, next: ViewGraph): void {
  for (const node of next.nodes) {
    const element = rendered.elementsByKey.get(node.key)?.[0];
    if (element) patchNode(element, node);
  }
  for (const edge of next.edges) {
    const [stroke, group] = rendered.elementsByKey.get(edge.key) ?? [];
    if (stroke) patchEdge(stroke, group, edge);
  }
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
  if (node.kind === "op") return;
  setText(parts.name, node.label);
  patchLine(parts.data, node.data, node.dataStatus);
  patchLine(parts.grad, node.grad, node.gradStatus);
  if (node.kind === "value") setAttribute(element, "data-name", node.label);
  if (node.kind === "group") setText(parts.loop, node.loop ?? "");
}

function patchLine(tspan: Element | null, text: string, status: string): void {
  if (!tspan) return;
  setText(tspan, text);
  setAttribute(tspan, "class", `gl-value gl-status-${status}`);
}

function patchEdge(stroke: Element, group: Element | undefined, edge: ViewEdge): void {
  const weight = weightClass(edge.weight);
  setAttribute(stroke, "class", `gl-edge-stroke gl-edge-${edge.kind} gl-status-${edge.status} ${weight}`);
  if (!group) return;
  setAttribute(group, "class", `gl-edge gl-status-${edge.status} ${weight}`);
  const parts = partsOf(group);
  if (edge.chainRule !== null) setText(parts.title, edge.chainRule);
  if (edge.label === null) return;
  setText(parts.label, edge.label);
  const width = textWidth(edge.label, EDGE_LABEL.fontSize) + 2 * EDGE_LABEL.paddingX;
  if (!parts.tag) return;
  setAttribute(parts.tag, "x", String(-width / 2));
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

function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].x !== b[i].x || a[i].y !== b[i].y) return false;
  return true;
}
