/**
 * The messages between the extension host and the graph webview — the only vocabulary the two
 * share. Each side validates what it receives with `parseHostMessage` / `parseWebviewMessage`
 * and ignores anything that does not parse (a webview is untrusted input to the host, and the
 * webview should not draw half a message). User actions name a trace node id; the host decides
 * what to do with them.
 */
import {
  hasFields,
  isArrayOf,
  isBoolean,
  isInteger,
  isNullable,
  isOneOf,
  isRecord,
  isString,
  objectOf,
} from "./guards";
import { decodeGraph, encodeGraph, type GraphWire } from "./graphWire";
import type { NumbersMessage } from "./numbersPatch";
import type { ViewGraph } from "./viewGraph";
import { isViewGraph } from "./viewGraphGuard";

export type { NumbersMessage } from "./numbersPatch";
export type { ViewGraph } from "./viewGraph";

/** Host → webview. */
export type HostMessage =
  | GraphMessage
  | NumbersMessage
  | StaleMessage
  | EmptyMessage
  | HighlightMessage
  | LossesMessage
  | StepMessage
  | ExportRequestMessage
  | FiguresMessage;

/** A new laid-out graph to draw; replaces the previous one. */
export interface GraphMessage {
  type: "graph";
  graph: ViewGraph;
  /** Whether the graph is already out of date when sent (e.g. restored after a reload). */
  stale: boolean;
  /** What the graph is of, e.g. the file name; shown in the header. */
  title: string;
}

/** A `graph` message as the host posts it: the graph as buffers (graphWire), which cross as bytes. */
export interface GraphWireMessage {
  type: "graph";
  wire: GraphWire;
  stale: boolean;
  title: string;
}

/**
 * The message to post for `message`: on the wire, or as it is when its texts cannot go as
 * bytes. `tooltips`: false leaves titles and chain rules empty, for a `numbers` message to bring.
 */
export function graphOnWire(message: GraphMessage, tooltips = true): GraphWireMessage | GraphMessage {
  const wire = encodeGraph(message.graph, tooltips);
  return wire ? { type: "graph", wire, stale: message.stale, title: message.title } : message;
}

/**
 * The source changed in a way that produced no new graph (a syntax error): the last good graph
 * stays on screen, marked stale with the reason, until the next `graph` message.
 */
export interface StaleMessage {
  type: "stale";
  stale: boolean;
  /** Why, e.g. `SyntaxError at line 4`; null for no particular reason. */
  reason: string | null;
}

/** Nothing to draw (no Python file, or a program without values); clears the graph. */
export interface EmptyMessage {
  type: "empty";
  message: string;
}

/** Emphasise these value nodes (trace node ids), e.g. those under the editor's cursor; [] clears. */
export interface HighlightMessage {
  type: "highlight";
  nodes: number[];
}

/** The loss curve of a training run, drawn beside the graph; sent again as it grows. */
export interface LossesMessage {
  type: "losses";
  values: number[];
  /** False while training runs. */
  done: boolean;
}

/**
 * One step of the backward-pass step-through: the node being processed pulses, and the panel
 * spells out upstream × local = contribution for each of its inputs, with the running sums.
 * `node: null` ends the step-through.
 */
export interface StepMessage {
  type: "step";
  node: number | null;
  /** 0-based step and the number of steps. */
  index: number;
  total: number;
  title: string;
  lines: string[];
  /** Whether the host is playing the steps on a timer. */
  playing: boolean;
}

/**
 * The figures the program showed (matplotlib's, Graphviz graphs), drawn as SVG by the run,
 * for the panel's Figures tab; `[]` hides the tab.
 */
export interface FiguresMessage {
  type: "figures";
  figures: FigureItem[];
}

export interface FigureItem {
  /** SVG markup made by GradLens's own renderer (program text inside it is escaped). */
  svg: string;
  /** Its title, or "" for none. */
  title: string;
  /** 1-based line of the code that showed it; null when unknown. */
  line: number | null;
}

/** Figures a message may carry, and characters of SVG each may have (the run keeps fewer). */
const MAX_FIGURES = 100;
const MAX_FIGURE_CHARS = 8_000_000;

const isFigureItem = objectOf<FigureItem>({
  svg: (x): x is string => typeof x === "string" && x.length <= MAX_FIGURE_CHARS && x.startsWith("<svg"),
  title: isString,
  line: isNullable(isInteger),
});

/** Draw the graph as a picture and send it back (`exported`, same id): SVG text or a PNG. */
export interface ExportRequestMessage {
  type: "exportRequest";
  id: number;
  format: "svg" | "png";
}

/** Webview → host. */
export type WebviewMessage =
  | ReadyMessage
  | ViewportMessage
  | RevealMessage
  | WebviewErrorMessage
  | StepActionMessage
  | ExportedMessage
  | ToggleGroupMessage;

/**
 * The user clicked a group node (open it) or asked to fold an open group back (`key`: a
 * value's `fold`). The host applies it with `applyToggle` and sends the graph again.
 */
export interface ToggleGroupMessage {
  type: "toggleGroup";
  key: string;
}

/** The user pressed a step-through control. */
export interface StepActionMessage {
  type: "stepAction";
  action: "next" | "previous" | "play" | "pause" | "stop";
}

/** The picture an `exportRequest` asked for: SVG text, or a PNG as base64; null with a reason if it failed. */
export interface ExportedMessage {
  type: "exported";
  id: number;
  data: string | null;
  error: string | null;
}

/** The webview has loaded and listens: the host sends the current state. */
export interface ReadyMessage {
  type: "ready";
}

/**
 * The size of the webview's page, in CSS pixels: sent before `ready` and again when it changes,
 * so the host can lay the graph out to suit it (`gradlens.layoutDirection`: `auto`).
 */
export interface ViewportMessage {
  type: "viewport";
  width: number;
  height: number;
}

/** The user clicked a value node (a trace node id): reveal and select its source span. */
export interface RevealMessage {
  type: "reveal";
  node: number;
}

/** Something went wrong inside the webview (a message it could not draw); for the host's log. */
export interface WebviewErrorMessage {
  type: "error";
  message: string;
}

/** The message, typed, or null when `x` is not a well-formed host message. */
export function parseHostMessage(x: unknown): HostMessage | null {
  if (!isRecord(x)) return null;
  switch (x.type) {
    case "graph": {
      if (!isBoolean(x.stale) || !isString(x.title)) return null;
      if (isRecord(x.wire)) {
        const { texts, ints, floats } = x.wire;
        if (!(texts instanceof Uint8Array && ints instanceof Int32Array && floats instanceof Float64Array))
          return null;
        const graph = decodeGraph({ texts, ints, floats });
        return graph ? { type: "graph", graph, stale: x.stale, title: x.title } : null;
      }
      return isViewGraph(x.graph) ? { type: "graph", graph: x.graph, stale: x.stale, title: x.title } : null;
    }
    case "numbers":
      return hasFields<NumbersMessage>(x, {
        type: isLiteral("numbers"),
        title: isString,
        nodes: isInteger,
        edges: isInteger,
        tooltips: isBoolean,
        texts: isInstance(Uint8Array),
        statuses: isInstance(Uint8Array),
        weights: isInstance(Float64Array),
        cells: isInstance(Float64Array),
      })
        ? {
            type: "numbers",
            title: x.title,
            nodes: x.nodes,
            edges: x.edges,
            tooltips: x.tooltips,
            texts: x.texts,
            statuses: x.statuses,
            weights: x.weights,
            cells: x.cells,
          }
        : null;
    case "stale":
      return hasFields<StaleMessage>(x, {
        type: isLiteral("stale"),
        stale: isBoolean,
        reason: isNullable(isString),
      })
        ? { type: "stale", stale: x.stale, reason: x.reason }
        : null;
    case "empty":
      return hasFields<EmptyMessage>(x, { type: isLiteral("empty"), message: isString })
        ? { type: "empty", message: x.message }
        : null;
    case "highlight":
      return hasFields<HighlightMessage>(x, { type: isLiteral("highlight"), nodes: isArrayOf(isInteger) })
        ? { type: "highlight", nodes: [...x.nodes] }
        : null;
    case "losses":
      return hasFields<LossesMessage>(x, {
        type: isLiteral("losses"),
        values: isArrayOf(isAnyNumber),
        done: isBoolean,
      })
        ? { type: "losses", values: [...x.values], done: x.done }
        : null;
    case "step":
      return hasFields<StepMessage>(x, {
        type: isLiteral("step"),
        node: isNullable(isInteger),
        index: isInteger,
        total: isInteger,
        title: isString,
        lines: isArrayOf(isString),
        playing: isBoolean,
      })
        ? {
            type: "step",
            node: x.node,
            index: x.index,
            total: x.total,
            title: x.title,
            lines: [...x.lines],
            playing: x.playing,
          }
        : null;
    case "exportRequest":
      return isInteger(x.id) && (x.format === "svg" || x.format === "png")
        ? { type: "exportRequest", id: x.id, format: x.format }
        : null;
    case "figures":
      return Array.isArray(x.figures) && x.figures.length <= MAX_FIGURES && x.figures.every(isFigureItem)
        ? {
            type: "figures",
            figures: x.figures.map((f) => ({ svg: f.svg, title: f.title, line: f.line })),
          }
        : null;
    default:
      return null;
  }
}

/** The message, typed, or null when `x` is not a well-formed webview message. */
export function parseWebviewMessage(x: unknown): WebviewMessage | null {
  if (!isRecord(x)) return null;
  switch (x.type) {
    case "ready":
      return { type: "ready" };
    case "viewport":
      return isSize(x.width) && isSize(x.height)
        ? { type: "viewport", width: x.width, height: x.height }
        : null;
    case "reveal":
      return isInteger(x.node) ? { type: "reveal", node: x.node } : null;
    case "error":
      return isString(x.message) ? { type: "error", message: x.message } : null;
    case "stepAction":
      return isStepAction(x.action) ? { type: "stepAction", action: x.action } : null;
    case "toggleGroup":
      return isFoldKey(x.key) ? { type: "toggleGroup", key: x.key } : null;
    case "exported":
      return isInteger(x.id) && isNullable(isString)(x.data) && isNullable(isString)(x.error)
        ? { type: "exported", id: x.id, data: x.data, error: x.error }
        : null;
    default:
      return null;
  }
}

/**
 * `g12:20`, `c3`, `c3/g12:20`, `g4:9f1` (in the program's first module file): short, and nothing
 * else (the key goes into a Set the host keeps).
 */
const isFoldKey = (x: unknown): x is string =>
  typeof x === "string" && x.length <= 64 && /^(c\d+|g\d+:\d+(f\d+)?)(\/(c\d+|g\d+:\d+(f\d+)?))*$/.test(x);

const isStepAction = isOneOf(["next", "previous", "play", "pause", "stop"] as const);

/** A loss may be NaN or ±∞ (that is worth seeing), unlike a coordinate. */
const isAnyNumber = (x: unknown): x is number => typeof x === "number";

/** A page's width or height: finite, not negative, not absurd. */
const isSize = (x: unknown): x is number => typeof x === "number" && x >= 0 && x <= 1e5;

function isInstance<T>(type: abstract new (...args: never[]) => T) {
  return (x: unknown): x is T => x instanceof type;
}

function isLiteral<const T extends string>(value: T) {
  return (x: unknown): x is T => x === value;
}
