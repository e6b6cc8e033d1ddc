import type { ViewGraph } from "../../src/view/viewGraph";
import { median, round } from "../report";
import { intervals, percentile } from "./frameStats";
import type { Session } from "./session";

const TARGET_MS = 33;

/**
 * Pan and zoom over a graph of ~5,000 drawn nodes (nothing folded): frame times from the
 * animation frames' timestamps while a synthetic gesture moves the view every frame. Two
 * views: as the graph opens (the root at a readable scale, part of the graph on screen),
 * dragged in a circle; and fitted whole (every node on screen, numbers hidden far out),
 * zoomed in and out with the wheel.
 */
export async function panZoomCase(
  session: Session,
  graph: ViewGraph,
  frames: number,
  rounds: number,
): Promise<Record<string, unknown>> {
  await session.show(graph, "panzoom.py");
  await session.drawn(graph);
  const run = async (kind: "wheel" | "drag") => {
    const frameMs: number[] = [];
    const renderMs: number[] = [];
    const endMs: number[] = [];
    await session.page.evaluate((k) => window.__gl.gesture(k, 10), kind); // warm-up
    for (let r = 0; r < rounds; r++) {
      const g = await session.page.evaluate(([k, n]) => window.__gl.gesture(k, n), [kind, frames] as const);
      frameMs.push(...intervals(g.stamps));
      renderMs.push(...g.renderMs);
      endMs.push(g.endMs);
    }
    const onScreen = await session.page.evaluate(() => window.__gl.onScreen());
    return { frameMs, renderMs, endMs, onScreen };
  };
  const drag = await run("drag");
  await session.page.keyboard.press("f"); // Fit: the whole graph
  const wheel = await run("wheel");
  const worst = median(wheel.frameMs) >= median(drag.frameMs) ? wheel : drag;
  return {
    workload: "DRAW-PANZOOM",
    case: "5,000 visible nodes: pan/zoom frame time",
    view_nodes: graph.nodes.length,
    view_edges: graph.edges.length,
    median_ms: round(median(worst.frameMs), 1),
    p95_ms: round(percentile(worst.frameMs, 95), 1),
    target_ms: TARGET_MS,
    met: median(worst.frameMs) <= TARGET_MS,
    whole_zoom_frame_ms: round(median(wheel.frameMs), 1),
    whole_zoom_frame_p95_ms: round(percentile(wheel.frameMs, 95), 1),
    whole_zoom_main_thread_ms: round(median(wheel.renderMs), 1),
    whole_zoom_end_frame_ms: round(median(wheel.endMs), 1),
    whole_zoom_nodes_on_screen: wheel.onScreen,
    opened_drag_frame_ms: round(median(drag.frameMs), 1),
    opened_drag_frame_p95_ms: round(percentile(drag.frameMs, 95), 1),
    opened_drag_main_thread_ms: round(median(drag.renderMs), 1),
    opened_drag_end_frame_ms: round(median(drag.endMs), 1),
    opened_drag_nodes_on_screen: drag.onScreen,
    frames: frames * rounds,
  };
}
