import type { HealthDiagnostic } from "../explain/gradientHealth";
import type { InlineValue } from "../explain/inlineValues";
import type { Span, Trace, TraceDiagnostic } from "../trace/trace";
import type { CellMap } from "./cellMap";

/**
 * One cell's view of a notebook run: the whole trace (node ids stay array indexes, so every
 * lookup by id still works) with the spans of what lies in this cell made relative to the cell,
 * and every other span dropped, since it points into another cell's text (spans in the
 * notebook's own modules stay: they name their file).
 */
export function traceForCell(trace: Trace, map: CellMap, cell: number): Trace {
  const inCell = (span: Span | null) => (span ? map.spanInCell(span, cell) : null);
  return {
    ...trace,
    // a value made in one of the notebook's modules keeps its place in that file
    nodes: trace.nodes.map((node) => ({ ...node, span: node.span?.file ? node.span : inCell(node.span) })),
    occurrences: trace.occurrences.flatMap((o) => {
      const span = inCell(o.span);
      if (!span) return [];
      const statement = o.statement && inCell(o.statement);
      const { statement: _, ...rest } = o;
      return [statement ? { ...rest, span, statement } : { ...rest, span }];
    }),
    diagnostics: diagnosticsForCell(trace.diagnostics, map, cell, -1),
    ...figuresForCell(trace, map, cell),
  };
}

/** The figures a cell showed, spans relative to it; absent when it showed none. */
function figuresForCell(trace: Trace, map: CellMap, cell: number): Pick<Trace, "figures"> {
  const figures = (trace.figures ?? []).flatMap((f) => {
    const span = f.span ? map.spanInCell(f.span, cell) : null;
    return span ? [{ ...f, span }] : [];
  });
  return figures.length > 0 ? { figures } : { figures: undefined };
}

/**
 * The diagnostics that fall in `cell`, spans relative to it. One without a span (a budget stop)
 * belongs to `spanlessCell`, the cell the run stopped at, and marks its first line.
 */
export function diagnosticsForCell<T extends TraceDiagnostic | HealthDiagnostic>(
  items: readonly T[],
  map: CellMap,
  cell: number,
  spanlessCell: number,
): T[] {
  return items.flatMap((item) => {
    if (!item.span) return cell === spanlessCell ? [item] : [];
    if (map.cellOfSpan(item.span) !== cell) return [];
    const span = map.spanInCell(clampToCell(item.span, map, cell), cell);
    if (!span) return [];
    const related =
      "related" in item && item.related
        ? item.related.flatMap((r) => {
            const s = r.span && map.spanInCell(r.span, cell);
            return s ? [{ ...r, span: s }] : [];
          })
        : undefined;
    return [related ? { ...item, span, related } : { ...item, span }];
  });
}

/** The inline values after lines of `cell`, with line numbers in the cell. */
export function inlineForCell(inline: readonly InlineValue[], map: CellMap, cell: number): InlineValue[] {
  return inline.flatMap((item) => {
    const at = map.lineToCell(item.line);
    return at && at.cell === cell ? [{ ...item, line: at.line }] : [];
  });
}

/** A diagnostic that starts in the cell but runs past its end (an unclosed bracket) stops at the end. */
function clampToCell(span: Span, map: CellMap, cell: number): Span {
  const end = cell + 1 < map.cellCount ? map.start(cell + 1) - 1 : Number.MAX_SAFE_INTEGER;
  return { from: span.from, to: Math.min(span.to, end) };
}
