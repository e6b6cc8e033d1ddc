import type { NumberStatus } from "./format";
import type { Heatmap, ViewGraph } from "./viewGraph";

/**
 * A graph's numbers without its shape: what a training step (or an edited number) changes in a
 * graph laid out like the one on screen (samePlaces). Texts travel as one UTF-8 buffer and the
 * rest as typed arrays, which cross postMessage as bytes; no JSON of the view, no validation
 * of thousands of objects on arrival.
 *
 * Fields, in the graph's order — per node: a value's label, title, data, grad (then its
 * heatmaps' scales); a group's label, title, data, grad, loop label (`""` for none); an op's
 * symbol and title — then per edge its label and chain rule where it has them. Each text ends
 * with a NUL. Without `tooltips`, titles and chain rules are left out: they are most of the
 * bytes, and only a hover shows them, so a fast training run sends them a few times a second. Statuses: a value's or group's data and grad, then each edge's. Weights: each
 * edge's. Cells: each heatmap's, value nodes' data grid then grad grid, NaN for a NaN/±∞ cell.
 * Source spans are not among them: the panel does not use them (a click names a trace id).
 */
export interface NumbersMessage {
  type: "numbers";
  /** The title of the graph these numbers are for; counts as a check that it is that graph. */
  title: string;
  nodes: number;
  edges: number;
  /** Whether the texts hold the titles and chain rules (the tooltips). */
  tooltips: boolean;
  texts: Uint8Array;
  statuses: Uint8Array;
  weights: Float64Array;
  cells: Float64Array;
}

const STATUS_CODES = ["normal", "zero", "nonfinite", "none"] as const;
const NONE = STATUS_CODES.indexOf("none");
const SEPARATOR = "\u0000";

/** The numbers of `graph`; null when a text holds a NUL (it would end early): send the graph itself. */
export function encodeNumbers(graph: ViewGraph, title: string, tooltips = true): NumbersMessage | null {
  const texts: string[] = [];
  const tip = (text: string) => {
    if (tooltips) texts.push(text);
  };
  const statuses: number[] = [];
  const cells: number[] = [];
  const status = (s: NumberStatus | "none") => statuses.push(STATUS_CODES.indexOf(s));
  for (const node of graph.nodes) {
    if (node.kind === "op") {
      texts.push(node.symbol);
      tip(node.title);
      continue;
    }
    texts.push(node.label);
    tip(node.title);
    texts.push(node.data, node.grad);
    status(node.dataStatus);
    status(node.gradStatus);
    if (node.kind === "group") texts.push(node.loop ?? "");
    else if (node.heatmaps) {
      const { data, grad } = node.heatmaps;
      texts.push(data.scale);
      pushCells(cells, data);
      if (grad) {
        texts.push(grad.scale);
        pushCells(cells, grad);
      }
    }
  }
  const weights = new Float64Array(graph.edges.length);
  graph.edges.forEach((edge, i) => {
    if (edge.label !== null) texts.push(edge.label);
    if (edge.chainRule !== null) tip(edge.chainRule);
    status(edge.status);
    weights[i] = edge.weight;
  });
  if (texts.some((t) => t.includes(SEPARATOR))) return null;
  return {
    type: "numbers",
    title,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    tooltips,
    texts: new TextEncoder().encode(texts.join(SEPARATOR) + SEPARATOR),
    statuses: Uint8Array.from(statuses),
    weights,
    cells: Float64Array.from(cells),
  };
}

function pushCells(out: number[], map: Heatmap): void {
  for (const c of map.cells) out.push(c === null ? NaN : c);
}

/**
 * Writes the numbers into `graph` (the one on screen, whose places they were made for). Checks
 * everything first and changes nothing unless all of it fits: false when it does not (numbers
 * for another graph, or malformed).
 */
export function applyNumbers(graph: ViewGraph, message: NumbersMessage): boolean {
  if (message.nodes !== graph.nodes.length || message.edges !== graph.edges.length) return false;
  const texts = new TextDecoder().decode(message.texts).split(SEPARATOR);
  if (texts.pop() !== "") return false; // each text ends with a separator
  const tips = message.tooltips ? 1 : 0;
  let textCount = 0;
  let statusCount = 0;
  let cellCount = 0;
  for (const node of graph.nodes) {
    if (node.kind === "op") {
      textCount += 1 + tips;
      continue;
    }
    // a data status is never "none": only a gradient can be missing
    if (message.statuses[statusCount] === NONE) return false;
    statusCount += 2;
    textCount += (node.kind === "group" ? 4 : 3) + tips;
    if (node.kind === "value" && node.heatmaps) {
      const { data, grad } = node.heatmaps;
      textCount += grad ? 2 : 1;
      cellCount += data.cells.length + (grad ? grad.cells.length : 0);
    }
  }
  for (const edge of graph.edges) {
    textCount += (edge.label !== null ? 1 : 0) + (edge.chainRule !== null ? tips : 0);
    statusCount++;
  }
  if (
    texts.length !== textCount ||
    message.statuses.length !== statusCount ||
    message.weights.length !== graph.edges.length ||
    message.cells.length !== cellCount
  )
    return false;
  if (message.statuses.some((code) => code >= STATUS_CODES.length)) return false;
  if (message.weights.some((w) => !(w >= 0 && w <= 1))) return false;
  if (message.cells.some((cell) => Math.abs(cell) > 1)) return false; // NaN passes: a NaN/±∞ cell

  let t = 0;
  let s = 0;
  let c = 0;
  const status = () => STATUS_CODES[message.statuses[s++]];
  const grid = (map: Heatmap): Heatmap => {
    const cells = map.cells.map(() => {
      const v = message.cells[c++];
      return Number.isNaN(v) ? null : v;
    });
    return { ...map, cells, scale: texts[t++] };
  };
  for (const node of graph.nodes) {
    if (node.kind === "op") {
      node.symbol = texts[t++];
      if (tips) node.title = texts[t++];
      continue;
    }
    node.label = texts[t++];
    if (tips) node.title = texts[t++];
    node.data = texts[t++];
    node.grad = texts[t++];
    node.dataStatus = status() as NumberStatus; // checked above: never "none"
    node.gradStatus = status();
    if (node.kind === "group") {
      const loop = texts[t++];
      node.loop = node.loop === null ? null : loop;
    } else if (node.heatmaps) {
      const data = grid(node.heatmaps.data);
      node.heatmaps = { data, grad: node.heatmaps.grad ? grid(node.heatmaps.grad) : null };
    }
  }
  graph.edges.forEach((edge, i) => {
    if (edge.label !== null) edge.label = texts[t++];
    if (edge.chainRule !== null && tips) edge.chainRule = texts[t++];
    edge.status = status();
    edge.weight = message.weights[i];
  });
  return true;
}
