/**
 * The measuring side inside the page, installed before dist/webview.js runs. Playwright sends
 * `installHarness`'s source text to the page, so it must use nothing from outside its own body.
 *
 * Two figures for a posted message, both from `performance.now()`:
 * - painted: from posting the message to the second animation frame after it was handled, when
 *   the frame showing it has been drawn. It includes the wait for the display's next frame
 *   (vsync, 16.7 ms), so even a one-character change measures ~17–33 ms.
 * - work: the main thread's own time — handling the message, plus the frame after it from the
 *   frame's start (its animation frames' timestamp, so a canvas drawn in an animation-frame
 *   callback counts) to the first task after that frame (style, layout, paint, commit). This is
 *   what has to fit in a 16 ms frame budget.
 *
 * Big graphs are drawn on a canvas (webview/canvasRenderer.ts), which has no node elements to
 * count: it says how many nodes it draws, and how many were on screen in its last frame, in its
 * `data-nodes` and `data-on-screen` attributes, and which graph it drew afresh in `data-graph`.
 */

/** One posted message's timings, in ms. */
export interface PostTiming {
  handledMs: number;
  workMs: number;
  paintedMs: number;
  /** Whether the drawn nodes' layer survived, i.e. the graph was patched, not drawn again. */
  patched: boolean;
}

/** One animation frame of a gesture: its rAF timestamp and its main-thread rendering time. */
export interface GestureFrames {
  stamps: number[];
  renderMs: number[];
  /** The longest frame in the half second after the gesture. */
  endMs: number;
}

export interface Harness {
  /** Messages the webview sent to the (stubbed) host. */
  fromWebview: unknown[];
  /** Messages stored in the page before a timed post, so moving them into the page is not timed. */
  stored: Map<string, unknown>;
  post(key: string): Promise<PostTiming>;
  /** Resolves when the page has nothing left to do (work in slices included), or after `timeoutMs`. */
  idle(timeoutMs: number): Promise<void>;
  /** Resolves once `count` nodes (value, op and group) are in the DOM, or after `timeoutMs`. */
  waitNodes(count: number, timeoutMs: number): Promise<number>;
  /** Runs `frames` frames, one synthetic wheel or drag step per frame. */
  gesture(kind: "wheel" | "drag", frames: number): Promise<GestureFrames>;
  /** How many nodes have a part on screen. */
  onScreen(): number;
}

declare global {
  interface Window {
    __gl: Harness;
    acquireVsCodeApi(): unknown;
  }
}

export function installHarness(): void {
  const fromWebview: unknown[] = [];
  let state: unknown = undefined;
  // The real webview gets this from VS Code; here it records what the webview sends.
  window.acquireVsCodeApi = () => ({
    postMessage: (message: unknown) => fromWebview.push(message),
    getState: () => state,
    setState: (next: unknown) => (state = next),
  });
  const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  /** Resolves in the first task after the current frame's rendering. */
  const afterFrame = () =>
    new Promise<number>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  const NODES = '[data-testid="node"], [data-testid="op-node"], [data-testid="group"]';
  const canvas = () => document.querySelector<HTMLCanvasElement>("canvas.gl-canvas:not([hidden])");
  const drawnNodes = () => document.querySelectorAll(NODES).length + Number(canvas()?.dataset.nodes ?? 0);

  const harness: Harness = {
    fromWebview,
    stored: new Map(),
    post(key) {
      const message = harness.stored.get(key);
      const layer = document.querySelector(".gl-nodes") ?? canvas();
      const drawing = canvas()?.dataset.graph;
      return new Promise<PostTiming>((resolve) => {
        // Added after the webview's own listener, so it runs once that one has drawn.
        const handled = () => {
          window.removeEventListener("message", handled);
          const t1 = performance.now();
          requestAnimationFrame((frameStart) => {
            const tFrame = Math.min(performance.now(), Math.max(frameStart, t1));
            void afterFrame().then((tAfter) =>
              requestAnimationFrame(() => {
                const t3 = performance.now();
                resolve({
                  handledMs: t1 - t0,
                  workMs: t1 - t0 + (tAfter - tFrame),
                  paintedMs: t3 - t0,
                  patched: layer !== null && layer.isConnected && canvas()?.dataset.graph === drawing,
                });
              }),
            );
          });
        };
        window.addEventListener("message", handled);
        const t0 = performance.now();
        window.postMessage(message, "*");
      });
    },
    idle(timeoutMs) {
      return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: timeoutMs }));
    },
    async waitNodes(count, timeoutMs) {
      const end = performance.now() + timeoutMs;
      let n = drawnNodes();
      while (n < count && performance.now() < end) {
        await new Promise((r) => setTimeout(r, 50));
        n = drawnNodes();
      }
      return n;
    },
    async gesture(kind, frames) {
      const svg = document.querySelector("svg#graph");
      if (!svg) throw new Error("no graph drawn");
      const r = svg.getBoundingClientRect();
      const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
      const mouse = (type: string, x: number, y: number) =>
        new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: 1, bubbles: true, view: window });
      if (kind === "drag") svg.dispatchEvent(mouse("mousedown", cx, cy));
      const stamps: number[] = [];
      const renderMs: number[] = [];
      for (let i = 0; i < frames; i++) {
        const stamp = await nextFrame();
        // From the frame's start: a canvas draws the previous step's view in an earlier callback of this frame.
        const start = Math.min(performance.now(), stamp);
        stamps.push(stamp);
        if (kind === "wheel") {
          // In for the first half, out for the second, around the middle of the view.
          const deltaY = i < frames / 2 ? -40 : 40;
          svg.dispatchEvent(
            new WheelEvent("wheel", { deltaY, clientX: cx, clientY: cy, bubbles: true, cancelable: true }),
          );
        } else {
          // A slow circle: every frame moves the drawing, as a drag does.
          const a = (i / frames) * 2 * Math.PI;
          window.dispatchEvent(mouse("mousemove", cx + 200 * Math.sin(a), cy + 120 * (1 - Math.cos(a))));
        }
        renderMs.push((await afterFrame()) - start);
      }
      stamps.push(await nextFrame());
      if (kind === "drag") window.dispatchEvent(mouse("mouseup", cx, cy));
      // The gesture's end (a drag's mouseup, or d3's timer 150 ms after the last wheel turn) may
      // cost a frame of its own: the longest frame in the half second after.
      const after = [await nextFrame()];
      while (after[after.length - 1] - after[0] < 500) after.push(await nextFrame());
      const endMs = Math.max(...after.slice(1).map((t, i) => t - after[i]));
      return { stamps, renderMs, endMs };
    },
    onScreen() {
      let n = Number(canvas()?.dataset.onScreen ?? 0);
      document.querySelectorAll(NODES).forEach((e) => {
        const b = e.getBoundingClientRect();
        if (b.right > 0 && b.bottom > 0 && b.left < innerWidth && b.top < innerHeight) n++;
      });
      return n;
    },
  };
  window.__gl = harness;
}
