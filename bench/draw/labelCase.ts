import type { ViewGraph } from "../../src/view/viewGraph";
import { median, round } from "../report";
import { percentile } from "./frameStats";
import type { Session } from "./session";

const TARGET_MS = 16;

/**
 * A training step's new numbers on an open graph of ~1,000 values: the same layout with other
 * texts, posted alternately as the host sends them (a `numbers` message: typed arrays, no JSON
 * of the view; the host's encoding is timed in Node), each timed until painted. The target is
 * a frame's budget, so the figure judged is the main thread's work for it (harness.ts); the
 * latency until the frame is on screen also waits for the display's next frame, and a trivial
 * message's latency (the floor) is reported beside it. The page is idle before each step. One
 * step in four also carries the tooltips (titles and chain rules), as the host sends them a few
 * times a second; those are reported apart.
 */
export async function labelCase(
  session: Session,
  graphs: [ViewGraph, ViewGraph],
  reps: number,
  warmup: number,
  name = { workload: "DRAW-LABELS", case: "a training step's label update at 1,000 nodes" },
): Promise<Record<string, unknown>> {
  await session.show(graphs[0], "labels.py");
  await session.drawn(graphs[0]);
  const floor: number[] = [];
  for (let r = 0; r < 10; r++) {
    await session.idle();
    floor.push((await session.post({ type: "stale", stale: false, reason: null })).paintedMs);
  }
  const work: number[] = [];
  const handled: number[] = [];
  const painted: number[] = [];
  const encode: number[] = [];
  const withTips: number[] = [];
  const withTipsEncode: number[] = [];
  let patched = true;
  for (let r = 0; r < warmup + reps; r++) {
    // One step at a time: what the last one left to do in the background is not this one's cost.
    await session.idle();
    // Every fourth step carries the tooltips too, as the host sends them a few times a second.
    const tooltips = r % 4 === 3;
    const p = await session.patch(graphs[(r + 1) % 2], "labels.py", tooltips);
    if (r < warmup) continue;
    if (tooltips) {
      withTips.push(p.workMs);
      withTipsEncode.push(p.encodeMs);
      continue;
    }
    encode.push(p.encodeMs);
    work.push(p.workMs);
    handled.push(p.handledMs);
    painted.push(p.paintedMs);
    patched &&= p.patched;
  }
  return {
    ...name,
    values: graphs[0].nodes.filter((n) => n.kind === "value").length,
    view_nodes: graphs[0].nodes.length,
    view_edges: graphs[0].edges.length,
    median_ms: round(median(work), 1),
    p95_ms: round(percentile(work, 95), 1),
    target_ms: TARGET_MS,
    met: median(work) <= TARGET_MS,
    handled_ms: round(median(handled), 1),
    host_encode_ms: round(median(encode), 1),
    with_tooltips_ms: round(median(withTips), 1),
    with_tooltips_host_encode_ms: round(median(withTipsEncode), 1),
    painted_ms: round(median(painted), 1),
    painted_floor_ms: round(median(floor), 1),
    patched,
    reps,
  };
}
