import { OpCode } from "../engine/scalar/scalarOps";
import type { Tape } from "../engine/tape";
import type { Occurrence, Trace, TraceNode } from "./trace";

/** Up to this many scalar rows, the trace keeps every Value the program made. */
export const FULL_TRACE_ROWS = 200_000;
/** Past it, besides what the root depends on, the trace keeps this many of the latest scalar rows. */
export const RECENT_ROWS = 50_000;

/** How much of the tape a trace keeps: all of it up to `full` scalar rows, else the `recent` latest. */
export interface TraceRowLimits {
  full: number;
  recent: number;
}

const FINISHED: TraceRowLimits = { full: FULL_TRACE_ROWS, recent: RECENT_ROWS };
/**
 * A run its step, time or memory budget stopped is most likely a runaway loop (`while True:
 * x = x * 1.0001`): its answer should come at once and stay small, so it keeps less of it.
 */
export const STOPPED_LIMITS: TraceRowLimits = { full: 20_000, recent: 10_000 };

/**
 * Which tape rows become trace nodes. A training loop makes a new graph every step (the
 * micrograd demo: ~66,000 values a step), and only the last step's is what the gradients are
 * about, so a long run keeps: every row the last backward()'s root depends on, the values names
 * stood for (hovers), the latest rows (a program without backward() still shows its latest
 * work), and the operands of all of those (so every kept operation keeps its inputs).
 * Returns the kept rows in order, or null to keep them all. Tensor rows are never among them:
 * tensor values are thinned by tensorValuesToTrace.
 */
export function rowsToTrace(
  tape: Tape,
  reaches: Uint8Array | null,
  occurrences: readonly Occurrence[],
  limits: TraceRowLimits = FINISHED,
): number[] | null {
  const size = tape.size;
  if (size <= limits.full) return null;
  const op = tape.op;
  let scalars = 0;
  for (let row = 0; row < size; row++) if (op[row] !== OpCode.Tensor) scalars++;
  if (scalars <= limits.full) return null;
  const keep = new Uint8Array(size);
  if (reaches) keepReached(keep, reaches, op, limits);
  for (const o of occurrences) if (o.node < size) keep[o.node] = 1;
  for (let row = size - 1, recent = limits.recent; row >= 0 && recent > 0; row--) {
    if (op[row] === OpCode.Tensor) continue;
    keep[row] = 1;
    recent--;
  }
  for (let row = size - 1; row >= 0; row--) {
    // only a row kept for itself brings its operands: an operand's own inputs stay out, or a
    // runaway chain (`x = x * 1.0001` forever) would keep its whole history
    if ((keep[row] & 1) === 0) continue;
    if (op[row] === OpCode.Opaque) for (const x of tape.operandsOf(row)) keep[x] |= 2;
    if (tape.a[row] >= 0) keep[tape.a[row]] |= 2; // an operand: kept, but its own inputs need not be
    if (tape.b[row] >= 0) keep[tape.b[row]] |= 2;
  }
  const rows: number[] = [];
  for (let row = 0; row < size; row++) if (keep[row] && op[row] !== OpCode.Tensor) rows.push(row);
  return rows;
}

/**
 * What the root depends on: all of it, unless that alone is past `limits.full` (one chain of
 * hundreds of thousands of values that ends in backward()) — then its leaves (the parameters
 * whose gradients the program is after) and the `limits.recent` latest of its operations.
 */
function keepReached(keep: Uint8Array, reaches: Uint8Array, op: Uint8Array, limits: TraceRowLimits): void {
  let reached = 0;
  for (let row = 0; row < keep.length; row++) reached += reaches[row] === 1 ? 1 : 0;
  if (reached <= limits.full) {
    for (let row = 0; row < keep.length; row++) keep[row] = reaches[row];
    return;
  }
  for (let row = keep.length - 1, recent = limits.recent; row >= 0; row--) {
    if (reaches[row] !== 1) continue;
    if (op[row] === OpCode.Leaf) keep[row] = 1;
    else if (recent > 0) {
      keep[row] = 1;
      recent--;
    }
  }
}

/** The tape row a trace node came from (its id, unless the trace was thinned or has tensor values). */
export function rowOf(node: TraceNode): number {
  return node.row ?? node.id;
}

/** The trace node made by a tape row, if the trace kept it. */
export function nodeOfRow(trace: Trace, row: number): TraceNode | undefined {
  const byId = trace.nodes[row];
  if (byId && rowOf(byId) === row) return byId;
  // Nodes keep the tape's order (a thinned trace, or one with tensors): binary search on rows.
  let lo = 0;
  let hi = trace.nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rowOf(trace.nodes[mid]);
    if (r === row) return trace.nodes[mid];
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
