import type { Box, ViewGraph } from "../src/view/viewGraph";

const WIDTH = 180;
const HEIGHT = 110;

/**
 * A small overview in the corner while the graph is larger than the view: every box as a dot
 * of its kind's colour, and a frame for what the view shows. A click or drag there moves the
 * view to that place. Two canvases: the boxes drawn once per graph, the frame on each pan.
 */
export class Minimap {
  private readonly element: HTMLElement;
  private readonly base: HTMLCanvasElement;
  private readonly frame: HTMLCanvasElement;
  private graph: ViewGraph | null = null;
  private scale = 1;

  constructor(
    parent: HTMLElement,
    private readonly moveTo: (x: number, y: number) => void,
  ) {
    this.element = document.createElement("div");
    this.element.className = "gl-minimap";
    this.element.hidden = true;
    this.element.setAttribute("aria-hidden", "true");
    this.base = canvas(this.element);
    this.frame = canvas(this.element);
    parent.appendChild(this.element);
    const follow = (e: PointerEvent) => {
      if (!this.graph || e.buttons !== 1) return;
      const r = this.element.getBoundingClientRect();
      this.moveTo((e.clientX - r.left) / this.scale, (e.clientY - r.top) / this.scale);
    };
    this.element.addEventListener("pointerdown", (e) => {
      this.element.setPointerCapture(e.pointerId);
      follow(e);
    });
    this.element.addEventListener("pointermove", follow);
  }

  /** Draws the boxes of a new graph (nothing shows until `view` finds it larger than the view). */
  show(graph: ViewGraph | null): void {
    this.graph = graph;
    const ctx = this.base.getContext("2d");
    if (!graph || !ctx) {
      this.element.hidden = true;
      return;
    }
    // At most a third of a narrow view's width and a fifth of a short one's height; in a graph
    // flowing down, at the top (the root, where it opens, is at the bottom).
    const stage = this.element.parentElement;
    const width = Math.min(WIDTH, (stage?.clientWidth || Infinity) / 3);
    const height = Math.min(HEIGHT, (stage?.clientHeight || Infinity) / 5);
    this.scale = Math.min(width / graph.width, height / graph.height);
    this.element.classList.toggle("gl-minimap-top", graph.direction === "top-to-bottom");
    this.element.style.width = `${Math.ceil(graph.width * this.scale)}px`;
    this.element.style.height = `${Math.ceil(graph.height * this.scale)}px`;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const style = getComputedStyle(document.body);
    const colour = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const colours = {
      value: colour("--gl-muted", "#9d9d9d"),
      op: colour("--gl-edge", "#454545"),
      group: colour("--gl-flow", "#d18616"),
    };
    for (const node of graph.nodes) {
      ctx.fillStyle = colours[node.kind];
      const { x, y, width, height } = node.box;
      ctx.fillRect(
        x * this.scale,
        y * this.scale,
        Math.max(1, width * this.scale),
        Math.max(1, height * this.scale),
      );
    }
  }

  /** Shows the frame of `visible` (drawing coordinates); hides the map when all of it is in view. */
  view(visible: Box): void {
    const g = this.graph;
    const ctx = this.frame.getContext("2d");
    if (!g || !ctx) return;
    const all =
      visible.x <= 0 &&
      visible.y <= 0 &&
      visible.x + visible.width >= g.width &&
      visible.y + visible.height >= g.height;
    this.element.hidden = all;
    if (all) return;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    ctx.strokeStyle = getComputedStyle(document.body).getPropertyValue("--gl-focus").trim() || "#007fd4";
    ctx.lineWidth = 1.5;
    // The frame, cut to the map (a view larger than the drawing one way would overflow it).
    const left = Math.max(0, visible.x) * this.scale;
    const top = Math.max(0, visible.y) * this.scale;
    const right = Math.min(g.width, visible.x + visible.width) * this.scale;
    const bottom = Math.min(g.height, visible.y + visible.height) * this.scale;
    ctx.strokeRect(left + 0.75, top + 0.75, Math.max(0, right - left - 1.5), Math.max(0, bottom - top - 1.5));
  }
}

function canvas(parent: HTMLElement): HTMLCanvasElement {
  const c = document.createElement("canvas");
  c.width = WIDTH;
  c.height = HEIGHT;
  parent.appendChild(c);
  return c;
}
