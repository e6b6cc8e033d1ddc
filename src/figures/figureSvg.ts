import { svg, svgMarkup, type SvgNode } from "../view/render/svgTree";
import { fillAttrs } from "./artistSvg";
import { axes3dSvg } from "./axes3dSvg";
import { axesSvg } from "./axesSvg";
import type { FigureSpec } from "./figureSpec";
import { num } from "./svgNumbers";
import { Extent, textSvg } from "./textSvg";

/**
 * A matplotlib figure as a standalone SVG document, in points like matplotlib's own SVG
 * backend (a 6.4 × 4.8 in figure is 460.8 × 345.6 pt). Pure: no DOM, so the run's worker, the
 * CLI and tests all draw the same picture. `idPrefix` keeps the document's ids (clip paths,
 * marker shapes) apart from another figure's on the same page.
 */
export function figureSvg(fig: FigureSpec, idPrefix = "f", options: FigureOptions = {}): string {
  return `${svgMarkup(figureSvgTree(fig, idPrefix, options))}\n`;
}

export interface FigureOptions {
  /**
   * Crop (or grow) the page to what is drawn, with a tenth of an inch around it, as Jupyter's
   * inline backend saves figures (`bbox_inches='tight'`): labels that spill over the figure's
   * edge are kept, empty margins dropped.
   */
  tight?: boolean;
}

/** Jupyter's `pad_inches`, in points. */
const TIGHT_PAD = 7.2;

export function figureSvgTree(fig: FigureSpec, idPrefix = "f", options: FigureOptions = {}): SvgNode {
  const width = fig.width * 72;
  const height = fig.height * 72;
  const defs: SvgNode[] = [];
  let next = 0;
  const id = (kind: string) => `${idPrefix}-${kind}${next++}`;
  const extent = new Extent();
  const body: SvgNode[] = [];
  const page = { width, height, fontSize: fig.fontSize };
  for (const axes of fig.axes)
    body.push((axes.view3d ? axes3dSvg : axesSvg)(axes, page, { defs, id, extent }));
  for (const t of fig.texts) {
    const node = textSvg(
      t.text,
      t.x * width,
      (1 - t.y) * height,
      { size: t.fontSize, color: t.color, weight: t.weight },
      { ha: t.ha, va: t.va, rotation: t.rotation },
      extent,
    );
    if (node) body.push(node);
  }
  let box = { x: 0, y: 0, width, height };
  if (options.tight && !extent.empty) {
    box = {
      x: extent.left - TIGHT_PAD,
      y: extent.top - TIGHT_PAD,
      width: extent.right - extent.left + 2 * TIGHT_PAD,
      height: extent.bottom - extent.top + 2 * TIGHT_PAD,
    };
  }
  const background = svg("rect", {
    x: num(box.x),
    y: num(box.y),
    width: num(box.width),
    height: num(box.height),
    ...fillAttrs(fig.facecolor),
  });
  return svg(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      "xmlns:xlink": "http://www.w3.org/1999/xlink",
      width: `${num(box.width)}pt`,
      height: `${num(box.height)}pt`,
      viewBox: `${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)}`,
      version: "1.1",
    },
    [svg("defs", {}, defs), background, ...body],
  );
}

/** What a figure is called in a list of figures: its first title, if it has one. */
export function figureTitle(fig: FigureSpec): string | undefined {
  for (const t of fig.texts) if (t.text.trim() !== "") return t.text.trim();
  for (const axes of fig.axes) {
    const title = axes.title.center || axes.title.left || axes.title.right;
    if (title.trim() !== "") return title.trim();
  }
  return undefined;
}
