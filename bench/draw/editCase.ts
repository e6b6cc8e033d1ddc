import { gradientDiagnostics } from "../../src/explain/gradientHealth";
import { inlineValues } from "../../src/explain/inlineValues";
import { runProgram } from "../../src/runtime/runProgram";
import { buildViewGraph } from "../../src/view/buildViewGraph";
import type { ViewGraph } from "../../src/view/viewGraph";
import { median, now, round } from "../report";
import { readmeSource, readmeSourceGrown } from "./programs";
import type { Session } from "./session";

const TARGET_MS = 50;

/**
 * micrograd's README example, edited: what the worker does for a new text (run, layout with
 * the last graph's layout offered for reuse, diagnostics, inline values — as runWorker.ts does)
 * in Node, and the host's message (its encoding timed with the worker's part), posted to the
 * webview until painted. Two kinds of edit: a number (the layout is reused, only the numbers
 * are sent and patched in) and a new line (the graph is sent and drawn again). Not included: the 300 ms debounce after the last keystroke, and the copies of
 * the message between worker, host and webview.
 */
export async function editCase(
  session: Session,
  reps: number,
  warmup: number,
): Promise<Record<string, unknown>> {
  let previous: ViewGraph | undefined;
  let shown: ViewGraph | undefined;
  const worker = (source: string) => {
    const t0 = now();
    const trace = runProgram(source);
    if (!trace.ok) throw new Error(trace.diagnostics.map((d) => d.message).join("; "));
    const view = buildViewGraph(trace, { previous });
    gradientDiagnostics(trace);
    inlineValues(trace, source);
    previous = view;
    return { view, ms: now() - t0, values: trace.nodes.length };
  };
  shown = worker(readmeSource(-4)).view;
  await session.show(shown, "readme.py");

  const measure = async (sources: [string, string]) => {
    const node: number[] = [];
    const page: number[] = [];
    const total: number[] = [];
    const patched: boolean[] = [];
    for (let r = 0; r < warmup + reps; r++) {
      const w = worker(sources[r % 2]);
      // as the host does: the numbers alone when the layout is the one shown
      const p = await session.update(shown, w.view, "readme.py");
      shown = w.view;
      if (r < warmup) continue;
      node.push(w.ms + p.encodeMs);
      page.push(p.paintedMs);
      total.push(w.ms + p.encodeMs + p.paintedMs);
      patched.push(p.patched);
    }
    return { node, page, total, patched };
  };
  const numbers = await measure([readmeSource(-3), readmeSource(-4)]);
  const lines = await measure([readmeSourceGrown(-4), readmeSource(-4)]);
  const worst = Math.max(median(numbers.total), median(lines.total));
  return {
    workload: "DRAW-EDIT",
    case: "micrograd README example: edit -> graph updated",
    values: worker(readmeSource(-4)).values,
    median_ms: round(worst, 1),
    target_ms: TARGET_MS,
    met: worst <= TARGET_MS,
    number_edit_ms: round(median(numbers.total), 1),
    number_edit_worker_ms: round(median(numbers.node), 1),
    number_edit_webview_ms: round(median(numbers.page), 1),
    number_edit_patched: numbers.patched.every(Boolean),
    line_edit_ms: round(median(lines.total), 1),
    line_edit_worker_ms: round(median(lines.node), 1),
    line_edit_webview_ms: round(median(lines.page), 1),
    reps,
  };
}
