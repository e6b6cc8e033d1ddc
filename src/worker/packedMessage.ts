import { deserialize, serialize } from "node:v8";
import type { MessagePort } from "node:worker_threads";
import { decodeGraph, encodeGraph, type GraphWire } from "../view/graphWire";
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
 * than the serializer's walk over a few thousand objects. Nothing is left out: the client gets
 * the same graph back.
 */
type Compacted = Omit<WorkerMessage, "view"> & { view?: undefined; viewWire?: GraphWire };

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
  if (!("view" in message) || message.view === undefined) return message;
  // null when a text holds a NUL (graphWire's separator): then the graph goes as it is
  const viewWire = encodeGraph(message.view);
  return viewWire ? { ...message, view: undefined, viewWire } : message;
}

/** Packs a worker's answer and hands its bytes over to the thread that receives it (no copy). */
export function postPacked(port: MessagePort, message: WorkerMessage): void {
  const packed = pack(message);
  port.postMessage(packed, [packed.bytes.buffer as ArrayBuffer]);
}

/** The worker's answer as it made it; a failure when its graph does not read back (a bug in GradLens). */
export function unpack(message: PackedMessage): WorkerMessage {
  const answer = deserialize(message.bytes) as WorkerMessage | Compacted;
  if (!("viewWire" in answer) || answer.viewWire === undefined) return answer as WorkerMessage;
  const { viewWire, ...rest } = answer;
  const view = decodeGraph(viewWire);
  if (view === null) return { type: "failure", id: message.id, message: "the worker sent a malformed graph" };
  return { ...rest, view } as WorkerMessage;
}
