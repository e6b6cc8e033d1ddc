import { inProgramText } from "../trace/spans";
import type { Trace } from "../trace/trace";

/**
 * The values the code under the cursor made, for highlighting them in the graph: the value a
 * name stands for when the cursor is on one, else every value made by the innermost expression
 * around the cursor (all of them when a loop ran it many times).
 */
export function nodesAtOffset(trace: Trace, offset: number): number[] {
  for (const occurrence of trace.occurrences) {
    if (occurrence.span.from <= offset && offset <= occurrence.span.to) return [occurrence.node];
  }
  let best = Infinity;
  let found: number[] = [];
  for (const node of trace.nodes) {
    const span = node.span;
    // The constants an operator wrapped share its span but are not what the code "made".
    // a value made in one of the program's modules is not under the cursor of the program's text
    if (!inProgramText(span) || node.kind === "const" || span.from > offset || offset > span.to) continue;
    const length = span.to - span.from;
    if (length < best) {
      best = length;
      found = [node.id];
    } else if (length === best) {
      found.push(node.id);
    }
  }
  return found;
}
