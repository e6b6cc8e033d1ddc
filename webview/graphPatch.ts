import type { Box, Point, ViewEdge, ViewGraph, ViewNode } from "../src/view/viewGraph";
import { edgeTagLeft, edgeTagWidth } from "../src/view/render/edgeSvg";
import { redrawHeatmaps, type RenderedGraph } from "./graphRenderer";
import { pointsBox } from "./spatialGrid";
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
      (a.role !== b.role || a.root !== b.root || a.fold !== b.fold || a.cut !== b.cut)
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

/** What lies within this much of the view's size around it is patched at once, as the renderer draws it. */
const NEAR = 0.5;
/** Items patched per background task: a frame's worth of new texts for the browser to lay out. */
const SLICE = 250;

/** A patch still writing its out-of-view part. */
interface Background {
  graph: ViewGraph;
  /** The next item to write (nodes first, then edges) and how many are left; it wraps round. */
  cursor: number;
  left: number;
}

const backgrounds = new WeakMap<RenderedGraph, Background>();

/**
 * Writes the numbers, statuses and tooltips of `next` into the drawn elements: what is in or
 * near the view at once, the rest in slices between tasks. A training step changes every
 * number, and the browser lays out every changed text again, so writing a thousand nodes at
 * once costs several frames; only the part on screen has to be in the next one. A newer patch
 * takes over the slices where they are (so steps faster than the slices still reach every
 * node in turn).
 */
export function patchGraph(rendered: RenderedGraph, next: ViewGraph): void {
  const near = nearView(rendered);
  const total = next.nodes.length + next.edges.length;
  if (near === null) {
    for (let i = 0; i < total; i++) patchItem(rendered, next, i);
    return;
  }
  for (let i = 0; i < total; i++) if (near(itemBounds(next, i))) patchItem(rendered, next, i);
  const running = backgrounds.get(rendered);
  if (running) {
    running.graph = next;
    running.cursor %= total;
    running.left = total;
    return;
  }
  const background: Background = { graph: next, cursor: 0, left: total };
  backgrounds.set(rendered, background);
  const slice = () => {
    // A newer graph drawn from scratch has replaced these elements: nothing left to do.
    const stop = !rendered.complete() || !anyConnected(rendered);
    for (let k = 0; k < SLICE && background.left > 0 && !stop; k++) {
      patchItem(rendered, background.graph, background.cursor);
      background.cursor = (background.cursor + 1) % total;
      background.left--;
    }
    if (background.left > 0 && !stop) {
      setTimeout(slice, 0);
      return;
    }
    backgrounds.delete(rendered);
  };
  setTimeout(slice, 0);
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

function anyConnected(rendered: RenderedGraph): boolean {
  const first = rendered.elementsByKey.values().next();
  return !first.done && first.value[0]?.isConnected === true;
}

/**
 * Whether a box (in drawing coordinates) is in or near the view, from the drawing's transform
 * and the svg's size; null (patch everything now) while that cannot be told. Reads no layout
 * that a write has made stale: it runs before the patch writes anything.
 */
function nearView(rendered: RenderedGraph): ((box: Box) => boolean) | null {
  const first = rendered.elementsByKey.values().next();
  const element = first.done ? undefined : first.value[0];
  const viewport = element?.closest(".gl-viewport");
  const svg = element instanceof SVGElement ? element.ownerSVGElement : null;
  if (!svg || !(viewport instanceof SVGGraphicsElement)) return null;
  const matrix = viewport.transform.baseVal.consolidate()?.matrix;
  const transform = matrix ? { k: matrix.a, x: matrix.e, y: matrix.f } : { k: 1, x: 0, y: 0 };
  return viewTest(transform, svg.clientWidth, svg.clientHeight, NEAR);
}

/**
 * The test for "in the view grown by `margin` of its size on every side", for a drawing shown
 * at p ↦ k·p + (x, y) in a view of `width` × `height`; null for a view without size or scale.
 */
export function viewTest(
  transform: { k: number; x: number; y: number },
  width: number,
  height: number,
  margin: number,
): ((box: Box) => boolean) | null {
  const { k, x, y } = transform;
  if (width <= 0 || height <= 0 || !(k > 0)) return null;
  const left = (-margin * width - x) / k;
  const right = ((1 + margin) * width - x) / k;
  const top = (-margin * height - y) / k;
  const bottom = ((1 + margin) * height - y) / k;
  return (b) => b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top;
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
  const weight = weightClass(edge.weight);
  setAttribute(stroke, "class", `gl-edge-stroke gl-edge-${edge.kind} gl-status-${edge.status} ${weight}`);
  if (!group) return;
  setAttribute(group, "class", `gl-edge gl-status-${edge.status} ${weight}`);
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

function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].x !== b[i].x || a[i].y !== b[i].y) return false;
  return true;
}
