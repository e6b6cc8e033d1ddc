import { HEATMAP, heatmapsLayout, VALUE_NODE } from "../nodeMetrics";
import type { Heatmap, TensorHeatmaps } from "../viewGraph";
import { heatCell } from "./heatmapScale";
import { svg, type SvgNode } from "./svgTree";

/**
 * The heatmap band of a tensor's value node, below its `grad` line: the values' grid, and
 * beside it the gradient's, each under a label with its scale.
 */
export function heatmapsSvg(maps: TensorHeatmaps): SvgNode {
  const grids: [string, Heatmap][] = [["data", maps.data]];
  if (maps.grad) grids.push(["grad", maps.grad]);
  const band = heatmapsLayout(maps.data.rows, maps.data.cols, grids.length);
  return svg(
    "g",
    { class: "gl-heatmaps", transform: `translate(${VALUE_NODE.paddingX},${VALUE_NODE.height})` },
    grids.map(([word, map], i) => gridSvg(word, map, band.cell, i * (band.columnWidth + HEATMAP.gap))),
  );
}

function gridSvg(word: string, map: Heatmap, cell: number, x: number): SvgNode {
  const children: SvgNode[] = [
    svg("text", { class: "gl-heat-label", y: HEATMAP.labelBaseline }, `${word} ±${map.scale}`),
    svg("rect", {
      class: "gl-heat-frame",
      y: HEATMAP.gridTop,
      width: map.cols * cell,
      height: map.rows * cell,
    }),
  ];
  map.cells.forEach((value, k) => {
    const look = heatCell(value);
    if (!look) return;
    const attrs: Record<string, string | number> = {
      class: look.className,
      x: (k % map.cols) * cell,
      y: HEATMAP.gridTop + Math.floor(k / map.cols) * cell,
      width: cell,
      height: cell,
    };
    if (look.opacity < 1) attrs["fill-opacity"] = look.opacity;
    children.push(svg("rect", attrs));
  });
  return svg(
    "g",
    {
      class: `gl-heatmap gl-heatmap-${word}`,
      transform: `translate(${x},0)`,
      "data-testid": `heatmap-${word}`,
    },
    children,
  );
}
