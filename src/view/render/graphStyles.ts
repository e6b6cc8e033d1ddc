import { mixColour } from "./colour";
import type { GraphTheme } from "./graphTheme";

/**
 * The stylesheet of the drawn graph's elements (by the classes the renderer gives them), for
 * a theme. The panel uses it with CSS variables; a standalone SVG embeds it with concrete
 * colours. Only plain selectors and SVG properties, so any SVG viewer reads it; what only
 * matters while interacting (hover, focus mode, search matches) lives in webview/styles.ts.
 */
export function graphCss(theme: GraphTheme): string {
  const t = theme;
  // Weight rules first, so the status rules (zero, NaN/∞) that follow override them.
  return (
    weightRules(t) +
    `
.gl-edge-stroke { fill: none; stroke-linecap: round; }
.gl-edge-stroke.gl-status-zero, .gl-edge-stroke.gl-status-none { stroke: ${t.edge}; stroke-dasharray: 3 4; stroke-width: 1.1px; opacity: 0.75; }
.gl-edge-stroke.gl-status-nonfinite { stroke: ${t.error}; stroke-width: 2.5px; }
.gl-edge-stroke.gl-edge-bundle { stroke-linecap: butt; }
.gl-edge-hit { fill: none; stroke: transparent; stroke-width: 12px; pointer-events: stroke; }
.gl-edge-tag rect { fill: ${t.background}; stroke-width: 1px; }
.gl-edge-tag text { font-family: ${t.monoFont}; font-size: 11px; text-anchor: middle; fill: ${t.foreground}; font-variant-numeric: tabular-nums; }
.gl-edge.gl-status-zero .gl-edge-tag { opacity: 0.55; }
.gl-edge.gl-status-zero .gl-edge-tag text { fill: ${t.muted}; }
.gl-edge.gl-status-nonfinite .gl-edge-tag text { fill: ${t.error}; font-weight: 600; }
.gl-edge.gl-status-nonfinite .gl-edge-tag rect { stroke: ${t.error}; }
.gl-edge-stroke.gl-mismatch { stroke: ${t.error}; stroke-width: 2.5px; stroke-dasharray: none; opacity: 1; }
.gl-edge.gl-mismatch .gl-edge-tag text { fill: ${t.error}; font-weight: 600; }
.gl-edge.gl-mismatch .gl-edge-tag rect { stroke: ${t.error}; }

.gl-node .gl-box { fill: ${t.nodeBackground}; stroke: ${t.nodeBorder}; stroke-width: 1px; }
.gl-node .gl-accent { fill: none; stroke: transparent; stroke-width: 2.5px; }
.gl-node .gl-rule { stroke: ${t.nodeBorder}; stroke-width: 1px; opacity: 0.6; }
.gl-node text { font-family: ${t.monoFont}; fill: ${t.foreground}; }
.gl-node .gl-name { font-size: 12.5px; font-weight: 600; }
.gl-node .gl-line { font-size: 12px; font-variant-numeric: tabular-nums; }
.gl-node .gl-key { fill: ${t.muted}; }
.gl-node .gl-grad .gl-value { fill: ${t.flow}; font-weight: 600; }
.gl-node .gl-value.gl-status-zero, .gl-node .gl-value.gl-status-none { fill: ${t.muted}; font-weight: 400; }
.gl-node .gl-value.gl-status-nonfinite { fill: ${t.error}; font-weight: 700; }
.gl-node.gl-role-leaf .gl-accent { stroke: ${t.leaf}; }
.gl-node.gl-role-leaf .gl-name { fill: ${mixColour(t.leaf, t.foreground, 55)}; }
.gl-node.gl-role-const .gl-box { stroke-dasharray: 3 3; fill: transparent; }
.gl-node.gl-role-const .gl-name { fill: ${t.muted}; }
.gl-node.gl-role-const { opacity: 0.85; }
.gl-node.gl-cut .gl-box { stroke-dasharray: 1 3; }
.gl-node.gl-cut .gl-name { fill: ${t.muted}; }
.gl-node .gl-cut-tag { font-size: 10px; font-style: italic; fill: ${t.muted}; }
.gl-node.gl-root .gl-box { stroke: ${t.root}; stroke-width: 2px; }
.gl-node.gl-root .gl-accent { stroke: ${t.root}; stroke-width: 3px; }
.gl-node.gl-root .gl-name { fill: ${t.root}; }
.gl-node.gl-root .gl-data .gl-value { font-weight: 700; }

.gl-heatmaps .gl-heat-label { font-size: 10px; fill: ${t.muted}; }
.gl-heatmaps .gl-heat-frame { fill: ${t.background}; stroke: ${t.nodeBorder}; stroke-width: 1px; }
.gl-heat-neg { fill: ${t.negative}; }
.gl-heat-pos { fill: ${t.positive}; }
.gl-heat-bad { fill: ${t.error}; stroke: ${t.foreground}; stroke-width: 1px; }

.gl-group .gl-card { fill: ${t.nodeBackground}; stroke: ${t.nodeBorder}; stroke-width: 1px; opacity: 0.7; }
.gl-group .gl-box { stroke-width: 1.5px; }
.gl-group .gl-name { fill: ${mixColour(t.flow, t.foreground, 45)}; }
.gl-frame-box { fill: ${frameLook(t).fill}; stroke: ${frameLook(t).stroke}; stroke-width: 1px; stroke-dasharray: 5 3; pointer-events: none; }
.gl-frame-label { font-family: ${t.monoFont}; font-size: 11.5px; font-weight: 600; fill: ${frameLook(t).label}; paint-order: stroke; stroke: ${t.background}; stroke-width: 3px; cursor: pointer; }
.gl-loop { fill: none; stroke: ${t.flow}; stroke-width: 1.5px; }
.gl-loop-head { fill: ${t.flow}; }
.gl-loop-label { font-family: ${t.monoFont}; font-size: 10px; fill: ${t.flow}; }

.gl-op rect { fill: ${t.opBackground}; stroke: ${t.nodeBorder}; stroke-width: 1px; }
.gl-op text { font-family: ${t.monoFont}; font-size: 11px; fill: ${t.foreground}; font-weight: 600; }
.gl-op text.gl-op-glyph { font-size: 15px; font-weight: 400; }
`
  );
}

/** How many weight classes (`gl-w0` … ) an edge's weight in [0, 1] is rounded into. */
export const WEIGHT_LEVELS = 6;

export function weightClass(weight: number): string {
  return `gl-w${Math.round(Math.min(1, Math.max(0, weight)) * (WEIGHT_LEVELS - 1))}`;
}

/**
 * One rule per weight class rather than a computed style per edge: with thousands of edges,
 * static classes keep the browser's style pass fast.
 */
function weightRules(t: GraphTheme): string {
  let css = "";
  for (let level = 0; level < WEIGHT_LEVELS; level++) {
    const w = level / (WEIGHT_LEVELS - 1);
    const mix = (base: number, span: number) => mixColour(t.flow, t.edge, Math.round(base + span * w));
    css += `.gl-edge-stroke.gl-w${level} { stroke: ${mix(20, 70)}; stroke-width: ${(1 + 2.4 * w).toFixed(2)}px; }\n`;
    css += `.gl-edge.gl-w${level} .gl-edge-tag rect { stroke: ${mix(20, 40)}; }\n`;
  }
  return css;
}

/** An open call box's frame: its fill, dashed outline and name, as the SVG and the canvas draw them. */
export function frameLook(t: GraphTheme): { fill: string; stroke: string; label: string } {
  return {
    fill: mixColour(t.flow, t.background, 5),
    stroke: mixColour(t.flow, t.foreground, 35),
    label: mixColour(t.flow, t.foreground, 45),
  };
}
