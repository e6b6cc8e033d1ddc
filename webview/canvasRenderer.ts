import {
  CUT_TAG,
  EDGE_LABEL,
  GROUP_NODE,
  HEATMAP,
  heatmapsLayout,
  OP_NODE,
  VALUE_NODE,
  textWidth,
} from "../src/view/nodeMetrics";
import { distanceToRoute } from "./edgeHit";
import { bendControls } from "../src/view/render/edgePath";
import { heatCell } from "../src/view/render/heatmapScale";
import { valueNodeTitle } from "../src/view/render/nodeSvg";
import type {
  Box,
  Heatmap,
  Point,
  ViewEdge,
  ViewFrame,
  ViewGraph,
  ViewGroupNode,
  ViewNode,
  ViewValueNode,
} from "../src/view/viewGraph";
import { backingSize, detailAt, type Detail } from "./canvasDetail";
import { frameLabelAt, paintFrameLabels, paintFrames } from "./canvasFrames";
import { canvasTheme, weightLevel, type CanvasTheme } from "./canvasTheme";
import { GraphIndex, neighbourhood } from "./neighbourhood";
import { routePiecesIn } from "./routePieces";
import { meets, pointsBox, SpatialGrid, visibleRect, type Rect } from "./spatialGrid";

/** Screen pixels drawn beyond the view's edges, so strokes and labels crossing them are whole. */
const MARGIN_PX = 24;
/** Above this many zero-gradient edges in view, they are drawn faint instead of dashed. */
const MAX_DASHED_EDGES = 150;
/** Strokes never get thinner than this many screen pixels, so far out the edges still read. */
const MIN_STROKE_PX = 0.5;

interface Transform {
  k: number;
  x: number;
  y: number;
}

/**
 * Draws a laid-out graph on a canvas under the (then empty) SVG, for graphs too big for SVG
 * to pan and zoom smoothly (see canvasDetail.ts). The SVG stays on top as the surface pan and zoom
 * and the app's click handlers listen on; this draws what its transform shows, culled to the
 * view with a spatial grid, at most once per animation frame, with less detail far out.
 * Hover (tooltip and lit edges) is handled here; clicks go through the app via `nodeAt`.
 */
export class CanvasRenderer {
  readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D | null;
  private readonly tooltip: HTMLElement;
  private graph: ViewGraph | null = null;
  private nodeGrid: SpatialGrid | null = null;
  private edgeGrid: SpatialGrid | null = null;
  /** The graph's structure (what hover lights): the same for a patched graph. */
  private index: GraphIndex | null = null;
  /** Where each node key is in `graph.nodes` (a patched graph keeps the order). */
  private positions = new Map<string, number>();
  private transform: Transform = { k: 1, x: 0, y: 0 };
  private theme: CanvasTheme;
  /** The page's style changed (maybe the theme): read the colours again before the next frame. */
  private themeStale = false;
  private frame = 0;
  private size = { width: 0, height: 0 };
  private generation = 0;
  private hovered: string | null = null;
  private lit = new Set<string>();
  private highlighted = new Set<string>();
  private selected: string | null = null;
  private matches = new Set<string>();
  private focusKeys: Set<string> | null = null;
  /** The step-through's current node: its ring pulses, so the canvas draws every frame meanwhile. */
  private pulsing: string | null = null;

  constructor(stage: HTMLElement, pointerSurface: Element) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "gl-canvas";
    this.canvas.hidden = true;
    this.canvas.setAttribute("aria-hidden", "true");
    stage.insertBefore(this.canvas, pointerSurface);
    this.context = this.canvas.getContext("2d");
    this.tooltip = document.createElement("div");
    this.tooltip.className = "gl-tooltip";
    this.tooltip.hidden = true;
    stage.appendChild(this.tooltip);
    this.theme = readTheme();
    new ResizeObserver(() => {
      this.size = { width: this.canvas.clientWidth, height: this.canvas.clientHeight };
      // Resizing clears the canvas: draw again at once rather than show a blank frame.
      if (this.graph) this.draw();
    }).observe(this.canvas);
    // VS Code restyles the page (body classes, the variables on <html>) when the theme changes.
    const retheme = new MutationObserver(() => {
      this.themeStale = true;
      this.schedule();
    });
    retheme.observe(document.documentElement, { attributes: true, attributeFilter: ["style", "class"] });
    retheme.observe(document.body, { attributes: true, attributeFilter: ["style", "class"] });

    pointerSurface.addEventListener("mousemove", (e) => this.onPointer(e as MouseEvent));
    pointerSurface.addEventListener("mouseleave", () => this.setHover(null, null));
  }

  /** Whether a graph is drawn here (else the SVG draws it). */
  active(): boolean {
    return this.graph !== null;
  }

  /** Draws a new graph (a new layout): selection, matches and focus start afresh. */
  show(graph: ViewGraph, index: GraphIndex = new GraphIndex(graph)): void {
    this.graph = graph;
    this.index = index;
    this.positions = new Map(graph.nodes.map((n, i) => [n.key, i]));
    this.nodeGrid = new SpatialGrid(
      graph.nodes.map((n) => n.box),
      graph.width,
      graph.height,
    );
    // An edge's hover target and label reach a little beyond its route.
    this.edgeGrid = new SpatialGrid(
      graph.edges.map((e) => grow(pointsBox(e.points), EDGE_LABEL.height)),
      graph.width,
      graph.height,
    );
    this.selected = null;
    this.matches = new Set();
    this.focusKeys = null;
    this.setHover(null, null);
    this.generation++;
    this.canvas.hidden = false;
    // What the bench's harness counts (it cannot count canvas pixels as it counts SVG nodes).
    this.canvas.dataset.nodes = String(graph.nodes.length);
    this.canvas.dataset.graph = String(this.generation);
    this.schedule();
  }

  /** The same layout with new numbers (samePlaces): only the texts and colours change. */
  patch(graph: ViewGraph): void {
    this.graph = graph;
    if (this.hovered !== null) this.showTooltip(this.hovered, null);
    this.schedule();
  }

  hide(): void {
    this.graph = null;
    this.index = null;
    this.nodeGrid = this.edgeGrid = null;
    this.canvas.hidden = true;
    this.setHover(null, null);
    delete this.canvas.dataset.nodes;
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  setTransform(transform: Transform): void {
    this.transform = { k: transform.k, x: transform.x, y: transform.y };
    // The drawing moved under the pointer: what it pointed at is no longer there.
    if (this.hovered !== null || !this.tooltip.hidden) this.setHover(null, null);
    if (this.graph) this.schedule();
  }

  /** Node keys drawn highlighted (the host's `highlight`). */
  setHighlighted(keys: Set<string>): void {
    this.highlighted = keys;
    this.schedule();
  }

  setSelected(key: string | null): void {
    this.selected = key;
    this.schedule();
  }

  setMatches(keys: readonly string[]): void {
    this.matches = new Set(keys);
    this.schedule();
  }

  /** Focus mode: only these nodes and edges are drawn; null draws everything. */
  setFocus(keys: Set<string> | null): void {
    this.focusKeys = keys;
    this.schedule();
  }

  /** Marks the step-through's current node with a pulsing ring (null: none). */
  setPulsing(key: string | null): void {
    this.pulsing = key;
    this.schedule();
  }

  /** The node drawn under a point of the page (client coordinates), or null. */
  nodeAt(clientX: number, clientY: number): ViewNode | null {
    if (!this.graph || !this.nodeGrid) return null;
    const r = this.canvas.getBoundingClientRect();
    const { k, x, y } = this.transform;
    const i = this.nodeGrid.at({ x: (clientX - r.left - x) / k, y: (clientY - r.top - y) / k });
    if (i < 0) return null;
    const node = this.graph.nodes[i];
    return this.focusKeys && !this.focusKeys.has(node.key) ? null : node;
  }

  /** The open call box whose name is drawn under a point of the page (client coordinates), or null. */
  frameAt(clientX: number, clientY: number): ViewFrame | null {
    if (!this.graph || this.focusKeys) return null;
    const r = this.canvas.getBoundingClientRect();
    const { k, x, y } = this.transform;
    return frameLabelAt(this.graph.frames, { x: (clientX - r.left - x) / k, y: (clientY - r.top - y) / k });
  }

  /** Draws in the next animation frame (once, however many changes come before it). */
  private schedule(): void {
    if (this.frame !== 0 || !this.graph) return;
    this.frame = requestAnimationFrame(() => this.draw());
  }

  private onPointer(e: MouseEvent): void {
    if (!this.graph) return;
    // While dragging, the view moves under the pointer: no hover.
    if (e.buttons !== 0) {
      this.setHover(null, null);
      return;
    }
    const node = this.nodeAt(e.clientX, e.clientY);
    this.setHover(node?.key ?? null, e);
    // Off the nodes, an edge under the pointer tells its chain-rule line, as the SVG's hover does.
    const edge = node === null ? this.edgeAt(e.clientX, e.clientY) : null;
    if (edge?.chainRule) this.placeTooltip(edge.chainRule, e);
  }

  /** The edge drawn within a few pixels of a point of the page (client coordinates), or null. */
  edgeAt(clientX: number, clientY: number): ViewEdge | null {
    if (!this.graph || !this.edgeGrid) return null;
    const r = this.canvas.getBoundingClientRect();
    const { k, x, y } = this.transform;
    const p = { x: (clientX - r.left - x) / k, y: (clientY - r.top - y) / k };
    const reach = EDGE_HOVER_PX / k;
    let best: ViewEdge | null = null;
    let bestDistance = reach;
    for (const i of this.edgeGrid.query({
      left: p.x - reach,
      top: p.y - reach,
      right: p.x + reach,
      bottom: p.y + reach,
    })) {
      const edge = this.graph.edges[i];
      if (this.focusKeys && !this.focusKeys.has(edge.key)) continue;
      const distance = distanceToRoute(p, edge.points, this.graph.direction === "top-to-bottom");
      if (distance <= bestDistance) {
        best = edge;
        bestDistance = distance;
      }
    }
    return best;
  }

  private setHover(key: string | null, e: MouseEvent | null): void {
    if (key !== this.hovered) {
      this.hovered = key;
      this.lit = key !== null && this.index ? neighbourhood(this.index, key) : new Set();
      this.schedule();
    }
    this.showTooltip(key, e);
  }

  private showTooltip(key: string | null, e: MouseEvent | null): void {
    const at = key === null ? undefined : this.positions.get(key);
    const node = at === undefined ? undefined : this.graph?.nodes[at];
    if (!node) {
      this.tooltip.hidden = true;
      return;
    }
    this.placeTooltip(node.kind === "value" ? valueNodeTitle(node) : node.title, e);
  }

  private placeTooltip(text: string, e: MouseEvent | null): void {
    if (text === "") {
      // a big graph's tooltips come just after its first picture
      this.tooltip.hidden = true;
      return;
    }
    if (this.tooltip.textContent !== text) this.tooltip.textContent = text;
    this.tooltip.hidden = false;
    if (e) {
      const stage = this.canvas.getBoundingClientRect();
      const left = Math.min(
        e.clientX - stage.left + 14,
        Math.max(0, stage.width - this.tooltip.offsetWidth - 4),
      );
      this.tooltip.style.left = `${left}px`;
      this.tooltip.style.top = `${e.clientY - stage.top + 18}px`;
    }
  }

  private draw(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const ctx = this.context;
    const graph = this.graph;
    if (!ctx || !graph || !this.nodeGrid || !this.edgeGrid) return;
    const { width, height } = this.size;
    if (width === 0 || height === 0) return;
    const backing = backingSize(width, height, window.devicePixelRatio);
    if (this.canvas.width !== backing.width || this.canvas.height !== backing.height) {
      this.canvas.width = backing.width;
      this.canvas.height = backing.height;
    }
    if (this.themeStale) {
      this.theme = readTheme();
      this.themeStale = false;
    }
    const { k, x, y } = this.transform;
    const r = backing.ratio;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, backing.width, backing.height);
    ctx.setTransform(r * k, 0, 0, r * k, r * x, r * y);

    const view = visibleRect(this.transform, width, height, MARGIN_PX);
    const detail = detailAt(k);
    const focus = this.focusKeys;
    let edges = this.edgeGrid.query(view).map((i) => graph.edges[i]);
    let nodes = this.nodeGrid.query(view).map((i) => graph.nodes[i]);
    if (focus) {
      edges = edges.filter((e) => focus.has(e.key));
      nodes = nodes.filter((n) => focus.has(n.key));
    }
    const painter = new Painter(ctx, this.theme, k, detail, view, graph.direction === "top-to-bottom");
    // the open call boxes' frames under everything, their names over the nodes (as the SVG has them)
    if (!focus) paintFrames(ctx, graph.frames, this.theme, view, MIN_STROKE_PX / k, detail.dashes);
    painter.edges(edges, this.lit);
    if (detail.text) painter.edgeTags(edges);
    painter.nodes(nodes, this.highlighted);
    if (!focus && detail.text) paintFrameLabels(ctx, graph.frames, this.theme, view, this.theme.monoFont);
    painter.overlays(nodes, {
      hovered: this.hovered,
      lit: this.lit,
      selected: this.selected,
      matches: this.matches,
      pulsing: this.pulsing,
      pulsePhase: (performance.now() % PULSE_MS) / PULSE_MS,
    });
    if (this.pulsing !== null) this.schedule(); // the ring breathes: draw the next frame too
    const exact = visibleRect(this.transform, width, height, 0);
    this.canvas.dataset.onScreen = String(nodes.filter((n) => meets(n.box, exact)).length);
  }
}

interface Overlays {
  hovered: string | null;
  lit: Set<string>;
  selected: string | null;
  matches: Set<string>;
  pulsing: string | null;
  /** Where in its cycle the pulse is, 0 … 1. */
  pulsePhase: number;
}

/** How close (screen pixels) the pointer must be to an edge for its chain-rule tooltip. */
const EDGE_HOVER_PX = 5;

/** One pulse of the step-through's ring, as the SVG's `gl-pulse` animation: 2 → 6 → 2 px a second. */
const PULSE_MS = 1000;

/** One frame's drawing, in drawing coordinates (the context carries the view's transform). */
class Painter {
  private readonly mono: string;

  constructor(
    private readonly ctx: CanvasRenderingContext2D,
    private readonly theme: CanvasTheme,
    private readonly k: number,
    private readonly detail: Detail,
    private readonly view: Rect,
    /** The graph flows top to bottom: edges bend sideways. */
    private readonly vertical: boolean,
  ) {
    this.mono = theme.monoFont;
  }

  /** A stroke `px` drawing units wide, but never thinner than MIN_STROKE_PX on screen. */
  private width(px: number): number {
    return Math.max(px, MIN_STROKE_PX / this.k);
  }

  /** Edge strokes batched by look (weight class, zero, NaN/∞), one path each; lit ones on top, wider. */
  edges(edges: readonly ViewEdge[], lit: Set<string>): void {
    const { ctx, theme } = this;
    const buckets: ViewEdge[][] = theme.weightStroke.map(() => []);
    const zero: ViewEdge[] = [];
    const bad: ViewEdge[] = [];
    const litEdges: ViewEdge[] = [];
    for (const e of edges) {
      if (lit.has(e.key)) litEdges.push(e);
      else if (e.status === "zero" || e.status === "none") zero.push(e);
      else if (e.status === "nonfinite" || e.mismatch) bad.push(e);
      else buckets[weightLevel(e.weight)].push(e);
    }
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    if (zero.length > 0) {
      // Dashed as in the SVG where few are in view; where many are, dashing costs more than a
      // frame, so they are drawn as fainter solid lines (which is what dashes read as from afar).
      if (this.detail.dashes && zero.length <= MAX_DASHED_EDGES) {
        ctx.globalAlpha = 0.75;
        ctx.setLineDash([3, 4]);
        this.strokeDashed(zero, theme.edge, 1.1);
        ctx.setLineDash([]);
      } else {
        ctx.globalAlpha = 0.45;
        this.strokeRoutes(zero, theme.edge, 1.1);
      }
      ctx.globalAlpha = 1;
    }
    buckets.forEach((list, level) => {
      if (list.length > 0) this.strokeRoutes(list, theme.weightStroke[level], theme.weightWidth[level]);
    });
    if (bad.length > 0) this.strokeRoutes(bad, theme.error, 2.5);
    for (const e of litEdges) {
      const level = weightLevel(e.weight);
      const colour =
        e.status === "nonfinite"
          ? theme.error
          : e.status === "zero" || e.status === "none"
            ? theme.edge
            : theme.weightStroke[level];
      this.strokeRoutes([e], colour, 2 + 3.2 * (level / (theme.weightStroke.length - 1)));
    }
  }

  private strokeRoutes(edges: readonly ViewEdge[], colour: string, width: number): void {
    const { ctx } = this;
    ctx.beginPath();
    for (const e of edges) this.route(e.points);
    ctx.strokeStyle = colour;
    ctx.lineWidth = this.width(width);
    ctx.stroke();
  }

  /** Dashed routes, cut to what is near the view first (dashing costs time along the whole length). */
  private strokeDashed(edges: readonly ViewEdge[], colour: string, width: number): void {
    const { ctx } = this;
    ctx.beginPath();
    for (const e of edges) {
      for (const piece of routePiecesIn(e.points, this.view, this.detail.curves, this.vertical)) {
        ctx.moveTo(piece[0].x, piece[0].y);
        if (piece.length === 2) ctx.lineTo(piece[1].x, piece[1].y);
        else ctx.bezierCurveTo(piece[1].x, piece[1].y, piece[2].x, piece[2].y, piece[3].x, piece[3].y);
      }
    }
    ctx.strokeStyle = colour;
    ctx.lineWidth = this.width(width);
    ctx.stroke();
  }

  /** The route as edgePathData draws it: level stretches straight, bends as S-curves. */
  private route(points: readonly Point[]): void {
    const { ctx } = this;
    if (points.length === 0) return;
    ctx.moveTo(points[0].x, points[0].y);
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      const c = this.detail.curves ? bendControls(a, b, this.vertical) : null;
      if (c === null) ctx.lineTo(b.x, b.y);
      else ctx.bezierCurveTo(c[0].x, c[0].y, c[1].x, c[1].y, b.x, b.y);
    }
  }

  /** The contribution labels: pills in the background colour, bordered by the edge's weight. */
  edgeTags(edges: readonly ViewEdge[]): void {
    const { ctx, theme } = this;
    ctx.font = `${EDGE_LABEL.fontSize}px ${this.mono}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineWidth = 1;
    const h = EDGE_LABEL.height;
    for (const e of edges) {
      if (e.kind === "output" || e.label === null || e.labelAt === null) continue;
      const zero = e.status === "zero";
      const bad = e.status === "nonfinite" || e.mismatch === true;
      const w = textWidth(e.label, EDGE_LABEL.fontSize) + 2 * EDGE_LABEL.paddingX;
      const { x, y } = e.labelAt;
      ctx.globalAlpha = zero ? 0.55 : 1;
      ctx.beginPath();
      ctx.roundRect(x - w / 2, y - h / 2, w, h, h / 2);
      ctx.fillStyle = theme.background;
      ctx.fill();
      ctx.strokeStyle = bad ? theme.error : theme.weightTag[weightLevel(e.weight)];
      ctx.stroke();
      ctx.fillStyle = bad ? theme.error : zero ? theme.muted : theme.foreground;
      if (bad) ctx.font = `600 ${EDGE_LABEL.fontSize}px ${this.mono}`;
      ctx.fillText(e.label, x, y + 0.5);
      if (bad) ctx.font = `${EDGE_LABEL.fontSize}px ${this.mono}`;
    }
    ctx.globalAlpha = 1;
  }

  /** Boxes batched by look, then (near enough) decorations, texts and heatmaps. */
  nodes(nodes: readonly ViewNode[], highlighted: Set<string>): void {
    const { ctx, theme, detail } = this;
    const plain: Box[] = [];
    const roots: Box[] = [];
    const consts: Box[] = [];
    const cuts: Box[] = [];
    const lit: Box[] = [];
    const ops: Box[] = [];
    const groups: ViewGroupNode[] = [];
    for (const n of nodes) {
      if (n.kind === "op") ops.push(n.box);
      else if (n.kind === "group") groups.push(n);
      else if (highlighted.has(n.key)) lit.push(n.box);
      else if (n.root) roots.push(n.box);
      else if (n.role === "const") consts.push(n.box);
      else if (n.cut) cuts.push(n.box);
      else plain.push(n.box);
    }
    const radius = VALUE_NODE.radius;
    this.boxes(ops, OP_NODE.diameter / 2, theme.opBackground, theme.nodeBorder, 1);
    this.boxes(plain, radius, theme.nodeBackground, theme.nodeBorder, 1);
    if (cuts.length > 0) {
      if (detail.dashes) ctx.setLineDash([1, 3]);
      this.boxes(cuts, radius, theme.nodeBackground, theme.nodeBorder, 1);
      ctx.setLineDash([]);
    }
    if (consts.length > 0) {
      ctx.globalAlpha = 0.85;
      if (detail.dashes) ctx.setLineDash([3, 3]);
      this.boxes(consts, radius, null, theme.nodeBorder, 1);
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    }
    this.boxes(roots, radius, theme.nodeBackground, theme.root, 2);
    this.boxes(lit, radius, theme.highlightFill, theme.focus, 2);
    for (const g of groups) this.group(g, highlighted.has(g.key));

    if (detail.decorations) this.accents(nodes);
    for (const n of nodes) if (n.kind === "value" && n.heatmaps && detail.heatFrames) this.heatmaps(n);
    if (!detail.text) return;
    this.rules(nodes);
    this.texts(nodes);
  }

  private boxes(
    boxes: readonly Box[],
    radius: number,
    fill: string | null,
    stroke: string,
    width: number,
  ): void {
    if (boxes.length === 0) return;
    const { ctx } = this;
    if (!this.detail.outlines) {
      // A few pixels small: one fill in the outline's colour is what the box looks like.
      ctx.fillStyle = stroke;
      for (const b of boxes) ctx.fillRect(b.x, b.y, b.width, b.height);
      return;
    }
    ctx.beginPath();
    for (const b of boxes) this.box(b.x, b.y, b.width, b.height, radius);
    if (fill !== null) {
      ctx.fillStyle = fill;
      ctx.fill();
    }
    ctx.strokeStyle = stroke;
    ctx.lineWidth = this.width(width);
    ctx.stroke();
  }

  private box(x: number, y: number, w: number, h: number, radius: number): void {
    if (this.detail.rounded) this.ctx.roundRect(x, y, w, h, Math.min(radius, w / 2, h / 2));
    else this.ctx.rect(x, y, w, h);
  }

  /** A closed fold: two cards behind the front one, and its loop marker when it has one. */
  private group(g: ViewGroupNode, highlighted: boolean): void {
    const { ctx, theme, detail } = this;
    const { x, y, width, height } = g.box;
    const top = g.loop === null ? 0 : GROUP_NODE.loopRoom;
    const back = GROUP_NODE.stack * GROUP_NODE.offset;
    const cw = width - back;
    const ch = height - top - back;
    if (detail.decorations) {
      ctx.globalAlpha = 0.7;
      ctx.beginPath();
      for (let s = GROUP_NODE.stack; s >= 1; s--) {
        this.box(x + s * GROUP_NODE.offset, y + top + s * GROUP_NODE.offset, cw, ch, VALUE_NODE.radius);
      }
      ctx.fillStyle = theme.nodeBackground;
      ctx.fill();
      ctx.strokeStyle = highlighted ? theme.focus : theme.nodeBorder;
      ctx.lineWidth = this.width(1);
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    ctx.beginPath();
    this.box(x, y + top, cw, ch, VALUE_NODE.radius);
    ctx.fillStyle = theme.nodeBackground;
    ctx.fill();
    ctx.strokeStyle = g.root ? theme.root : theme.nodeBorder;
    ctx.lineWidth = this.width(g.root ? 2 : 1.5);
    ctx.stroke();
    if (g.loop !== null && detail.decorations) {
      const right = x + cw * 0.72;
      const left = x + cw * 0.28;
      const ty = y + top;
      ctx.beginPath();
      ctx.moveTo(right, ty);
      ctx.bezierCurveTo(right, ty - 16, left, ty - 16, left + 4, ty - 3);
      ctx.strokeStyle = theme.flow;
      ctx.lineWidth = this.width(1.5);
      ctx.stroke();
      // The arrowhead, pointing down into the card.
      ctx.beginPath();
      ctx.moveTo(left + 1, ty - 7);
      ctx.lineTo(left + 8, ty - 6);
      ctx.lineTo(left + 4.5, ty - 0.5);
      ctx.closePath();
      ctx.fillStyle = theme.flow;
      ctx.fill();
      if (detail.text) {
        ctx.font = `10px ${this.mono}`;
        ctx.textAlign = "left";
        ctx.textBaseline = "alphabetic";
        ctx.fillText(g.loop, right + 6, ty - 5);
      }
    }
  }

  /** Leaves and the root wear a coloured top edge, like a tab. */
  private accents(nodes: readonly ViewNode[]): void {
    const { ctx, theme } = this;
    const r = VALUE_NODE.radius;
    for (const [colour, width, pick] of [
      [theme.leaf, 2.5, (n: ViewValueNode) => n.role === "leaf" && !n.root],
      [theme.root, 3, (n: ViewValueNode) => n.root],
    ] as const) {
      ctx.beginPath();
      let any = false;
      for (const n of nodes) {
        if (n.kind !== "value" || !pick(n)) continue;
        const { x, y, width: w } = n.box;
        ctx.moveTo(x, y + r);
        ctx.arcTo(x, y, x + r, y, r);
        ctx.lineTo(x + w - r, y);
        ctx.arcTo(x + w, y, x + w, y + r, r);
        any = true;
      }
      if (!any) continue;
      ctx.strokeStyle = colour;
      ctx.lineWidth = this.width(width);
      ctx.stroke();
    }
  }

  /** The hairline under each card's name. */
  private rules(nodes: readonly ViewNode[]): void {
    const { ctx, theme } = this;
    ctx.beginPath();
    for (const n of nodes) {
      if (n.kind === "op") continue;
      const { x, y } = cardOrigin(n);
      const w = cardWidth(n);
      ctx.moveTo(x + VALUE_NODE.paddingX, y + VALUE_NODE.ruleY);
      ctx.lineTo(x + w - VALUE_NODE.paddingX, y + VALUE_NODE.ruleY);
    }
    ctx.globalAlpha = 0.6;
    ctx.strokeStyle = theme.nodeBorder;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.globalAlpha = 1;
  }

  /** Names, `data`/`grad` lines, cut tags and op symbols, grouped by font (font changes are costly). */
  private texts(nodes: readonly ViewNode[]): void {
    const { ctx, theme } = this;
    const mono = this.mono;
    const pad = VALUE_NODE.paddingX;
    ctx.textBaseline = "alphabetic";
    ctx.textAlign = "left";
    ctx.font = `600 ${VALUE_NODE.nameFontSize}px ${mono}`;
    for (const n of nodes) {
      if (n.kind === "op") continue;
      const { x, y } = cardOrigin(n);
      ctx.globalAlpha = n.kind === "value" && n.role === "const" ? 0.85 : 1;
      ctx.fillStyle = nameColour(n, theme);
      ctx.fillText(n.label, x + pad, y + VALUE_NODE.nameBaseline, cardWidth(n) - 2 * pad);
    }
    ctx.globalAlpha = 1;
    ctx.font = `${VALUE_NODE.lineFontSize}px ${mono}`;
    ctx.fillStyle = theme.muted;
    for (const n of nodes) {
      if (n.kind === "op") continue;
      const { x, y } = cardOrigin(n);
      ctx.fillText("data", x + pad, y + VALUE_NODE.dataBaseline);
      ctx.fillText("grad", x + pad, y + VALUE_NODE.gradBaseline);
    }
    ctx.textAlign = "right";
    let font = "";
    const setFont = (weight: number) => {
      const f = `${weight} ${VALUE_NODE.lineFontSize}px ${mono}`;
      if (f !== font) ctx.font = font = f;
    };
    for (const n of nodes) {
      if (n.kind === "op") continue;
      const { x, y } = cardOrigin(n);
      const right = x + cardWidth(n) - pad;
      const root = n.kind === "value" && n.root;
      const data = valueLook(n.dataStatus, theme.foreground, root ? 700 : 400, theme);
      setFont(data.weight);
      ctx.fillStyle = data.colour;
      ctx.fillText(n.data, right, y + VALUE_NODE.dataBaseline);
      const grad = valueLook(n.gradStatus, theme.flow, 600, theme);
      setFont(grad.weight);
      ctx.fillStyle = grad.colour;
      ctx.fillText(n.grad, right, y + VALUE_NODE.gradBaseline);
    }
    const cut = nodes.filter((n): n is ViewValueNode => n.kind === "value" && n.cut !== undefined);
    if (cut.length > 0) {
      ctx.font = `italic 10px ${mono}`;
      ctx.fillStyle = theme.muted;
      for (const n of cut) {
        ctx.fillText(CUT_TAG[n.cut!], n.box.x + n.box.width - pad, n.box.y + VALUE_NODE.nameBaseline);
      }
    }
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillStyle = theme.foreground;
    for (const glyph of [true, false]) {
      ctx.font = glyph ? `15px ${mono}` : `600 ${OP_NODE.fontSize}px ${mono}`;
      for (const n of nodes) {
        if (n.kind !== "op" || ([...n.symbol].length === 1) !== glyph) continue;
        ctx.fillText(n.symbol, n.box.x + n.box.width / 2, n.box.y + n.box.height / 2 + 0.5);
      }
    }
  }

  /** A tensor's grids under its `grad` line: labels, frames, and (near enough) the cells. */
  private heatmaps(n: ViewValueNode): void {
    const maps = n.heatmaps;
    if (!maps) return;
    const { ctx, theme, detail } = this;
    const grids: [string, Heatmap][] = [["data", maps.data]];
    if (maps.grad) grids.push(["grad", maps.grad]);
    const band = heatmapsLayout(maps.data.rows, maps.data.cols, grids.length);
    const ox = n.box.x + VALUE_NODE.paddingX;
    const oy = n.box.y + VALUE_NODE.height;
    grids.forEach(([word, map], i) => {
      const gx = ox + i * (band.columnWidth + HEATMAP.gap);
      const gy = oy + HEATMAP.gridTop;
      const cell = band.cell;
      if (detail.text) {
        ctx.font = `${HEATMAP.labelFontSize}px ${this.mono}`;
        ctx.textAlign = "left";
        ctx.textBaseline = "alphabetic";
        ctx.fillStyle = theme.muted;
        ctx.fillText(`${word} ±${map.scale}`, gx, oy + HEATMAP.labelBaseline);
      }
      ctx.fillStyle = theme.background;
      ctx.fillRect(gx, gy, map.cols * cell, map.rows * cell);
      if (detail.heatCells) {
        map.cells.forEach((value, c) => {
          const look = heatCell(value);
          if (!look) return;
          const cx = gx + (c % map.cols) * cell;
          const cy = gy + Math.floor(c / map.cols) * cell;
          ctx.globalAlpha = look.opacity;
          ctx.fillStyle =
            look.className === "gl-heat-neg"
              ? theme.negative
              : look.className === "gl-heat-pos"
                ? theme.positive
                : theme.error;
          ctx.fillRect(cx, cy, cell, cell);
          if (look.className === "gl-heat-bad") {
            ctx.strokeStyle = theme.foreground;
            ctx.lineWidth = this.width(1);
            ctx.strokeRect(cx, cy, cell, cell);
          }
        });
        ctx.globalAlpha = 1;
      }
      ctx.strokeStyle = theme.nodeBorder;
      ctx.lineWidth = this.width(1);
      ctx.strokeRect(gx, gy, map.cols * cell, map.rows * cell);
    });
  }

  /** Hover, selection and search matches, drawn over the boxes. */
  overlays(nodes: readonly ViewNode[], o: Overlays): void {
    const { ctx, theme } = this;
    for (const n of nodes) {
      const hovered = n.key === o.hovered;
      const selected = n.key === o.selected;
      const match = o.matches.has(n.key);
      const lit = o.hovered !== null && !hovered && o.lit.has(n.key);
      const pulsing = n.key === o.pulsing;
      if (!hovered && !selected && !match && !lit && !pulsing) continue;
      const b = frontBox(n);
      const radius = n.kind === "op" ? OP_NODE.diameter / 2 : VALUE_NODE.radius;
      const ring = (colour: string, width: number, dash: number[]) => {
        ctx.setLineDash(dash);
        ctx.beginPath();
        this.box(b.x, b.y, b.width, b.height, radius);
        ctx.strokeStyle = colour;
        ctx.lineWidth = this.width(width);
        ctx.stroke();
      };
      if (lit) ring(theme.focus, 1, []);
      if (match) ring(theme.root, 2, [5, 3]);
      if (selected || hovered) ring(theme.focus, selected ? 2 : 1.5, []);
      if (pulsing) ring(theme.pulse, 2 + 4 * (0.5 - 0.5 * Math.cos(2 * Math.PI * o.pulsePhase)), []);
    }
    ctx.setLineDash([]);
  }
}

/** Colour and weight of a `data`/`grad` number by its status, as the SVG's stylesheet has them. */
function valueLook(
  status: string,
  colour: string,
  weight: number,
  theme: CanvasTheme,
): { colour: string; weight: number } {
  if (status === "zero" || status === "none") return { colour: theme.muted, weight: 400 };
  if (status === "nonfinite") return { colour: theme.error, weight: 700 };
  return { colour, weight };
}

function nameColour(n: ViewValueNode | ViewGroupNode, theme: CanvasTheme): string {
  if (n.kind === "group") return theme.groupName;
  if (n.root) return theme.root;
  if (n.role === "const" || n.cut) return theme.muted;
  if (n.role === "leaf") return theme.leafName;
  return theme.foreground;
}

/** Where a card's text is set from: a value node's box, or a group's front card (below its loop). */
function cardOrigin(n: ViewValueNode | ViewGroupNode): Point {
  const top = n.kind === "group" && n.loop !== null ? GROUP_NODE.loopRoom : 0;
  return { x: n.box.x, y: n.box.y + top };
}

function cardWidth(n: ViewValueNode | ViewGroupNode): number {
  return n.kind === "group" ? n.box.width - GROUP_NODE.stack * GROUP_NODE.offset : n.box.width;
}

/** The box a ring goes round: a group's front card, else the node's box. */
function frontBox(n: ViewNode): Box {
  if (n.kind !== "group") return n.box;
  const { x, y } = cardOrigin(n);
  const back = GROUP_NODE.stack * GROUP_NODE.offset;
  const top = n.loop === null ? 0 : GROUP_NODE.loopRoom;
  return { x, y, width: n.box.width - back, height: n.box.height - top - back };
}

function grow(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

function readTheme(): CanvasTheme {
  const style = getComputedStyle(document.body);
  return canvasTheme((name) => style.getPropertyValue(name));
}
