import { deserialize, serialize } from "node:v8";
import type { MessagePort } from "node:worker_threads";
import type { Trace } from "../trace/trace";
import { decodeGraph, encodeGraph, type GraphWire } from "../view/graphWire";
import { decodeCalls, encodeCalls, type CallsWire } from "./callsWire";
import type { WorkerMessage } from "./protocol";

/**
 * A worker's answer serialized once, where it is made: the bytes pass the runner process's
 * main thread and the IPC pipe untouched (a worker → thread hand-over moves them, the pipe
 * copies them) and are read once, by the client. Without this a trace of a few megabytes
 * would be cloned into the runner's main thread and serialized again for the pipe.
 */
export interface PackedMessage {
  type: "packed";
  id: number;
  /** False for a training step's progress and a run's end note: more answers to the same request follow. */
  final: boolean;
  bytes: Uint8Array;
}

/**
 * An answer's graph goes as its graphWire buffers, not as objects: every edge's points and
 * every box are a few floats instead of an object each with its keys spelled out, and texts are
 * UTF-8 instead of two bytes a character — half the bytes, and quicker to write and to read
 * than the serializer's walk over a few thousand objects. Likewise its trace's calls go as
 * callsWire's integers (a training loop's thousands of calls were most of an answer's bytes).
 * Nothing is left out: the client gets the same graph and trace back.
 */
type WithoutView<M> = M extends unknown ? Omit<M, "view"> : never;
type Compacted = WithoutView<WorkerMessage> & {
  view?: undefined;
  viewWire?: GraphWire;
  callsWire?: CallsWire;
};

export function pack(message: WorkerMessage): PackedMessage {
  const buffer = serialize(compact(message));
  // a view of exactly the serialized bytes, over a buffer of its own so it can be transferred
  // (the serializer's own buffer is, as Node makes it: then it goes without a copy)
  const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  const bytes = whole
    ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
    : new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  const final = message.type !== "trainStep" && message.type !== "ended";
  return { type: "packed", id: message.id, final, bytes };
}

function compact(message: WorkerMessage): WorkerMessage | Compacted {
  let out: WorkerMessage | Compacted = message;
  if ("view" in message && message.view !== undefined) {
    // null when a text holds a NUL (graphWire's separator): then the graph goes as it is
    const viewWire = encodeGraph(message.view);
    if (viewWire) out = { ...message, view: undefined, viewWire };
  }
  if ("trace" in message && message.trace.calls && message.trace.calls.length > 0) {
    // null when a call is not of the usual shape: then the calls go as they are
    const callsWire = encodeCalls(message.trace.calls);
    // the trace keeps its `calls` key where it was (empty), so its keys come back in their order
    if (callsWire) out = { ...out, trace: { ...message.trace, calls: [] }, callsWire } as Compacted;
  }
  return out;
}

/** Packs a worker's answer and hands its bytes over to the thread that receives it (no copy). */
export function postPacked(port: MessagePort, message: WorkerMessage): void {
  const packed = pack(message);
  port.postMessage(packed, [packed.bytes.buffer as ArrayBuffer]);
}

/** The worker's answer as it made it; a failure when its graph or calls do not read back (a bug in GradLens). */
export function unpack(message: PackedMessage): WorkerMessage {
  const answer = deserialize(message.bytes) as WorkerMessage | Compacted;
  const malformed = (what: string): WorkerMessage => ({
    type: "failure",
    id: message.id,
    message: `the worker sent a malformed ${what}`,
  });
  if ("callsWire" in answer && answer.callsWire !== undefined) {
    const { callsWire, ...rest } = answer;
    const calls = decodeCalls(callsWire);
    const trace = (rest as { trace?: Trace }).trace;
    if (calls === null || !trace) return malformed("list of calls");
    trace.calls = calls;
    return unpackView(rest as WorkerMessage | Compacted, malformed);
  }
  return unpackView(answer, malformed);
}

function unpackView(
  answer: WorkerMessage | Compacted,
  malformed: (what: string) => WorkerMessage,
): WorkerMessage {
  if (!("viewWire" in answer) || answer.viewWire === undefined) return answer as WorkerMessage;
  const { viewWire, ...rest } = answer;
  const view = decodeGraph(viewWire);
  if (view === null) return malformed("graph");
  return { ...rest, view } as WorkerMessage;
}
