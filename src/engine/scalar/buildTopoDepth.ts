import { OpCode } from "./scalarOps";
import type { ScalarTape } from "./scalarTape";

/**
 * How deep micrograd's `backward()` recurses before it computes a single gradient: its
 * `build_topo(v)` visits each unvisited child of v in turn, one Python frame per level, so a
 * long chain of operations (a loop of 5,000 `y = y * w + b`) runs into Python's recursion limit
 * there. Returns the largest depth of that walk below the root (the root itself is depth 0),
 * with each value's operands visited first to last, as GradLens orders a set of Values. Uses an
 * explicit stack, so it never recurses itself.
 */
export function buildTopoDepth(tape: ScalarTape, root: number): number {
  const { op, a, b } = tape;
  const visited = new Uint8Array(tape.size);
  // the path from the root: each entry a row and how many of its operands were visited
  const rows: number[] = [root];
  const next: number[] = [0];
  visited[root] = 1;
  let deepest = 0;
  while (rows.length > 0) {
    const top = rows.length - 1;
    const row = rows[top];
    const code = op[row];
    const arity = code <= OpCode.Const ? 0 : code <= OpCode.Mul ? 2 : 1;
    if (next[top] >= arity) {
      rows.pop();
      next.pop();
      continue;
    }
    const child = next[top] === 0 ? a[row] : b[row];
    next[top]++;
    if (visited[child]) continue;
    visited[child] = 1;
    rows.push(child);
    next.push(0);
    if (top + 1 > deepest) deepest = top + 1;
  }
  return deepest;
}
