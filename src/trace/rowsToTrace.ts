import type { ScalarTape } from "../engine/scalar/scalarTape";
import type { Occurrence, Trace, TraceNode } from "./trace";

/** Up to this many rows, the trace keeps every value the program made. */
export const FULL_TRACE_ROWS = 200_000;
/** Past it, besides what the root depends on, the trace keeps this many of the latest rows. */
export const RECENT_ROWS = 50_000;

/**
 * Which tape rows become trace nodes. A training loop makes a new graph every step (the
 * micrograd demo: ~66,000 values a step), and only the last step's is what the gradients are
 * about, so a long run keeps: every row the last backward()'s root depends on, the values names
 * stood for (hovers), the latest rows (a program without backward() still shows its latest
 * work), and the operands of all of those (so every kept operation keeps its inputs).
 * Returns the kept rows in order, or null to keep them all.
 */
export function rowsToTrace(
  tape: ScalarTape,
  reaches: Uint8Array | null,
  occurrences: readonly Occurrence[],
): number[] | null {
  const size = tape.size;
  if (size <= FULL_TRACE_ROWS) return null;
  const keep = new Uint8Array(size);
  if (reaches) for (let row = 0; row < size; row++) keep[row] = reaches[row];
  for (const o of occurrences) if (o.node < size) keep[o.node] = 1;
  keep.fill(1, Math.max(0, size - RECENT_ROWS));
  for (let row = size - 1; row >= 0; row--) {
    if (!keep[row]) continue;
    if (tape.a[row] >= 0) keep[tape.a[row]] |= 2; // an operand: kept, but its own inputs need not be
    if (tape.b[row] >= 0) keep[tape.b[row]] |= 2;
  }
  const rows: number[] = [];
  for (let row = 0; row < size; row++) if (keep[row]) rows.push(row);
  return rows;
}

/** The tape row a trace node came from (its id, unless the trace was thinned). */
export function rowOf(node: TraceNode): number {
  return node.row ?? node.id;
}

/** The trace node made by a tape row, if the trace kept it. */
export function nodeOfRow(trace: Trace, row: number): TraceNode | undefined {
  const byId = trace.nodes[row];
  if (byId && rowOf(byId) === row) return byId;
  // A thinned trace keeps the rows in order: binary search on them.
  let lo = 0;
  let hi = trace.nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = trace.nodes[mid].row ?? -1;
    if (r === row) return trace.nodes[mid];
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
