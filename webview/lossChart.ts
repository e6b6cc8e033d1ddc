import { messages, type Messages } from "../src/l10n/messages";
import { formatNumber } from "../src/view/format";
import { svgElement } from "./svg";

const WIDTH = 240;
const HEIGHT = 130;
const PAD = { left: 8, right: 8, top: 22, bottom: 22 };

/**
 * The loss curve of a training run, in the top-right corner of the graph: one point per step,
 * redrawn as steps arrive, on a log scale when the loss spans more than two decades (a falling
 * loss is easier to read that way), with the first and last values written out.
 */
export class LossChart {
  private readonly box: HTMLElement;
  private readonly svg: SVGSVGElement;
  // The host writes VS Code's display language into the page's `lang`.
  private readonly t: Messages = messages(document.documentElement.lang || "en");

  constructor(parent: HTMLElement) {
    this.box = document.createElement("div");
    this.box.id = "loss-chart";
    this.box.hidden = true;
    parent.appendChild(this.box);
    this.svg = svgElement(this.box, "svg", {
      width: WIDTH,
      height: HEIGHT,
      role: "img",
      "aria-label": this.t("chart.label"),
    });
  }

  show(values: readonly number[], done: boolean): void {
    this.box.hidden = values.length === 0;
    this.svg.replaceChildren();
    if (values.length === 0) return;
    const finite = values.filter((v) => Number.isFinite(v));
    const positive = finite.length > 0 && finite.every((v) => v > 0);
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    const log = positive && hi / lo > 100;
    const f = (v: number) => (log ? Math.log10(v) : v);
    const [a, b] = [f(lo), f(hi)];
    const x = (i: number) =>
      PAD.left + (values.length === 1 ? 0 : (i / (values.length - 1)) * (WIDTH - PAD.left - PAD.right));
    const y = (v: number) =>
      PAD.top + (b === a ? 0.5 : 1 - (f(v) - a) / (b - a)) * (HEIGHT - PAD.top - PAD.bottom);
    const points = values.map((v, i) =>
      Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : null,
    );
    svgElement(this.svg, "polyline", {
      class: "gl-loss-line",
      points: points.filter((p) => p !== null).join(" "),
    });
    const last = values[values.length - 1];
    svgElement(this.svg, "circle", {
      class: "gl-loss-dot",
      cx: x(values.length - 1),
      cy: Number.isFinite(last) ? y(last) : PAD.top,
      r: 3,
    });
    const title = svgElement(this.svg, "text", { x: PAD.left, y: 14, class: "gl-loss-title" });
    title.textContent = this.t("chart.title", formatNumber(values[0]), formatNumber(last));
    // values[0] is the loss before the first update, so n values are n − 1 steps.
    const steps = values.length - 1;
    const note = svgElement(this.svg, "text", { x: PAD.left, y: HEIGHT - 6, class: "gl-loss-note" });
    const count = steps === 1 ? this.t("chart.oneStep") : this.t("chart.steps", steps);
    note.textContent = `${count}${done ? "" : "…"}${log ? this.t("chart.logScale") : ""}`;
  }
}

export const LOSS_CHART_CSS = `
#loss-chart { position: absolute; top: 8px; right: 8px; z-index: 4; padding: 2px;
  background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-editorWidget-border, transparent);
  border-radius: 6px; box-shadow: 0 2px 8px var(--vscode-widget-shadow); }
#loss-chart[hidden] { display: none; }
.gl-loss-line { fill: none; stroke: var(--vscode-charts-blue, #3794ff); stroke-width: 2; }
.gl-loss-dot { fill: var(--vscode-charts-orange, #d08a1f); }
.gl-loss-title { font-size: 11px; font-weight: 600; fill: var(--vscode-editorWidget-foreground, currentColor); }
.gl-loss-note { font-size: 10px; opacity: 0.75; fill: var(--vscode-editorWidget-foreground, currentColor); }
`;
