import { EDGE_LABEL, GROUP_NODE, OP_NODE, VALUE_NODE, textWidth } from "../src/view/nodeMetrics";
import type {
  Box,
  Point,
  ViewEdge,
  ViewGraph,
  ViewGroupNode,
  ViewNode,
  ViewOpNode,
  ViewValueNode,
} from "../src/view/viewGraph";
import { edgePathData } from "./edgePath";
import { weightClass } from "./styles";
import { svgElement, svgTitle } from "./svg";

/** What the renderer hands back so the app can react to the user and to host messages. */
export interface RenderedGraph {
  /** Value nodes by trace node id, and group nodes by the id of their output (filled in as they are drawn). */
  valueNodes: Map<number, SVGGElement>;
  /** Every drawn element of each view node and edge by key, for hover emphasis. */
  elementsByKey: Map<string, Element[]>;
  /** Settles when every node and edge is in the DOM. */
  done: Promise<void>;
  /** Stops drawing what is still queued (a newer graph replaces this one). */
  cancel(): void;
  /** Whether every node and edge is drawn (only then can a graph be patched in place). */
  complete(): boolean;
}

export interface RenderOptions {
  /**
   * For a big graph: whether a box is in (or near) view. What is drawn at once; the rest
   * follows in slices between tasks, so the first picture appears quickly. Null draws all now.
   */
  inView: ((box: Box) => boolean) | null;
  /** Called for each value node as it is drawn, to apply highlight and selection. */
  onValueNode: (node: ViewValueNode, group: SVGGElement) => void;
}

/** Items drawn per slice when drawing in the background. */
const SLICE = 600;

/**
 * Draws a laid-out graph into `viewport`: edge strokes at the bottom, then the edges' hover
 * targets and labels (so no stroke runs over a label), then the nodes. The DOM carries the
 * test ids and data attributes the end-to-end tests rely on.
 */
export function renderGraph(viewport: SVGGElement, graph: ViewGraph, options: RenderOptions): RenderedGraph {
  viewport.replaceChildren();
  const defs = svgElement(viewport, "defs");
  const head = svgElement(defs, "marker", {
    id: "gl-loop-head",
    viewBox: "0 0 6 6",
    refX: 3,
    refY: 3,
    markerWidth: 6,
    markerHeight: 6,
    orient: "auto-start-reverse",
  });
  svgElement(head, "path", { d: "M0,0L6,3L0,6z", class: "gl-loop-head" });
  const strokes = svgElement(viewport, "g", { class: "gl-strokes" });
  const edgeLayer = svgElement(viewport, "g", { class: "gl-edges" });
  const nodeLayer = svgElement(viewport, "g", { class: "gl-nodes" });
  const valueNodes = new Map<number, SVGGElement>();
  const elementsByKey = new Map<string, Element[]>();
  const remember = (key: string, element: Element) => {
    const list = elementsByKey.get(key);
    if (list) list.push(element);
    else elementsByKey.set(key, [element]);
  };

  const drawEdge = (edge: ViewEdge) => {
    const d = edgePathData(edge.points);
    const stroke = svgElement(strokes, "path", {
      d,
      class: `gl-edge-stroke gl-edge-${edge.kind} gl-status-${edge.status} ${weightClass(edge.weight)}`,
    });
    remember(edge.key, stroke);
    if (edge.kind !== "output") remember(edge.key, drawInputEdge(edgeLayer, edge, d));
  };
  const drawNode = (node: ViewNode) => {
    const group =
      node.kind === "value"
        ? drawValueNode(nodeLayer, node)
        : node.kind === "group"
          ? drawGroupNode(nodeLayer, node)
          : drawOpNode(nodeLayer, node);
    group.dataset.key = node.key;
    remember(node.key, group);
    if (node.kind === "value") {
      valueNodes.set(node.trace, group);
      options.onValueNode(node, group);
    } else if (node.kind === "group") valueNodes.set(node.trace, group);
  };

  const later: (() => void)[] = [];
  const { inView } = options;
  for (const edge of graph.edges) {
    if (inView === null || inView(boundsOf(edge.points))) drawEdge(edge);
    else later.push(() => drawEdge(edge));
  }
  for (const node of graph.nodes) {
    if (inView === null || inView(node.box)) drawNode(node);
    else later.push(() => drawNode(node));
  }

  let cancelled = false;
  let finished = later.length === 0;
  const done = new Promise<void>((resolve) => {
    let next = 0;
    const slice = () => {
      if (cancelled) return resolve();
      const end = Math.min(later.length, next + SLICE);
      for (; next < end; next++) later[next]();
      if (next < later.length) setTimeout(slice, 0);
      else {
        finished = true;
        resolve();
      }
    };
    slice();
  });
  return {
    valueNodes,
    elementsByKey,
    done,
    cancel: () => (cancelled = true),
    complete: () => finished && !cancelled,
  };
}

function boundsOf(points: readonly Point[]): Box {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    left = Math.min(left, p.x);
    right = Math.max(right, p.x);
    top = Math.min(top, p.y);
    bottom = Math.max(bottom, p.y);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function drawInputEdge(parent: SVGGElement, edge: ViewEdge, d: string): SVGGElement {
  const group = svgElement(parent, "g", {
    class: `gl-edge gl-status-${edge.status} ${weightClass(edge.weight)}`,
    "data-testid": "edge",
    "data-from": edge.fromTrace,
    "data-to": edge.toTrace,
    "data-key": edge.key,
  });
  svgElement(group, "path", { d, class: "gl-edge-hit" });
  if (edge.chainRule !== null) svgTitle(group, edge.chainRule);
  if (edge.label !== null && edge.labelAt !== null) {
    const width = textWidth(edge.label, EDGE_LABEL.fontSize) + 2 * EDGE_LABEL.paddingX;
    const { x, y } = edge.labelAt;
    const tag = svgElement(group, "g", { class: "gl-edge-tag", transform: `translate(${x},${y})` });
    svgElement(tag, "rect", {
      x: -width / 2,
      y: -EDGE_LABEL.height / 2,
      width,
      height: EDGE_LABEL.height,
      rx: EDGE_LABEL.height / 2,
    });
    const text = svgElement(tag, "text", {
      "data-testid": "edge-label",
      y: 0.5,
      "dominant-baseline": "middle",
    });
    text.textContent = edge.label;
  }
  return group;
}

function drawValueNode(parent: SVGGElement, node: ViewValueNode): SVGGElement {
  const { x, y, width, height } = node.box;
  const group = svgElement(parent, "g", {
    class: `gl-node gl-role-${node.role}${node.root ? " gl-root" : ""}`,
    transform: `translate(${x},${y})`,
    "data-testid": "node",
    "data-node": node.trace,
    "data-name": node.label,
    tabindex: 0,
    role: "button",
  });
  if (node.root) group.dataset.root = "true";
  if (node.fold !== null) group.dataset.fold = node.fold;
  svgTitle(group, node.fold === null ? node.title : `${node.title}\nDouble-click to fold its group back.`);
  svgElement(group, "rect", { class: "gl-box", width, height, rx: VALUE_NODE.radius });
  // Only leaves and the root wear a coloured top edge; skipping it elsewhere keeps big graphs light.
  if (node.role === "leaf" || node.root) {
    svgElement(group, "path", { class: "gl-accent", d: accentPath(width, VALUE_NODE.radius) });
  }
  svgElement(group, "line", {
    class: "gl-rule",
    x1: VALUE_NODE.paddingX,
    x2: width - VALUE_NODE.paddingX,
    y1: VALUE_NODE.ruleY,
    y2: VALUE_NODE.ruleY,
  });
  const name = svgElement(group, "text", {
    class: "gl-name",
    x: VALUE_NODE.paddingX,
    y: VALUE_NODE.nameBaseline,
  });
  name.textContent = node.label;
  valueLine(group, "data", node.data, `gl-status-${node.dataStatus}`, VALUE_NODE.dataBaseline, width);
  valueLine(group, "grad", node.grad, `gl-status-${node.gradStatus}`, VALUE_NODE.gradBaseline, width);
  return group;
}

/**
 * A closed fold: a stack of cards (the front one reads like a value node: name with `×N`, the
 * data range, the mean |grad|), and over it an arc back into itself when an iteration feeds
 * the next one.
 */
function drawGroupNode(parent: SVGGElement, node: ViewGroupNode): SVGGElement {
  const { x, y, width, height } = node.box;
  const group = svgElement(parent, "g", {
    class: `gl-node gl-group${node.root ? " gl-root" : ""}`,
    transform: `translate(${x},${y})`,
    "data-testid": "group",
    "data-node": node.trace,
    "data-name": node.label,
    "data-count": node.count,
    tabindex: 0,
    role: "button",
    "aria-expanded": "false",
  });
  if (node.root) group.dataset.root = "true";
  svgTitle(group, node.title);
  const top = node.loop === null ? 0 : GROUP_NODE.loopRoom;
  const back = GROUP_NODE.stack * GROUP_NODE.offset;
  const cardWidth = width - back;
  const cardHeight = height - top - back;
  for (let k = GROUP_NODE.stack; k >= 1; k--) {
    svgElement(group, "rect", {
      class: "gl-card",
      x: k * GROUP_NODE.offset,
      y: top + k * GROUP_NODE.offset,
      width: cardWidth,
      height: cardHeight,
      rx: VALUE_NODE.radius,
    });
  }
  const card = svgElement(group, "g", { transform: `translate(0,${top})` });
  svgElement(card, "rect", { class: "gl-box", width: cardWidth, height: cardHeight, rx: VALUE_NODE.radius });
  svgElement(card, "line", {
    class: "gl-rule",
    x1: VALUE_NODE.paddingX,
    x2: cardWidth - VALUE_NODE.paddingX,
    y1: VALUE_NODE.ruleY,
    y2: VALUE_NODE.ruleY,
  });
  const name = svgElement(card, "text", {
    class: "gl-name",
    x: VALUE_NODE.paddingX,
    y: VALUE_NODE.nameBaseline,
  });
  name.textContent = node.label;
  valueLine(card, "data", node.data, `gl-status-${node.dataStatus}`, VALUE_NODE.dataBaseline, cardWidth);
  valueLine(card, "grad", node.grad, `gl-status-${node.gradStatus}`, VALUE_NODE.gradBaseline, cardWidth);
  if (node.loop !== null) {
    // The self-edge: out of the card's top right, round, and back in at its top left.
    const right = cardWidth * 0.72;
    const left = cardWidth * 0.28;
    svgElement(group, "path", {
      class: "gl-loop",
      d: `M${right},${top} C${right},${top - 16} ${left},${top - 16} ${left + 4},${top - 3}`,
      "marker-end": "url(#gl-loop-head)",
    });
    const label = svgElement(group, "text", {
      class: "gl-loop-label",
      x: right + 6,
      y: top - 5,
      "data-testid": "group-loop",
    });
    label.textContent = node.loop;
  }
  return group;
}

/** The top edge of a box with rounded corners, stroked in the role's colour like a tab. */
function accentPath(width: number, radius: number): string {
  return `M0,${radius}A${radius},${radius} 0 0 1 ${radius},0H${width - radius}A${radius},${radius} 0 0 1 ${width},${radius}`;
}

/** `data` on the left, the number right-aligned, in one text element so its content reads `data 2.0000`. */
function valueLine(
  group: SVGGElement,
  word: string,
  value: string,
  statusClass: string,
  baseline: number,
  width: number,
) {
  const text = svgElement(group, "text", { class: `gl-line gl-${word}`, y: baseline });
  svgElement(text, "tspan", { class: "gl-key", x: VALUE_NODE.paddingX }).textContent = `${word} `;
  svgElement(text, "tspan", {
    class: `gl-value ${statusClass}`,
    x: width - VALUE_NODE.paddingX,
    "text-anchor": "end",
  }).textContent = value;
}

function drawOpNode(parent: SVGGElement, node: ViewOpNode): SVGGElement {
  const { x, y, width, height } = node.box;
  const group = svgElement(parent, "g", {
    class: "gl-op",
    transform: `translate(${x},${y})`,
    "data-testid": "op-node",
    "data-node": node.trace,
  });
  svgTitle(group, node.title);
  svgElement(group, "rect", { width, height, rx: OP_NODE.diameter / 2 });
  // A one-character operator (`+`, `×`) reads better larger than a word like `relu`.
  const text = svgElement(group, "text", {
    class: [...node.symbol].length === 1 ? "gl-op-glyph" : "gl-op-word",
    x: width / 2,
    y: height / 2 + 0.5,
    "text-anchor": "middle",
    "dominant-baseline": "middle",
  });
  text.textContent = node.symbol;
  return group;
}
