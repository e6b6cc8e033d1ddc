import { deserialize, serialize } from "node:v8";
import type { MessagePort } from "node:worker_threads";
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
  /** False for a training step's progress: more answers to the same request follow. */
  final: boolean;
  bytes: Uint8Array;
}

export function pack(message: WorkerMessage): PackedMessage {
  const buffer = serialize(message);
  // a view of exactly the serialized bytes, over a buffer of its own so it can be transferred
  const bytes = new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  return { type: "packed", id: message.id, final: message.type !== "trainStep", bytes };
}

/** Packs a worker's answer and hands its bytes over to the thread that receives it (no copy). */
export function postPacked(port: MessagePort, message: WorkerMessage): void {
  const packed = pack(message);
  port.postMessage(packed, [packed.bytes.buffer as ArrayBuffer]);
}

export function unpack(message: PackedMessage): WorkerMessage {
  return deserialize(message.bytes) as WorkerMessage;
}
