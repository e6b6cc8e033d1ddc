import type { NodeKind, Span } from "../trace/trace";
import type { NumberStatus } from "./format";
import type {
  Heatmap,
  LayoutDirection,
  Point,
  ViewEdge,
  ViewEdgeKind,
  ViewFrame,
  ViewGraph,
  ViewNode,
} from "./viewGraph";

/**
 * A laid-out graph as three buffers — its texts (UTF-8, each ended by a NUL), its integers and
 * its coordinates — which postMessage copies as bytes: no object per node to clone, and no
 * JSON anywhere between the host and the page. A text said before is sent as a reference to it
 * (a big graph repeats its chain rules' names and rules, its numbers and its ops' titles: half
 * its text bytes). The decoder reads the fields back in the order
 * the encoder wrote them, checking each (a kind, a status, an edge's ends, a finite coordinate)
 * as it goes, so a malformed message yields null rather than half a graph.
 */
export interface GraphWire {
  texts: Uint8Array;
  ints: Int32Array;
  floats: Float64Array;
}

const DIRECTIONS: readonly LayoutDirection[] = ["left-to-right", "right-to-left", "top-to-bottom"];
const NODE_KINDS = ["value", "op", "group"] as const;
const ROLES: readonly NodeKind[] = ["leaf", "const", "op"];
const STATUSES = ["normal", "zero", "nonfinite", "none"] as const;
const EDGE_KINDS: readonly ViewEdgeKind[] = ["input", "output", "bundle"];
const FOLDS = ["span", "call"] as const;
const CUTS = ["no_grad", "detach"] as const;
const SEPARATOR = "\u0000";
/**
 * Starts a reference to an earlier text (its index, base 36); a text that itself starts with it
 * is sent with it doubled. Texts this short or shorter are not worth a reference.
 */
const REFERENCE = "\u0001";
const SHORT = 4;

/** Integers for "absent": a null span, a missing heatmap, no cut. */
const NONE = -1;

/** Growing typed arrays: no array of boxed numbers to copy at the end. */
class Writer {
  readonly texts: string[] = [];
  /** Each text sent, at its first index. */
  private readonly said = new Map<string, number>();
  private intBuffer = new Int32Array(1024);
  private intCount = 0;
  private floatBuffer = new Float64Array(1024);
  private floatCount = 0;
  text(s: string): void {
    if (s.length <= SHORT) {
      this.texts.push(s.startsWith(REFERENCE) ? REFERENCE + s : s);
      return;
    }
    const earlier = this.said.get(s);
    if (earlier !== undefined) {
      this.texts.push(REFERENCE + earlier.toString(36));
      return;
    }
    this.said.set(s, this.texts.length);
    this.texts.push(s.startsWith(REFERENCE) ? REFERENCE + s : s);
  }
  /** A text or null: a flag, then the text when there is one. */
  maybeText(s: string | null): void {
    this.int(s === null ? 0 : 1);
    if (s !== null) this.text(s);
  }
  int(n: number): void {
    if (this.intCount === this.intBuffer.length) {
      const grown = new Int32Array(this.intBuffer.length * 2);
      grown.set(this.intBuffer);
      this.intBuffer = grown;
    }
    this.intBuffer[this.intCount++] = n;
  }
  float(x: number): void {
    if (this.floatCount === this.floatBuffer.length) {
      const grown = new Float64Array(this.floatBuffer.length * 2);
      grown.set(this.floatBuffer);
      this.floatBuffer = grown;
    }
    this.floatBuffer[this.floatCount++] = x;
  }
  /** A span: its offsets, then (when there is one) the module file it lies in, if not the program. */
  span(s: Span | null): void {
    this.int(s === null ? NONE : s.from);
    this.int(s === null ? NONE : s.to);
    if (s !== null) this.maybeText(s.file ?? null);
  }
  ints(): Int32Array {
    return this.intBuffer.slice(0, this.intCount);
  }
  floats(): Float64Array {
    return this.floatBuffer.slice(0, this.floatCount);
  }
}

/**
 * The graph as buffers; null when a text holds a NUL (it would end early): send it as it is.
 * Without `tooltips`, every title and chain rule is left empty (they are most of the bytes of
 * a big graph, and no use before a hover): a `numbers` message brings them after the first paint.
 */
export function encodeGraph(graph: ViewGraph, tooltips = true): GraphWire | null {
  const w = new Writer();
  const tip = (text: string) => (tooltips ? text : "");
  w.int(graph.nodes.length);
  w.int(graph.edges.length);
  w.int(graph.root ?? NONE);
  w.int(DIRECTIONS.indexOf(graph.direction));
  w.float(graph.width);
  w.float(graph.height);
  w.text(graph.rootName);
  const index = new Map<string, number>();
  graph.nodes.forEach((node, i) => {
    index.set(node.key, i);
    w.int(NODE_KINDS.indexOf(node.kind));
    w.text(node.key);
    w.int(node.trace);
    w.int(node.layer);
    w.text(tip(node.title));
    w.float(node.box.x);
    w.float(node.box.y);
    w.float(node.box.width);
    w.float(node.box.height);
    if (node.kind === "op") {
      w.text(node.symbol);
      return;
    }
    w.text(node.label);
    w.text(node.data);
    w.text(node.grad);
    w.int(STATUSES.indexOf(node.dataStatus));
    w.int(STATUSES.indexOf(node.gradStatus));
    w.int(node.root ? 1 : 0);
    w.span(node.span);
    if (node.kind === "value") {
      w.int(ROLES.indexOf(node.role));
      w.maybeText(node.fold);
      w.int(node.cut === undefined ? NONE : CUTS.indexOf(node.cut));
      w.int(node.heatmaps ? (node.heatmaps.grad ? 2 : 1) : 0);
      if (node.heatmaps) {
        writeHeatmap(w, node.heatmaps.data);
        if (node.heatmaps.grad) writeHeatmap(w, node.heatmaps.grad);
      }
      return;
    }
    w.int(FOLDS.indexOf(node.fold));
    w.int(node.count);
    w.int(node.values);
    w.maybeText(node.loop);
    w.int(node.folds.length);
    for (const f of node.folds) w.text(f);
    w.int(node.members.length);
    for (const m of node.members) w.int(m);
  });
  for (const edge of graph.edges) {
    w.int(EDGE_KINDS.indexOf(edge.kind));
    w.text(edge.key);
    w.int(index.get(edge.from) ?? NONE);
    w.int(index.get(edge.to) ?? NONE);
    w.int(edge.fromTrace);
    w.int(edge.toTrace);
    w.maybeText(edge.label);
    w.maybeText(edge.chainRule === null ? null : tip(edge.chainRule));
    w.int(STATUSES.indexOf(edge.status));
    w.int(edge.mismatch ? 1 : 0);
    w.float(edge.weight);
    w.int(edge.points.length);
    for (const p of edge.points) {
      w.float(p.x);
      w.float(p.y);
    }
    w.int(edge.labelAt === null ? 0 : 1);
    if (edge.labelAt !== null) {
      w.float(edge.labelAt.x);
      w.float(edge.labelAt.y);
    }
  }
  // the open call boxes' frames, their members as node positions
  const frames = graph.frames ?? [];
  w.int(frames.length);
  for (const frame of frames) {
    w.text(frame.key);
    w.text(frame.label);
    w.int(frame.depth);
    w.int(frame.members.length);
    for (const key of frame.members) w.int(index.get(key) ?? NONE);
    w.float(frame.box.x);
    w.float(frame.box.y);
    w.float(frame.box.width);
    w.float(frame.box.height);
  }
  if (w.texts.some((t) => t.includes(SEPARATOR))) return null;
  return {
    texts: new TextEncoder().encode(w.texts.join(SEPARATOR) + SEPARATOR),
    ints: w.ints(),
    floats: w.floats(),
  };
}

function writeHeatmap(w: Writer, map: Heatmap): void {
  w.int(map.rows);
  w.int(map.cols);
  w.text(map.scale);
  for (const c of map.cells) w.float(c === null ? NaN : c);
}

/** Thrown by the reader at the first field that is out of place; the decoder turns it into null. */
class Malformed extends Error {}

class Reader {
  private t = 0;
  private i = 0;
  private f = 0;
  private readonly texts: string[];

  constructor(private readonly wire: GraphWire) {
    this.texts = new TextDecoder().decode(wire.texts).split(SEPARATOR);
    if (this.texts.pop() !== "") throw new Malformed(); // every text ends with a separator
    const texts = this.texts;
    for (let k = 0; k < texts.length; k++) {
      const s = texts[k];
      if (!s.startsWith(REFERENCE)) continue;
      if (s.startsWith(REFERENCE, 1)) {
        texts[k] = s.slice(1);
        continue;
      }
      // a reference to an earlier text (read already, so a reference to a reference is one too)
      const digits = s.slice(1);
      if (!/^[0-9a-z]{1,8}$/.test(digits)) throw new Malformed();
      const earlier = parseInt(digits, 36);
      if (earlier >= k) throw new Malformed();
      texts[k] = texts[earlier];
    }
  }

  text(): string {
    if (this.t >= this.texts.length) throw new Malformed();
    return this.texts[this.t++];
  }
  maybeText(): string | null {
    return this.flag() ? this.text() : null;
  }
  int(): number {
    if (this.i >= this.wire.ints.length) throw new Malformed();
    return this.wire.ints[this.i++];
  }
  /** An integer in [least, most]. */
  intIn(least: number, most: number): number {
    const n = this.int();
    if (n < least || n > most) throw new Malformed();
    return n;
  }
  count(): number {
    return this.intIn(0, 0x7fffffff);
  }
  flag(): boolean {
    return this.intIn(0, 1) === 1;
  }
  pick<T>(values: readonly T[]): T {
    return values[this.intIn(0, values.length - 1)];
  }
  /** A finite number, or, `nan`, NaN too. */
  float(nan = false): number {
    if (this.f >= this.wire.floats.length) throw new Malformed();
    const x = this.wire.floats[this.f++];
    if (!Number.isFinite(x) && !(nan && Number.isNaN(x))) throw new Malformed();
    return x;
  }
  span(): Span | null {
    const from = this.int();
    const to = this.int();
    if (from === NONE && to === NONE) return null;
    if (from < 0 || to < from) throw new Malformed();
    const file = this.maybeText();
    return file === null ? { from, to } : { from, to, file };
  }
  /** Whether every field was read: a message with more than it says is not one. */
  done(): boolean {
    return (
      this.t === this.texts.length && this.i === this.wire.ints.length && this.f === this.wire.floats.length
    );
  }
}

/** The graph the buffers hold, or null when they do not hold a well-formed one. */
export function decodeGraph(wire: GraphWire): ViewGraph | null {
  try {
    return readGraph(new Reader(wire));
  } catch (e) {
    if (e instanceof Malformed) return null;
    throw e;
  }
}

function readGraph(r: Reader): ViewGraph {
  const nodeCount = r.count();
  const edgeCount = r.count();
  const root = r.int();
  const direction = r.pick(DIRECTIONS);
  const width = r.float();
  const height = r.float();
  const rootName = r.text();
  const nodes: ViewNode[] = [];
  const keys = new Set<string>();
  for (let n = 0; n < nodeCount; n++) {
    const node = readNode(r);
    if (keys.has(node.key)) throw new Malformed();
    keys.add(node.key);
    nodes.push(node);
  }
  const edges: ViewEdge[] = [];
  for (let e = 0; e < edgeCount; e++) edges.push(readEdge(r, nodes));
  const frameCount = r.count();
  const frames: ViewFrame[] = [];
  for (let f = 0; f < frameCount; f++) {
    const key = r.text();
    const label = r.text();
    const depth = r.intIn(1, 0x7fffffff);
    const memberCount = r.count();
    const members: string[] = [];
    for (let m = 0; m < memberCount; m++) members.push(nodes[r.intIn(0, nodes.length - 1)].key);
    const box = { x: r.float(), y: r.float(), width: r.float(), height: r.float() };
    frames.push({ key, label, depth, members, box });
  }
  if (!r.done()) throw new Malformed();
  const graph: ViewGraph = {
    nodes,
    edges,
    width,
    height,
    root: root === NONE ? null : root,
    rootName,
    direction,
  };
  if (frames.length > 0) graph.frames = frames;
  return graph;
}

function readNode(r: Reader): ViewNode {
  const kind = r.pick(NODE_KINDS);
  const key = r.text();
  const trace = r.int();
  const layer = r.int();
  const title = r.text();
  const box = { x: r.float(), y: r.float(), width: r.float(), height: r.float() };
  if (kind === "op") return { kind, key, trace, symbol: r.text(), title, box, layer };
  const label = r.text();
  const data = r.text();
  const grad = r.text();
  const dataStatus = r.pick(STATUSES);
  if (dataStatus === "none") throw new Malformed(); // only a gradient can be missing
  const gradStatus = r.pick(STATUSES);
  const isRoot = r.flag();
  const span = r.span();
  if (kind === "value") {
    const role = r.pick(ROLES);
    const fold = r.maybeText();
    const cut = r.intIn(NONE, CUTS.length - 1);
    const maps = r.intIn(0, 2);
    const node: ViewNode = {
      kind,
      key,
      trace,
      role,
      root: isRoot,
      label,
      title,
      data,
      grad,
      dataStatus: dataStatus as NumberStatus,
      gradStatus,
      span,
      fold,
      box,
      layer,
    };
    // in the order buildViewGraph adds them, so the graph's JSON (Export graph) reads the same
    if (maps > 0) node.heatmaps = { data: readHeatmap(r), grad: maps === 2 ? readHeatmap(r) : null };
    if (cut !== NONE) node.cut = CUTS[cut];
    return node;
  }
  const fold = r.pick(FOLDS);
  const count = r.int();
  const values = r.int();
  const loop = r.maybeText();
  const folds: string[] = [];
  for (let k = r.count(); k > 0; k--) folds.push(r.text());
  const members: number[] = [];
  for (let k = r.count(); k > 0; k--) members.push(r.int());
  return {
    kind,
    key,
    folds,
    trace,
    fold,
    label,
    count,
    values,
    members,
    data,
    grad,
    dataStatus: dataStatus as NumberStatus,
    gradStatus,
    loop,
    root: isRoot,
    title,
    span,
    box,
    layer,
  };
}

function readHeatmap(r: Reader): Heatmap {
  const rows = r.intIn(1, 1 << 16);
  const cols = r.intIn(1, 1 << 16);
  const scale = r.text();
  const cells: (number | null)[] = [];
  for (let c = rows * cols; c > 0; c--) {
    const x = r.float(true);
    if (Math.abs(x) > 1) throw new Malformed();
    cells.push(Number.isNaN(x) ? null : x);
  }
  return { rows, cols, cells, scale };
}

function readEdge(r: Reader, nodes: readonly ViewNode[]): ViewEdge {
  const kind = r.pick(EDGE_KINDS);
  const key = r.text();
  const from = nodes[r.intIn(0, nodes.length - 1)].key;
  const to = nodes[r.intIn(0, nodes.length - 1)].key;
  const fromTrace = r.int();
  const toTrace = r.int();
  const label = r.maybeText();
  const chainRule = r.maybeText();
  const status = r.pick(STATUSES);
  const mismatch = r.flag();
  const weight = r.float();
  const points: Point[] = [];
  const pointCount = r.intIn(2, 1 << 20);
  for (let k = 0; k < pointCount; k++) points.push({ x: r.float(), y: r.float() });
  const labelAt = r.flag() ? { x: r.float(), y: r.float() } : null;
  const edge: ViewEdge = {
    kind,
    key,
    from,
    to,
    fromTrace,
    toTrace,
    label,
    chainRule,
    status,
    weight,
    points,
    labelAt,
  };
  if (mismatch) edge.mismatch = true;
  return edge;
}
