import { CUT_TAG, GROUP_NODE, OP_NODE, VALUE_NODE } from "../nodeMetrics";
import type { ViewGroupNode, ViewNode, ViewOpNode, ViewValueNode } from "../viewGraph";
import { heatmapsSvg } from "./heatmapSvg";
import { at, svg, type SvgNode } from "./svgTree";

/**
 * The drawing of each kind of node. The classes carry the look (graphStyles.ts); the test ids
 * and `data-*` attributes are what the panel's code and the end-to-end tests find nodes by;
 * the `<title>` is the native tooltip, which also works with the keyboard and screen readers.
 *
 * Each node is a `<g>` without a transform: every part is placed at absolute coordinates (the
 * box's position plus its offset in the box). A transform per node gives Chromium one transform
 * node and paint chunk per node to re-layerize whenever the view moves: measured on 5,500 drawn
 * nodes, a drag frame's Layerize phase took ~36 ms that way and ~10 ms this way (issue 6).
 */
export function nodeSvg(node: ViewNode): SvgNode {
  if (node.kind === "value") return valueNodeSvg(node);
  if (node.kind === "group") return groupNodeSvg(node);
  return opNodeSvg(node);
}

/** What a value node's tooltip says: an open group's member also says how to fold it back. */
export function valueNodeTitle(node: ViewValueNode): string {
  return node.fold === null ? node.title : `${node.title}\nDouble-click to fold its group back.`;
}

export function valueNodeSvg(node: ViewValueNode): SvgNode {
  const { x, y, width, height } = node.box;
  const attrs: Record<string, string | number> = {
    class: `gl-node gl-role-${node.role}${node.root ? " gl-root" : ""}${node.cut ? " gl-cut" : ""}`,
    "data-testid": "node",
    "data-node": node.trace,
    "data-name": node.label,
    "data-key": node.key,
    tabindex: 0,
    role: "button",
  };
  if (node.root) attrs["data-root"] = "true";
  if (node.fold !== null) attrs["data-fold"] = node.fold;
  const children = [
    svg("title", {}, valueNodeTitle(node)),
    svg("rect", { class: "gl-box", x: at(x), y: at(y), width, height, rx: VALUE_NODE.radius }),
  ];
  // Only leaves and the root wear a coloured top edge; skipping it elsewhere keeps big graphs light.
  if (node.role === "leaf" || node.root) {
    children.push(svg("path", { class: "gl-accent", d: accentPath(x, y, width, VALUE_NODE.radius) }));
  }
  children.push(...cardText(node, x, y, width));
  if (node.cut) {
    const place = {
      x: at(x, width - VALUE_NODE.paddingX),
      y: at(y, VALUE_NODE.nameBaseline),
      "text-anchor": "end",
    };
    children.push(svg("text", { class: "gl-cut-tag", ...place }, CUT_TAG[node.cut]));
  }
  if (node.heatmaps) children.push(heatmapsSvg(node.heatmaps, x, y));
  return svg("g", attrs, children);
}

/**
 * The rule, the name, and the `data` and `grad` lines of a card whose top left is at (x, y):
 * a value node's card, and a group's front card.
 */
function cardText(node: ViewValueNode | ViewGroupNode, x: number, y: number, width: number): SvgNode[] {
  const left = at(x, VALUE_NODE.paddingX);
  const right = at(x, width - VALUE_NODE.paddingX);
  return [
    svg("line", {
      class: "gl-rule",
      x1: left,
      x2: right,
      y1: at(y, VALUE_NODE.ruleY),
      y2: at(y, VALUE_NODE.ruleY),
    }),
    svg("text", { class: "gl-name", x: left, y: at(y, VALUE_NODE.nameBaseline) }, node.label),
    valueLine("data", node.data, `gl-status-${node.dataStatus}`, at(y, VALUE_NODE.dataBaseline), left, right),
    valueLine("grad", node.grad, `gl-status-${node.gradStatus}`, at(y, VALUE_NODE.gradBaseline), left, right),
  ];
}

/** `data` on the left, the number right-aligned, in one text element so its content reads `data 2.0000`. */
function valueLine(
  word: string,
  value: string,
  statusClass: string,
  baseline: number,
  left: number,
  right: number,
): SvgNode {
  return svg("text", { class: `gl-line gl-${word}`, y: baseline }, [
    svg("tspan", { class: "gl-key", x: left }, `${word} `),
    svg("tspan", { class: `gl-value ${statusClass}`, x: right, "text-anchor": "end" }, value),
  ]);
}

/** The top edge of a box at (x, y) with rounded corners, stroked in the role's colour like a tab. */
function accentPath(x: number, y: number, width: number, radius: number): string {
  const [left, top, right] = [at(x), at(y), at(x, width)];
  const [start, end, side] = [at(x, radius), at(x, width - radius), at(y, radius)];
  return `M${left},${side}A${radius},${radius} 0 0 1 ${start},${top}H${end}A${radius},${radius} 0 0 1 ${right},${side}`;
}

/**
 * A closed fold: a stack of cards (the front one reads like a value node: name with `×N`, the
 * data range, the mean |grad|), and over it an arc back into itself when an iteration feeds
 * the next one.
 */
export function groupNodeSvg(node: ViewGroupNode): SvgNode {
  const { x, y, width, height } = node.box;
  const attrs: Record<string, string | number> = {
    class: `gl-node gl-group${node.root ? " gl-root" : ""}`,
    "data-testid": "group",
    "data-node": node.trace,
    "data-name": node.label,
    "data-count": node.count,
    "data-key": node.key,
    tabindex: 0,
    role: "button",
    "aria-expanded": "false",
  };
  if (node.root) attrs["data-root"] = "true";
  const top = node.loop === null ? 0 : GROUP_NODE.loopRoom;
  const back = GROUP_NODE.stack * GROUP_NODE.offset;
  const cardWidth = width - back;
  const cardHeight = height - top - back;
  const children = [svg("title", {}, node.title)];
  for (let k = GROUP_NODE.stack; k >= 1; k--) {
    children.push(
      svg("rect", {
        class: "gl-card",
        x: at(x, k * GROUP_NODE.offset),
        y: at(y, top + k * GROUP_NODE.offset),
        width: cardWidth,
        height: cardHeight,
        rx: VALUE_NODE.radius,
      }),
    );
  }
  // the front card: the box and a value node's text, `top` lower when the loop's arc is above it
  children.push(
    svg("rect", {
      class: "gl-box",
      x: at(x),
      y: at(y, top),
      width: cardWidth,
      height: cardHeight,
      rx: VALUE_NODE.radius,
    }),
    ...cardText(node, x, y + top, cardWidth),
  );
  if (node.loop !== null) {
    // The self-edge: out of the card's top right, round, and back in at its top left.
    const right = at(x, cardWidth * 0.72);
    const left = at(x, cardWidth * 0.28);
    const [start, control, end] = [at(y, top), at(y, top - 16), at(y, top - 3)];
    children.push(
      svg("path", {
        class: "gl-loop",
        d: `M${right},${start} C${right},${control} ${left},${control} ${at(left, 4)},${end}`,
        "marker-end": "url(#gl-loop-head)",
      }),
      svg(
        "text",
        { class: "gl-loop-label", x: at(right, 6), y: at(y, top - 5), "data-testid": "group-loop" },
        node.loop,
      ),
    );
  }
  return svg("g", attrs, children);
}

export function opNodeSvg(node: ViewOpNode): SvgNode {
  const { x, y, width, height } = node.box;
  return svg(
    "g",
    {
      class: "gl-op",
      "data-testid": "op-node",
      "data-node": node.trace,
      "data-key": node.key,
    },
    [
      svg("title", {}, node.title),
      svg("rect", { x: at(x), y: at(y), width, height, rx: OP_NODE.diameter / 2 }),
      // A one-character operator (`+`, `×`) reads better larger than a word like `relu`.
      svg(
        "text",
        {
          class: [...node.symbol].length === 1 ? "gl-op-glyph" : "gl-op-word",
          x: at(x, width / 2),
          y: at(y, height / 2 + 0.5),
          "text-anchor": "middle",
          "dominant-baseline": "middle",
        },
        node.symbol,
      ),
    ],
  );
}
