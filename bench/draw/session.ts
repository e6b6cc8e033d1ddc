import type { Page } from "playwright-core";
import type { GraphMessage } from "../../src/view/protocol";
import { orient } from "../../src/view/direction";
import type { ViewGraph } from "../../src/view/viewGraph";
import type { PostTiming } from "./harness";

/**
 * Posting graphs to the page as the host does (graphWebview.ts: the default left-to-right
 * orientation, a `graph` message with the document's title), timed by the harness.
 */
export class Session {
  constructor(readonly page: Page) {}

  /** Posts `graph` under `title` and times it until painted; a new title draws it afresh. */
  async show(graph: ViewGraph, title: string): Promise<PostTiming> {
    const message: GraphMessage = {
      type: "graph",
      graph: orient(graph, "left-to-right"),
      stale: false,
      title,
    };
    return this.post(message);
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
