import { viewLimits, type Limits } from "./autoscale";
import type { AxesSpec, Scale } from "./figureSpec";

/**
 * Where an axes sits on the page and how its data coordinates map there: the box in points
 * (SVG coordinates: y down), shrunk to the data's aspect when one is asked for (anchored at
 * the centre as matplotlib's `apply_aspect` does, or where `anchor` says), and the view limits.
 */
export interface AxesFrame {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Displayed limits: x left→right, y bottom→top. */
  xlim: Limits;
  ylim: Limits;
  xscale: Scale;
  yscale: Scale;
  /** Data → page. */
  px(x: number): number;
  py(y: number): number;
}

function forward(v: number, scale: Scale): number {
  return scale === "log" ? (v > 0 ? Math.log10(v) : NaN) : v;
}

export function axesFrame(axes: AxesSpec, pageWidth: number, pageHeight: number): AxesFrame {
  const [fl, fb, fw, fh] = axes.position;
  let left = fl * pageWidth;
  let width = fw * pageWidth;
  let height = fh * pageHeight;
  let top = pageHeight - (fb + fh) * pageHeight;
  let { x: xlim, y: ylim } = viewLimits(axes);
  const xscale = axes.x.scale;
  const yscale = axes.y.scale;
  if (axes.aspect !== "auto" && axes.adjustable === "datalim" && xscale === "linear" && yscale === "linear") {
    // widen one axis' limits about their middle, so a unit is as long on both
    const dx = xlim[1] - xlim[0];
    const dy = ylim[1] - ylim[0];
    const want = height / width / axes.aspect; // dy/dx that fills the box
    if (Math.abs(dy / dx) < want) {
      const mid = (ylim[0] + ylim[1]) / 2;
      const half = ((Math.abs(dx) * want) / 2) * Math.sign(dy || 1);
      ylim = [mid - half, mid + half];
    } else {
      const mid = (xlim[0] + xlim[1]) / 2;
      const half = (Math.abs(dy) / want / 2) * Math.sign(dx || 1);
      xlim = [mid - half, mid + half];
    }
  } else if (axes.aspect !== "auto") {
    const dx = Math.abs(forward(xlim[1], xscale) - forward(xlim[0], xscale));
    const dy = Math.abs(forward(ylim[1], yscale) - forward(ylim[0], yscale));
    const ratio = (dy / dx) * axes.aspect;
    if (Number.isFinite(ratio) && ratio > 0) {
      const boxH = width * ratio;
      const [ax, ay] = axes.anchor ?? [0.5, 0.5];
      if (boxH <= height) {
        top += (height - boxH) * (1 - ay);
        height = boxH;
      } else {
        const boxW = height / ratio;
        left += (width - boxW) * ax;
        width = boxW;
      }
    }
  }
  const x0 = forward(xlim[0], xscale);
  const x1 = forward(xlim[1], xscale);
  const y0 = forward(ylim[0], yscale);
  const y1 = forward(ylim[1], yscale);
  return {
    left,
    top,
    width,
    height,
    xlim,
    ylim,
    xscale,
    yscale,
    px: (x) => left + ((forward(x, xscale) - x0) / (x1 - x0)) * width,
    py: (y) => top + height - ((forward(y, yscale) - y0) / (y1 - y0)) * height,
  };
}
