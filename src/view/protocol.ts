/**
 * The messages between the extension host and the graph webview — the only vocabulary the two
 * share. Each side validates what it receives with `parseHostMessage` / `parseWebviewMessage`
 * and ignores anything that does not parse (a webview is untrusted input to the host, and the
 * webview should not draw half a message). User actions name a trace node id; the host decides
 * what to do with them.
 */
import { hasFields, isArrayOf, isBoolean, isInteger, isNullable, isRecord, isString } from "./guards";
import type { ViewGraph } from "./viewGraph";
import { isViewGraph } from "./viewGraphGuard";

export type { ViewGraph } from "./viewGraph";

/** Host → webview. */
export type HostMessage = GraphMessage | StaleMessage | EmptyMessage | HighlightMessage;

/** A new laid-out graph to draw; replaces the previous one. */
export interface GraphMessage {
  type: "graph";
  graph: ViewGraph;
  /** Whether the graph is already out of date when sent (e.g. restored after a reload). */
  stale: boolean;
  /** What the graph is of, e.g. the file name; shown in the header. */
  title: string;
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

/** Webview → host. */
export type WebviewMessage = ReadyMessage | RevealMessage | WebviewErrorMessage;

/** The webview has loaded and listens: the host sends the current state. */
export interface ReadyMessage {
  type: "ready";
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
    case "graph":
      return hasFields<GraphMessage>(x, {
        type: isLiteral("graph"),
        graph: isViewGraph,
        stale: isBoolean,
        title: isString,
      })
        ? { type: "graph", graph: x.graph, stale: x.stale, title: x.title }
        : null;
    case "stale":
      return hasFields<StaleMessage>(x, { type: isLiteral("stale"), stale: isBoolean, reason: isNullable(isString) })
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
    case "reveal":
      return isInteger(x.node) ? { type: "reveal", node: x.node } : null;
    case "error":
      return isString(x.message) ? { type: "error", message: x.message } : null;
    default:
      return null;
  }
}

function isLiteral<const T extends string>(value: T) {
  return (x: unknown): x is T => x === value;
}
