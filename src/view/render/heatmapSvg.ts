import { HEATMAP, heatmapsLayout, VALUE_NODE } from "../nodeMetrics";
import type { Heatmap, TensorHeatmaps } from "../viewGraph";
import { heatCell } from "./heatmapScale";
import { at, svg, type SvgNode } from "./svgTree";

/**
 * The heatmap band of a tensor's value node whose box's top left is at (x, y), below its
 * `grad` line: the values' grid, and beside it the gradient's, each under a label with its
 * scale. Placed at absolute coordinates, like the rest of the node (nodeSvg.ts).
 */
export function heatmapsSvg(maps: TensorHeatmaps, x: number, y: number): SvgNode {
  const grids: [string, Heatmap][] = [["data", maps.data]];
  if (maps.grad) grids.push(["grad", maps.grad]);
  const band = heatmapsLayout(maps.data.rows, maps.data.cols, grids.length);
  const left = x + VALUE_NODE.paddingX;
  const top = y + VALUE_NODE.height;
  return svg(
    "g",
    { class: "gl-heatmaps" },
    grids.map(([word, map], i) =>
      gridSvg(word, map, band.cell, left + i * (band.columnWidth + HEATMAP.gap), top),
    ),
  );
}

/** One grid under its label, the label's left and the band's top at (x, y). */
function gridSvg(word: string, map: Heatmap, cell: number, x: number, y: number): SvgNode {
  const children: SvgNode[] = [
    svg(
      "text",
      { class: "gl-heat-label", x: at(x), y: at(y, HEATMAP.labelBaseline) },
      `${word} ±${map.scale}`,
    ),
    svg("rect", {
      class: "gl-heat-frame",
      x: at(x),
      y: at(y, HEATMAP.gridTop),
      width: map.cols * cell,
      height: map.rows * cell,
    }),
  ];
  map.cells.forEach((value, k) => {
    const look = heatCell(value);
    if (!look) return;
    const attrs: Record<string, string | number> = {
      class: look.className,
      x: at(x, (k % map.cols) * cell),
      y: at(y, HEATMAP.gridTop + Math.floor(k / map.cols) * cell),
      width: cell,
      height: cell,
    };
    if (look.opacity < 1) attrs["fill-opacity"] = look.opacity;
    children.push(svg("rect", attrs));
  });
  return svg("g", { class: `gl-heatmap gl-heatmap-${word}`, "data-testid": `heatmap-${word}` }, children);
}
