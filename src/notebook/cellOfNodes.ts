import type { Trace } from "../trace/trace";
import type { CellMap } from "./cellMap";

/**
 * The cell whose run made each node (indexed by node id). Cells run in order and node ids grow
 * as values are made, so a node belongs to the latest cell seen so far: a value made inside a
 * function defined in cell 1 but called from cell 3 carries cell 1's span yet was made by cell 3.
 */
export function cellOfNodes(trace: Trace, map: CellMap): number[] {
  const cells: number[] = [];
  let current = 0;
  for (const node of [...trace.nodes].sort((a, b) => a.id - b.id)) {
    const cell = node.span ? map.cellOfSpan(node.span) : -1;
    if (cell > current) current = cell;
    cells[node.id] = current;
  }
  return cells;
}
