import { graphCss, weightClass, WEIGHT_LEVELS } from "../src/view/render/graphStyles";
import { CSS_VARIABLE_THEME } from "../src/view/render/graphTheme";

export { weightClass, WEIGHT_LEVELS };

/**
 * The webview's stylesheet, injected at start-up so the host ships one script and nothing
 * else. Colours come from VS Code's theme variables (with fallbacks for a bare browser), so
 * the graph follows light, dark and high-contrast themes. The graph's own elements are styled
 * by the shared renderer's sheet (graphCss); this adds the page around it and what only
 * matters while interacting.
 */
export const STYLES = `
:root {
  --gl-bg: var(--vscode-editor-background, #1e1e1e);
  --gl-fg: var(--vscode-editor-foreground, #d4d4d4);
  --gl-muted: var(--vscode-descriptionForeground, #9d9d9d);
  --gl-node-bg: var(--vscode-editorWidget-background, #252526);
  --gl-node-border: var(--vscode-editorWidget-border, #454545);
  --gl-op-bg: var(--vscode-editorWidget-background, #252526);
  --gl-leaf: var(--vscode-charts-blue, #3794ff);
  --gl-root: var(--vscode-charts-orange, #d18616);
  --gl-flow: var(--vscode-charts-orange, #d18616);
  --gl-edge: var(--vscode-editorWidget-border, #454545);
  --gl-error: var(--vscode-errorForeground, #f14c4c);
  --gl-negative: var(--vscode-charts-blue, #3794ff);
  --gl-positive: var(--vscode-charts-red, #f14c4c);
  --gl-focus: var(--vscode-focusBorder, #007fd4);
  --gl-mono: var(--vscode-editor-font-family, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace);
  --gl-ui: var(--vscode-font-family, -apple-system, "Segoe UI", Ubuntu, sans-serif);
}
body.vscode-light {
  --gl-node-bg: var(--vscode-editor-background, #ffffff);
  --gl-op-bg: var(--vscode-editorWidget-background, #f3f3f3);
  --gl-edge: var(--vscode-editorWidget-border, #c8c8c8);
}
body.vscode-high-contrast, body.vscode-high-contrast-light {
  --gl-node-border: var(--vscode-contrastBorder, #6fc3df);
  --gl-edge: var(--vscode-contrastBorder, #6fc3df);
}
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body { background: var(--gl-bg); color: var(--gl-fg); font-family: var(--gl-ui); font-size: var(--vscode-font-size, 13px); }
#gl-app { position: fixed; inset: 0; display: flex; flex-direction: column; }

.gl-header {
  display: flex; align-items: center; gap: 10px; padding: 6px 10px; min-height: 22px;
  border-bottom: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.25));
}
.gl-title { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.gl-summary { color: var(--gl-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; flex: 1; }
.gl-summary b { color: var(--gl-fg); font-family: var(--gl-mono); font-weight: 600; }
.gl-summary .gl-grad-word { color: var(--gl-flow); }
.gl-toolbar { display: flex; gap: 2px; }
.gl-toolbar button {
  font: inherit; font-size: 12px; color: var(--vscode-icon-foreground, var(--gl-fg)); background: transparent;
  border: 1px solid transparent; border-radius: 4px; padding: 2px 7px; cursor: pointer;
}
.gl-toolbar button:hover { background: var(--vscode-toolbar-hoverBackground, rgba(90, 93, 94, 0.31)); }
.gl-toolbar button:focus-visible { outline: 1px solid var(--gl-focus); outline-offset: -1px; }

.gl-toolbar { align-items: center; }
.gl-search {
  font: inherit; font-size: 12px; width: 11em; padding: 2px 6px; border-radius: 3px;
  color: var(--vscode-input-foreground, var(--gl-fg)); background: var(--vscode-input-background, transparent);
  border: 1px solid var(--vscode-input-border, var(--gl-node-border));
}
.gl-search:focus { outline: 1px solid var(--gl-focus); outline-offset: -1px; }
.gl-search-count { font-size: 11px; color: var(--gl-muted); min-width: 2.5em; }
.gl-toolbar button.gl-active { background: var(--vscode-toolbar-activeBackground, rgba(99, 102, 103, 0.31)); border-color: var(--gl-focus); }

#stale-banner {
  display: flex; gap: 8px; align-items: baseline; padding: 6px 10px;
  background: var(--vscode-inputValidation-warningBackground, #352a05);
  border-bottom: 1px solid var(--vscode-inputValidation-warningBorder, #b89500);
  color: var(--vscode-inputValidation-warningForeground, var(--gl-fg));
}
[hidden] { display: none !important; }
#stale-banner .gl-reason { font-family: var(--gl-mono); opacity: 0.9; }

.gl-stage { position: relative; flex: 1; min-height: 0; }
#graph { position: absolute; inset: 0; width: 100%; height: 100%; display: block; cursor: grab; user-select: none; }
#graph:active { cursor: grabbing; }
body.gl-stale #graph .gl-viewport { opacity: 0.5; }
/* Big graphs are drawn on a canvas under the (then empty) SVG, which still takes the pointer. */
.gl-canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; pointer-events: none; }
body.gl-stale .gl-canvas { opacity: 0.5; }
.gl-tooltip {
  position: absolute; z-index: 6; pointer-events: none; max-width: 40em; white-space: pre-wrap; padding: 4px 8px;
  font-size: 12px; border-radius: 3px; color: var(--vscode-editorHoverWidget-foreground, var(--gl-fg));
  background: var(--vscode-editorHoverWidget-background, var(--gl-node-bg));
  border: 1px solid var(--vscode-editorHoverWidget-border, var(--gl-node-border));
}

#empty {
  position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center;
  gap: 6px; padding: 24px; text-align: center; color: var(--gl-muted);
}
#empty .gl-empty-mark { font-size: 44px; line-height: 1; opacity: 0.35; font-family: var(--gl-mono); }
#empty .gl-empty-text { max-width: 36em; line-height: 1.5; }

.gl-legend {
  position: absolute; left: 10px; bottom: 8px; display: flex; gap: 14px; align-items: center;
  font-size: 11px; color: var(--gl-muted); pointer-events: none;
  background: color-mix(in srgb, var(--gl-bg) 85%, transparent); padding: 3px 8px; border-radius: 4px;
}
.gl-legend i { display: inline-block; width: 10px; height: 10px; border-radius: 3px; margin-right: 5px; vertical-align: -1px; border: 1.5px solid; }
.gl-legend .gl-sw-leaf { border-color: var(--gl-leaf); }
.gl-legend .gl-sw-const { border-color: var(--gl-muted); border-style: dashed; }
.gl-legend .gl-sw-root { border-color: var(--gl-root); }
.gl-legend .gl-sw-cut { border-color: var(--gl-muted); border-style: dotted; }
.gl-legend .gl-sw-flow { width: 18px; height: 0; border-width: 1.5px 0 0 0; border-color: var(--gl-flow); border-radius: 0; vertical-align: 3px; }

.gl-minimap {
  position: absolute; right: 10px; bottom: 38px; z-index: 3; cursor: pointer; touch-action: none; /* above the legend */
  background: color-mix(in srgb, var(--gl-bg) 88%, transparent); border: 1px solid var(--gl-node-border); border-radius: 3px;
}
.gl-minimap canvas { position: absolute; left: 0; top: 0; }
.gl-minimap.gl-minimap-top { top: 10px; bottom: auto; }

/* Interaction: hover, selection and highlight (the look of each element is in graphCss). */
.gl-edge { cursor: help; }
.gl-node { cursor: pointer; outline: none; }
.gl-node:hover .gl-box, .gl-node:focus-visible .gl-box { stroke: var(--gl-focus); }
.gl-node.gl-selected .gl-box { stroke: var(--gl-focus); stroke-width: 2px; }
.gl-node.gl-highlight .gl-box { fill: color-mix(in srgb, var(--gl-focus) 18%, var(--gl-node-bg)); stroke: var(--gl-focus); stroke-width: 2px; }
.gl-group:hover .gl-card { stroke: var(--gl-focus); }
.gl-group.gl-highlight .gl-card { stroke: var(--gl-focus); }
.gl-op { cursor: pointer; }
.gl-op:hover rect { stroke: var(--gl-focus); }

/* Search matches, and focus mode (only the paths between the selected node and the root). */
.gl-node.gl-match .gl-box { stroke: var(--gl-root); stroke-width: 2px; stroke-dasharray: 5 3; }
#graph.gl-focus-mode .gl-strokes > :not(.gl-on-path), #graph.gl-focus-mode .gl-edges > :not(.gl-on-path),
#graph.gl-focus-mode .gl-nodes > :not(.gl-on-path) { display: none; }

/* Hovering a node or edge brings its neighbourhood forward. */
#graph.gl-focusing .gl-strokes > *, #graph.gl-focusing .gl-edges > *, #graph.gl-focusing .gl-nodes > * { opacity: 0.28; }
#graph.gl-focusing .gl-lit { opacity: 1 !important; }
/* The lit edges march from result to operand: the way the gradient travels in backward(). */
#graph.gl-focusing .gl-edge-stroke.gl-lit:not(.gl-status-zero):not(.gl-status-none) {
  stroke-dasharray: 7 5; animation: gl-backward 0.9s linear infinite;
}
@keyframes gl-backward { from { stroke-dashoffset: 0; } to { stroke-dashoffset: 12; } }

#graph.gl-far .gl-edge-tag, #graph.gl-far .gl-line, #graph.gl-far .gl-heat-label, #graph.gl-far .gl-loop-label, #graph.gl-far .gl-rule, #graph.gl-far .gl-op text { display: none; }

body.vscode-high-contrast .gl-node .gl-box, body.vscode-high-contrast .gl-op rect { stroke-width: 1.5px; }
@media (max-width: 640px) { .gl-legend { display: none; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

/** The lit edges grow wider with the gradient they carry, as the weight classes do. */
function litWeightRules(): string {
  let css = "";
  for (let level = 0; level < WEIGHT_LEVELS; level++) {
    const w = level / (WEIGHT_LEVELS - 1);
    css += `#graph.gl-focusing .gl-edge-stroke.gl-w${level}.gl-lit { stroke-width: ${(2 + 3.2 * w).toFixed(2)}px; }\n`;
  }
  return css;
}

/** Adds the stylesheet to the page (once). */
export function injectStyles(): void {
  if (document.getElementById("gradlens-styles")) return;
  const style = document.createElement("style");
  style.id = "gradlens-styles";
  style.textContent = graphCss(CSS_VARIABLE_THEME) + STYLES + litWeightRules();
  document.head.appendChild(style);
}
