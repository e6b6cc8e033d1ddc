import { buildViewGraph, type BuildViewGraphOptions } from "../../src/view/buildViewGraph";
import type { Trace } from "../../src/trace/trace";
import type { ViewGraph } from "../../src/view/viewGraph";
import { encodeGraph } from "../../src/view/graphWire";
import { median, now, round } from "../report";
import type { Session } from "./session";

export interface FirstPaintSpec {
  workload: string;
  description: string;
  targetMs: number;
  trace: Trace;
  options: BuildViewGraphOptions;
}

/**
 * Layout + first paint of a program's graph opened anew: buildViewGraph in Node on a fresh copy
 * of the trace each time (its per-trace caches miss, as for a new run), the host's encoding of
 * it into buffers (graphWire), then the graph posted under a new title (fitted, then drawn: a
 * big graph draws what is in view first) until painted.
 */
export async function firstPaintCase(
  session: Session,
  spec: FirstPaintSpec,
  reps: number,
  warmup: number,
): Promise<Record<string, unknown>> {
  const layout: number[] = [];
  const encode: number[] = [];
  const handled: number[] = [];
  const painted: number[] = [];
  let graph: ViewGraph | null = null;
  for (let r = 0; r < warmup + reps; r++) {
    const t0 = now();
    graph = buildViewGraph({ ...spec.trace }, spec.options);
    const ms = now() - t0;
    const p = await session.show(graph, `${spec.workload}-${r}.py`);
    await session.drawn(graph); // the rest drawn in the background must not slow the next repetition
    if (r < warmup) continue;
    layout.push(ms);
    encode.push(p.encodeMs);
    handled.push(p.handledMs);
    painted.push(p.paintedMs);
  }
  if (!graph) throw new Error("no repetitions");
  const total = median(layout) + median(encode) + median(painted);
  return {
    workload: spec.workload,
    case: spec.description,
    values: spec.trace.nodes.length,
    trace_edges: spec.trace.edges.length,
    view_nodes: graph.nodes.length,
    view_edges: graph.edges.length,
    median_ms: round(total, 1),
    target_ms: spec.targetMs,
    met: total <= spec.targetMs,
    layout_ms: round(median(layout), 1),
    host_encode_ms: round(median(encode), 1),
    webview_painted_ms: round(median(painted), 1),
    webview_handled_ms: round(median(handled), 1),
    message_kb: round(wireBytes(graph) / 1024, 0),
    json_kb: round(JSON.stringify(graph).length / 1024, 0),
    reps,
  };
}

/**
 * The bytes the host posts for a graph: its texts, integers and coordinates (graphWire), a big
 * graph's without its tooltips (session.ts).
 */
function wireBytes(graph: ViewGraph): number {
  const wire = encodeGraph(graph, graph.nodes.length <= 300);
  return wire ? wire.texts.byteLength + wire.ints.byteLength + wire.floats.byteLength : NaN;
}
