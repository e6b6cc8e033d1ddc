import type { Tape } from "../tape";

/**
 * Where tensor ids come from. While a run records on a tape (the interpreter's, set for the
 * length of the run), each new tensor value is a row of that tape and its id is the row: one
 * id space and one creation order for scalars and tensors alike. Without a tape (the engine
 * used directly: tests, benchmarks) ids come from a counter that starts past any row a tape can
 * have (rows are Int32), so a tensor made off the tape can never be mistaken for a row.
 */
export const FIRST_OFF_TAPE_ID = 2 ** 32;

let tape: Tape | null = null;
let nextOffTape = FIRST_OFF_TAPE_ID;

/** A fresh id for a new tensor value (a new tensor, or one an in-place operation moved on). */
export function newTensorId(): number {
  return tape !== null ? tape.tensor() : nextOffTape++;
}

/** The tape tensor values are recorded on, or null. */
export function recordingTape(): Tape | null {
  return tape;
}

/**
 * Records the tensor values made from now on in `next` (null: on no tape). Returns the tape it
 * replaces, for the caller to put back when its run ends.
 */
export function recordTensorsOn(next: Tape | null): Tape | null {
  const previous = tape;
  tape = next;
  return previous;
}
