import { CUT_TAG, GROUP_NODE, OP_NODE, VALUE_NODE } from "../nodeMetrics";
import type { ViewGroupNode, ViewNode, ViewOpNode, ViewValueNode } from "../viewGraph";
import { heatmapsSvg } from "./heatmapSvg";
import { svg, type SvgNode } from "./svgTree";

/**
 * The drawing of each kind of node. The classes carry the look (graphStyles.ts); the test ids
 * and `data-*` attributes are what the panel's code and the end-to-end tests find nodes by;
 * the `<title>` is the native tooltip, which also works with the keyboard and screen readers.
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
    transform: `translate(${x},${y})`,
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
    svg("rect", { class: "gl-box", width, height, rx: VALUE_NODE.radius }),
  ];
  // Only leaves and the root wear a coloured top edge; skipping it elsewhere keeps big graphs light.
  if (node.role === "leaf" || node.root) {
    children.push(svg("path", { class: "gl-accent", d: accentPath(width, VALUE_NODE.radius) }));
  }
  children.push(...cardText(node, width));
  if (node.cut) {
    const at = { x: width - VALUE_NODE.paddingX, y: VALUE_NODE.nameBaseline, "text-anchor": "end" };
    children.push(svg("text", { class: "gl-cut-tag", ...at }, CUT_TAG[node.cut]));
  }
  if (node.heatmaps) children.push(heatmapsSvg(node.heatmaps));
  return svg("g", attrs, children);
}

/** The rule, the name, and the `data` and `grad` lines: a value node's card, and a group's front card. */
function cardText(node: ViewValueNode | ViewGroupNode, width: number): SvgNode[] {
  return [
    svg("line", {
      class: "gl-rule",
      x1: VALUE_NODE.paddingX,
      x2: width - VALUE_NODE.paddingX,
      y1: VALUE_NODE.ruleY,
      y2: VALUE_NODE.ruleY,
    }),
    svg("text", { class: "gl-name", x: VALUE_NODE.paddingX, y: VALUE_NODE.nameBaseline }, node.label),
    valueLine("data", node.data, `gl-status-${node.dataStatus}`, VALUE_NODE.dataBaseline, width),
    valueLine("grad", node.grad, `gl-status-${node.gradStatus}`, VALUE_NODE.gradBaseline, width),
  ];
}

/** `data` on the left, the number right-aligned, in one text element so its content reads `data 2.0000`. */
function valueLine(
  word: string,
  value: string,
  statusClass: string,
  baseline: number,
  width: number,
): SvgNode {
  return svg("text", { class: `gl-line gl-${word}`, y: baseline }, [
    svg("tspan", { class: "gl-key", x: VALUE_NODE.paddingX }, `${word} `),
    svg(
      "tspan",
      { class: `gl-value ${statusClass}`, x: width - VALUE_NODE.paddingX, "text-anchor": "end" },
      value,
    ),
  ]);
}

/** The top edge of a box with rounded corners, stroked in the role's colour like a tab. */
function accentPath(width: number, radius: number): string {
  return `M0,${radius}A${radius},${radius} 0 0 1 ${radius},0H${width - radius}A${radius},${radius} 0 0 1 ${width},${radius}`;
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
    transform: `translate(${x},${y})`,
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
        x: k * GROUP_NODE.offset,
        y: top + k * GROUP_NODE.offset,
        width: cardWidth,
        height: cardHeight,
        rx: VALUE_NODE.radius,
      }),
    );
  }
  children.push(
    svg("g", { transform: `translate(0,${top})` }, [
      svg("rect", { class: "gl-box", width: cardWidth, height: cardHeight, rx: VALUE_NODE.radius }),
      ...cardText(node, cardWidth),
    ]),
  );
  if (node.loop !== null) {
    // The self-edge: out of the card's top right, round, and back in at its top left.
    const right = cardWidth * 0.72;
    const left = cardWidth * 0.28;
    children.push(
      svg("path", {
        class: "gl-loop",
        d: `M${right},${top} C${right},${top - 16} ${left},${top - 16} ${left + 4},${top - 3}`,
        "marker-end": "url(#gl-loop-head)",
      }),
      svg(
        "text",
        { class: "gl-loop-label", x: right + 6, y: top - 5, "data-testid": "group-loop" },
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
      transform: `translate(${x},${y})`,
      "data-testid": "op-node",
      "data-node": node.trace,
      "data-key": node.key,
    },
    [
      svg("title", {}, node.title),
      svg("rect", { width, height, rx: OP_NODE.diameter / 2 }),
      // A one-character operator (`+`, `×`) reads better larger than a word like `relu`.
      svg(
        "text",
        {
          class: [...node.symbol].length === 1 ? "gl-op-glyph" : "gl-op-word",
          x: width / 2,
          y: height / 2 + 0.5,
          "text-anchor": "middle",
          "dominant-baseline": "middle",
        },
        node.symbol,
      ),
    ],
  );
}
