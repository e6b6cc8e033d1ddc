import type { SourceSpan } from "../../lang/ir";
import type { Interpreter } from "./interpreter";
import { liveRows } from "./liveRows";
import type { ValueRef } from "./objects";

/** Below this many rows the tape is never compacted: small programs keep every value. */
const FIRST_RECLAIM_ROWS = 1 << 20;

/**
 * Keeps a long run's tape bounded. A training loop makes a new graph every step and the
 * program lets the old ones go; at a statement of the program's own top level (where nothing
 * half-evaluated is held anywhere but in the loops running), once the tape has grown to twice
 * what was kept last time, the rows the program can no longer reach are dropped
 * (Tape.compact) and everything that names rows moves with them. What the trace needs stays:
 * every value the program still holds, the last backward()'s graph, the values names stood
 * for. The trace says how many were dropped.
 */
export class Reclaimer {
  private nextAt = FIRST_RECLAIM_ROWS;
  /** The statement at which values were first dropped (the loop that made them), for the trace. */
  firstAt: SourceSpan | null = null;

  constructor(private readonly interp: Interpreter) {}

  /** Called before each top-level statement of the program's own module. */
  maybeReclaim(at: SourceSpan): void {
    const interp = this.interp;
    const tape = interp.tape;
    if (tape.size < this.nextAt) return;
    if (interp.ownValues.madeNodes) {
      // the program's own Value objects hold their rows: such a tape keeps its rows
      this.nextAt = Infinity;
      return;
    }
    const keep = liveRows(interp.liveRoots(), tape.size);
    if (keep === null) {
      this.nextAt = tape.size * 2; // something opaque holds values now; look again later
      return;
    }
    // what the trace shows: the last backward()'s graph, and what each name last stood for
    if (interp.lastRoot !== null) keep[interp.lastRoot] = 1;
    for (const row of interp.occurrenceRows) if (row >= 0) keep[row] = 1;
    const before = tape.size;
    const moved = tape.compact(keep);
    interp.moveRows(moved);
    this.nextAt = Math.max(FIRST_RECLAIM_ROWS, tape.size * 2);
    if (tape.size < before) this.firstAt ??= at;
  }
}

/** The ValueRefs by row after a compaction: each moves to its row's new place, or is left with -1. */
export function moveValueRefs(
  refs: (ValueRef | undefined)[],
  moved: Int32Array,
  size: number,
): (ValueRef | undefined)[] {
  const next: (ValueRef | undefined)[] = new Array<ValueRef | undefined>(size);
  for (let row = 0; row < refs.length; row++) {
    const ref = refs[row];
    if (ref === undefined) continue;
    const to = row < moved.length ? moved[row] : -1;
    ref.row = to;
    if (to >= 0) next[to] = ref;
  }
  return next;
}
