import { describe, expect, it } from "vitest";
import type { Trace, TraceNode } from "../../trace/trace";
import { runProgram } from "../../runtime/runProgram";
import { buildViewGraph } from "../buildViewGraph";
import { textWidth, VALUE_NODE } from "../nodeMetrics";
import { firstExpressionTrace, mlpTrace } from "../testing/fixtures";
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

/** Every element of a tree, depth first. */
function all(node: SvgNode, out: SvgNode[] = []): SvgNode[] {
  out.push(node);
  for (const child of node.children) all(child, out);
  return out;
}

/** Every rect of a tree as a box (the drawing has no transforms: its coordinates are absolute). */
function rects(node: SvgNode) {
  return all(node)
    .filter((n) => n.tag === "rect")
    .map((n) => ({
      x: Number(n.attrs.x ?? 0),
      y: Number(n.attrs.y ?? 0),
      w: Number(n.attrs.width),
      h: Number(n.attrs.height),
      cls: String(n.attrs.class ?? ""),
    }));
}

describe("placement", () => {
  const graph = buildViewGraph(firstExpressionTrace());
  const tree = graphSvgTree(graph, LIGHT_THEME);

  it("uses no transform anywhere: every part of a node or label is at absolute coordinates", () => {
    expect(all(tree).filter((n) => n.attrs.transform !== undefined)).toEqual([]);
    expect(graphSvgDocument(graph, LIGHT_THEME)).not.toContain("transform");
  });

  it("puts each node's box, text, rule, cards and heatmaps inside the node's box", () => {
    const folded = buildViewGraph(mlpTrace(2, [4, 4, 1], 3), { nodeLimit: 10 });
    const loop = buildViewGraph(
      runProgram(`from micrograd.engine import Value
w = Value(0.9)
h = Value(1.0)
for i in range(100):
    h = (h * w).tanh()
loss = (h - 0.5) ** 2
loss.backward()
`),
      { nodeLimit: 20 },
    );
    const groups = [...folded.nodes, ...loop.nodes].filter((n) => n.kind === "group");
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.some((n) => n.loop !== null)).toBe(true);
    for (const node of [...graph.nodes, ...folded.nodes, ...loop.nodes, tensorGraphNode()]) {
      const { x, y, width, height } = node.box;
      const drawn = nodeSvg(node);
      // a value or op node's first rect is its box (a group's are its cards, checked below)
      const [box] = rects(drawn);
      if (node.kind !== "group")
        expect(box).toMatchObject({ x: expect.closeTo(x, 3), y: expect.closeTo(y, 3), w: width, h: height });
      for (const r of rects(drawn)) {
        expect(r.x + r.w).toBeLessThanOrEqual(x + width + 0.001);
        expect(r.y + r.h).toBeLessThanOrEqual(y + height + 0.001);
      }
      for (const part of all(drawn)) {
        for (const [name, size] of [
          ["x", width],
          ["x1", width],
          ["x2", width],
          ["y", height],
          ["y1", height],
          ["y2", height],
        ] as const) {
          if (part.attrs[name] === undefined) continue;
          const v = Number(part.attrs[name]);
          const from = name.startsWith("x") ? x : y;
          expect(v, `${node.key} ${part.tag} ${name}`).toBeGreaterThanOrEqual(from - 0.001);
          expect(v, `${node.key} ${part.tag} ${name}`).toBeLessThanOrEqual(from + size + 0.001);
        }
      }
    }
  });

  it("centres each edge label and its pill on the label's point", () => {
    const labelled = graph.edges.filter((e) => e.label !== null && e.labelAt !== null);
    expect(labelled.length).toBeGreaterThan(0);
    const tags = all(tree).filter((n) => n.attrs.class === "gl-edge-tag");
    expect(tags).toHaveLength(labelled.length);
    tags.forEach((tag, i) => {
      const { x, y } = labelled[i].labelAt!;
      const [pill, text] = tag.children;
      expect(Number(text.attrs.x)).toBeCloseTo(x, 3);
      expect(Number(text.attrs.y)).toBeCloseTo(y + 0.5, 3);
      expect(Number(pill.attrs.x) + Number(pill.attrs.width) / 2).toBeCloseTo(x, 3);
      expect(Number(pill.attrs.y) + Number(pill.attrs.height) / 2).toBeCloseTo(y, 3);
    });
  });
});

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
