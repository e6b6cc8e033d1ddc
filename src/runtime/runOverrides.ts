import type { Tape } from "../engine/tape";
import type { RunOptions } from "./runApi";

/**
 * What a run's options ask of its tape before the program starts: leaves given other values
 * (training steps) or moved (gradient checks) and float32 computed in float64 (gradient checks). Both
 * runtimes, Python's and JavaScript's, call this on their interpreter's tape.
 */
export function applyRunOverrides(tape: Tape, options: RunOptions): void {
  if (options.leafValues) tape.leafOverrides = options.leafValues;
  if (options.leafMoves) tape.leafMoves = options.leafMoves;
  if (options.float32AsFloat64) tape.float32AsFloat64 = true;
}
