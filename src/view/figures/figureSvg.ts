import { svg, svgMarkup, type SvgNode } from "../render/svgTree";
import { fillAttrs } from "./artistSvg";
import { axesSvg } from "./axesSvg";
import type { FigureSpec } from "./figureSpec";
import { num } from "./svgNumbers";
import { textSvg } from "./textSvg";

/**
 * A matplotlib figure as a standalone SVG document, in points like matplotlib's own SVG
 * backend (a 6.4 × 4.8 in figure is 460.8 × 345.6 pt). Pure: no DOM, so the run's worker, the
 * CLI and tests all draw the same picture. `idPrefix` keeps the document's ids (clip paths,
 * marker shapes) apart from another figure's on the same page.
 */
export function figureSvg(fig: FigureSpec, idPrefix = "f"): string {
  return `${svgMarkup(figureSvgTree(fig, idPrefix))}\n`;
}

export function figureSvgTree(fig: FigureSpec, idPrefix = "f"): SvgNode {
  const width = fig.width * 72;
  const height = fig.height * 72;
  const defs: SvgNode[] = [];
  let next = 0;
  const id = (kind: string) => `${idPrefix}-${kind}${next++}`;
  const body: SvgNode[] = [
    svg("rect", { x: 0, y: 0, width: num(width), height: num(height), ...fillAttrs(fig.facecolor) }),
  ];
  const page = { width, height, fontSize: fig.fontSize };
  for (const axes of fig.axes) body.push(axesSvg(axes, page, { defs, id }));
  for (const t of fig.texts) {
    const node = textSvg(
      t.text,
      t.x * width,
      (1 - t.y) * height,
      { size: t.fontSize, color: t.color, weight: t.weight },
      { ha: t.ha, va: t.va, rotation: t.rotation },
    );
    if (node) body.push(node);
  }
  return svg(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      "xmlns:xlink": "http://www.w3.org/1999/xlink",
      width: `${num(width)}pt`,
      height: `${num(height)}pt`,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      version: "1.1",
    },
    [svg("defs", {}, defs), ...body],
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
