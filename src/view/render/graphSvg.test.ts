import { describe, expect, it } from "vitest";
import type { Trace, TraceNode } from "../../trace/trace";
import { runProgram } from "../../runtime/runProgram";
import { buildViewGraph } from "../buildViewGraph";
import { textWidth, VALUE_NODE } from "../nodeMetrics";
import { firstExpressionTrace } from "../testing/fixtures";
import type { ViewValueNode } from "../viewGraph";
import { graphSvgDocument, graphSvgTree } from "./graphSvg";
import { DARK_THEME, LIGHT_THEME } from "./graphTheme";
import { nodeSvg } from "./nodeSvg";
import type { SvgNode } from "./svgTree";

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe("graphSvgDocument", () => {
  const graph = buildViewGraph(firstExpressionTrace());
  const text = graphSvgDocument(graph, LIGHT_THEME);

  it("is a standalone SVG file sized to the graph with a margin", () => {
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const root = graphSvgTree(graph, LIGHT_THEME).attrs;
    expect(root.width).toBe(Math.ceil(graph.width + 32));
    expect(root.height).toBe(Math.ceil(graph.height + 32));
    expect(root.viewBox).toBe(`-16 -16 ${root.width} ${root.height}`);
  });

  it("embeds its stylesheet with concrete colours and a generic font fallback", () => {
    const style = /<style>([\s\S]*)<\/style>/.exec(text)![1];
    expect(style).not.toContain("var(");
    expect(style).not.toContain("color-mix");
    expect(style).toContain("monospace");
    expect(text).toContain(`fill="${LIGHT_THEME.background}"`);
    expect(graphSvgDocument(graph, DARK_THEME)).toContain(`fill="${DARK_THEME.background}"`);
  });

  it("draws every node and edge the panel draws, with the same test ids", () => {
    const values = graph.nodes.filter((n) => n.kind === "value").length;
    const ops = graph.nodes.filter((n) => n.kind === "op").length;
    const labelled = graph.edges.filter((e) => e.kind !== "output");
    expect(count(text, 'data-testid="node"')).toBe(values);
    expect(count(text, 'data-testid="op-node"')).toBe(ops);
    expect(count(text, 'data-testid="edge"')).toBe(labelled.length);
    expect(count(text, 'class="gl-edge-stroke')).toBe(graph.edges.length);
    expect(text).toContain('data-name="w"');
    expect(text).toContain(">88.0000<"); // w's gradient
  });
});

function tensorGraphNode(): ViewValueNode {
  const node: TraceNode = {
    id: 0,
    kind: "leaf",
    op: "",
    names: ["W"],
    expr: null,
    span: null,
    shape: [2, 3],
    data: [1, -2, 3, NaN, 0, 6],
    grad: [0.5, 0.5, 0.5, -1, -1, -1],
    rootGrad: [0.5, 0.5, 0.5, -1, -1, -1],
    inputEdges: [],
    tensor: true,
  };
  const trace: Trace = {
    ok: true,
    stdout: "",
    diagnostics: [],
    nodes: [node],
    edges: [],
    root: null,
    occurrences: [],
    variables: {},
  };
  return buildViewGraph(trace).nodes[0] as ViewValueNode;
}

/** Every rect of a tree as a box in the tree's coordinates (translations applied). */
function rects(
  node: SvgNode,
  dx = 0,
  dy = 0,
  out: { x: number; y: number; w: number; h: number; cls: string }[] = [],
) {
  const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(String(node.attrs.transform ?? ""));
  const [x, y] = t ? [dx + Number(t[1]), dy + Number(t[2])] : [dx, dy];
  if (node.tag === "rect") {
    out.push({
      x: x + Number(node.attrs.x ?? 0),
      y: y + Number(node.attrs.y ?? 0),
      w: Number(node.attrs.width),
      h: Number(node.attrs.height),
      cls: String(node.attrs.class ?? ""),
    });
  }
  for (const child of node.children) rects(child, x, y, out);
  return out;
}

describe("a tensor's node", () => {
  it("contains its two heatmaps, side by side inside its box and below its text", () => {
    const node = tensorGraphNode();
    const drawn = nodeSvg(node);
    const { x, y, width, height } = node.box;
    const cells = rects(drawn).filter((r) => r.cls.startsWith("gl-heat"));
    expect(cells.filter((r) => r.cls === "gl-heat-frame")).toHaveLength(2);
    for (const r of cells) {
      expect(r.x).toBeGreaterThanOrEqual(x);
      expect(r.y).toBeGreaterThan(y + 57); // below the grad line's baseline
      expect(r.x + r.w).toBeLessThanOrEqual(x + width);
      expect(r.y + r.h).toBeLessThanOrEqual(y + height);
    }
    const [dataFrame, gradFrame] = cells.filter((r) => r.cls === "gl-heat-frame");
    expect(gradFrame.x).toBeGreaterThan(dataFrame.x + dataFrame.w);
  });

  it("colours each cell by its sign, and NaN in the error colour", () => {
    const drawn = nodeSvg(tensorGraphNode());
    const classes = rects(drawn).map((r) => r.cls);
    // data [1, -2, 3, NaN, 0, 6]: three above zero, one below, one NaN, and a zero that draws nothing;
    // grad [0.5, 0.5, 0.5, -1, -1, -1]: three above, three below.
    expect(classes.filter((c) => c === "gl-heat-bad")).toHaveLength(1);
    expect(classes.filter((c) => c === "gl-heat-neg")).toHaveLength(1 + 3);
    expect(classes.filter((c) => c === "gl-heat-pos")).toHaveLength(3 + 3);
  });
});

describe("a value cut off from the graph", () => {
  // target is computed from w under no_grad: the graph reads it as a constant of the loss.
  const view = buildViewGraph(
    runProgram(`import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    target = w * 3
loss = ((w - target) ** 2).sum()
loss.backward()
`),
  );
  const target = view.nodes.find((n): n is ViewValueNode => n.kind === "value" && n.label === "target")!;

  it("says why in its tooltip and wears a tag beside its name, inside its box", () => {
    expect(target.cut).toBe("no_grad");
    expect(target.title).toContain("torch.no_grad()): no gradient flows back through it");
    const drawn = nodeSvg(target);
    expect(drawn.attrs.class).toContain("gl-cut");
    const tag = drawn.children.find((c) => c.attrs.class === "gl-cut-tag");
    expect(tag?.text).toBe("no_grad");
    const nameAndTag = textWidth(`${target.label}  no_grad`, VALUE_NODE.nameFontSize, true);
    expect(target.box.width).toBeGreaterThanOrEqual(nameAndTag + 2 * VALUE_NODE.paddingX);
    expect(view.nodes.filter((n) => n.kind === "value" && n.cut !== undefined)).toHaveLength(1);
  });
});
