import { roundToDtype } from "./dtype";
import type { Storage, Tensor } from "./tensor";
import { recordingTape } from "./tensorIds";
import type { LeafMove } from "../leafMove";
import type { Tape } from "../tape";

/**
 * Leaf moves (../leafMove.ts) for tensors: a leaf that requires grad is armed when it becomes
 * one, and moved once its memory has been written the move's `version` times (through it, a
 * view of it, or its `.data`).
 */
interface Armed {
  tape: Tape;
  tensor: Tensor;
  move: LeafMove;
  done: boolean;
}

/** The moves of the current run waiting for their leaf's version (a handful at most). */
let armed: Armed[] = [];

/**
 * Called when `t` becomes a leaf that requires grad (made with `requires_grad=True`,
 * `requires_grad_()`, `nn.Parameter`): if the run moves this row, the move waits for its version.
 */
export function armLeafMove(t: Tensor): void {
  const tape = recordingTape();
  const move = tape?.leafMoves?.get(t.id);
  if (tape === null || move === undefined) return;
  armed = armed.filter((a) => a.tape === tape); // what earlier runs left
  if (armed.some((a) => a.tensor === t)) return;
  armed.push({ tape, tensor: t, move, done: false });
  storageWritten(t.storage);
}

/** Called after every write to a storage (its version moved on) and when a tensor changes storage (`x.data = y`). */
export function storageWritten(storage: Storage): void {
  if (armed.length === 0) return;
  const memory = storage.memory;
  for (const a of armed) {
    if (a.done || a.tensor.storage.memory !== memory || storage.memoryVersion !== a.move.version) continue;
    a.done = true;
    moveElements(a.tensor, a.move.add);
  }
}

/** Adds to elements of `t` through its strides, without counting a write (the program made none). */
function moveElements(t: Tensor, add: ReadonlyMap<number, number>): void {
  const one = new Float64Array(1);
  for (const [element, delta] of add) {
    if (!Number.isInteger(element) || element < 0 || element >= t.numel) continue;
    let rest = element;
    let position = t.offset;
    for (let d = t.ndim - 1; d >= 0; d--) {
      position += (rest % t.shape[d]) * t.strides[d];
      rest = Math.floor(rest / t.shape[d]);
    }
    one[0] = t.storage.data[position] + delta;
    roundToDtype(one, t.dtype);
    t.storage.data[position] = one[0];
  }
}
