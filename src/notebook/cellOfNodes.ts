import type { Trace } from "../trace/trace";
import type { CellMap } from "./cellMap";

/**
 * The cell whose run made each node (indexed by node id). Cells run in order and node ids grow
 * as values are made, so the cells of the nodes' spans, taken in id order, only go up — except
 * for values made inside a function defined in an earlier cell, whose span is the function's
 * body. Such a node belongs to the cell that first binds it to a name (`y = neuron(x, w)`), or
 * else to the cell of the next node whose cell is known: it was made in between.
 */
export function cellOfNodes(trace: Trace, map: CellMap): number[] {
  const firstBound = new Map<number, number>();
  for (const o of trace.occurrences) {
    const cell = map.cellOfSpan(o.span);
    if (cell >= 0 && cell < (firstBound.get(o.node) ?? Infinity)) firstBound.set(o.node, cell);
  }
  const nodes = [...trace.nodes].sort((a, b) => a.id - b.id);
  const lower: number[] = [];
  const known: (number | null)[] = [];
  let current = 0;
  for (const node of nodes) {
    const spanCell = node.span ? map.cellOfSpan(node.span) : -1;
    if (spanCell >= current) {
      current = spanCell;
      known.push(spanCell);
    } else {
      const bound = firstBound.get(node.id);
      known.push(bound === undefined ? null : Math.max(current, bound));
    }
    lower.push(current);
  }
  const cells: number[] = [];
  let next: number | null = null;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const cell = known[i] ?? Math.max(lower[i], next ?? lower[i]);
    cells[nodes[i].id] = cell;
    if (known[i] !== null) next = known[i];
  }
  return cells;
}
