import type { Page } from "playwright-core";
import { graphOnWire } from "../../src/view/protocol";
import { orient } from "../../src/view/direction";
import { encodeNumbers } from "../../src/view/numbersPatch";
import { samePlaces } from "../../src/view/samePlaces";
import type { ViewGraph } from "../../src/view/viewGraph";
import { now } from "../report";
import type { PostTiming } from "./harness";

/** As graphWebview.ts: a graph of more nodes goes first without its tooltips. */
const LIGHT_GRAPH_NODES = 300;

/**
 * Posting graphs to the page as the host does (graphWebview.ts: the direction `auto` gives the
 * bench's wide page, left to right; a `graph` message with the document's title — a big one
 * without its tooltips, which a `numbers` message brings after — or for a graph laid out like
 * the one shown, a `numbers` message), timed by the harness.
 */
export class Session {
  constructor(readonly page: Page) {}

  /**
   * Posts `graph` under `title` as the host does (its buffers: graphWire) and times it until
   * painted; a new title draws it afresh. `encodeMs` is the host's part, in Node.
   */
  async show(graph: ViewGraph, title: string): Promise<PostTiming & { encodeMs: number }> {
    // A big graph first without its tooltips, which follow once it is drawn (not timed).
    const light = graph.nodes.length > LIGHT_GRAPH_NODES;
    const t0 = now();
    const message = graphOnWire(
      { type: "graph", graph: orient(graph, "left-to-right"), stale: false, title },
      !light,
    );
    const encodeMs = now() - t0;
    const timing = await this.post(message);
    const tooltips = light ? encodeNumbers(graph, title, true) : null;
    if (tooltips) await this.post(tooltips);
    return { ...timing, encodeMs };
  }

  /**
   * Posts the numbers of `graph` (laid out like the graph shown under `title`), as the host
   * does for a training step, timed until painted; `encodeMs` is the host's part, in Node.
   * `tooltips`: with the titles and chain rules, which the host sends a few times a second.
   */
  async patch(graph: ViewGraph, title: string, tooltips = false): Promise<PostTiming & { encodeMs: number }> {
    const t0 = now();
    const message = encodeNumbers(graph, title, tooltips);
    const encodeMs = now() - t0;
    if (!message) throw new Error("the graph's texts cannot be sent as numbers");
    return { ...(await this.post(message)), encodeMs };
  }

  /**
   * What the host sends for a new run's graph: only its numbers when it is laid out like the
   * one shown (`previous`, same title), else the whole graph.
   */
  async update(
    previous: ViewGraph | undefined,
    graph: ViewGraph,
    title: string,
  ): Promise<PostTiming & { encodeMs: number }> {
    return previous && samePlaces(previous, graph) ? this.patch(graph, title, true) : this.show(graph, title);
  }

  /** Times any host message; moving it into the page first is not timed. */
  async post(message: unknown): Promise<PostTiming> {
    await this.page.evaluate((m) => void window.__gl.stored.set("next", m), message);
    return this.page.evaluate(() => window.__gl.post("next"));
  }

  /** Waits until the page is idle: what a graph draws or patches in slices is done. */
  async idle(): Promise<void> {
    await this.page.evaluate(() => window.__gl.idle(10_000));
  }

  /** Waits until every node of `graph` is in the DOM (big graphs draw the off-screen part later). */
  async drawn(graph: ViewGraph): Promise<void> {
    const n = await this.page.evaluate(
      ([count]) => window.__gl.waitNodes(count, 60_000),
      [graph.nodes.length],
    );
    if (n < graph.nodes.length) throw new Error(`only ${n} of ${graph.nodes.length} nodes were drawn`);
  }
}
