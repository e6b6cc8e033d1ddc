import { mixColour } from "../src/view/render/colour";
import { WEIGHT_LEVELS } from "../src/view/render/graphStyles";
import { DARK_THEME, THEME_VARIABLES, type GraphTheme } from "../src/view/render/graphTheme";

/**
 * The colours the canvas draws with: the panel's theme (the same CSS variables the SVG's
 * stylesheet uses, graphStyles.ts), resolved to concrete colours once per theme, with the
 * mixes the stylesheet computes per class (edge colour and width by weight, leaf and group
 * names) computed here the same way.
 */
export interface CanvasTheme extends GraphTheme {
  /** Selection, hover and highlight (`--gl-focus`). */
  focus: string;
  /** Per weight class (`gl-w0` …): the stroke of an edge carrying gradient, its width, its label's border. */
  weightStroke: string[];
  weightWidth: number[];
  weightTag: string[];
  leafName: string;
  groupName: string;
  highlightFill: string;
  /** The step-through's current node (`--vscode-charts-orange`, as the SVG's pulse). */
  pulse: string;
}

/** Resolves a theme from the page's CSS variables (`read` returns "" for an unset one). */
export function canvasTheme(read: (variable: string) => string): CanvasTheme {
  const base: GraphTheme = { ...DARK_THEME };
  for (const key of Object.keys(THEME_VARIABLES) as (keyof GraphTheme)[]) {
    const value = read(THEME_VARIABLES[key]).trim();
    if (value !== "") base[key] = value;
  }
  if (!/\bmonospace\s*$/.test(base.monoFont)) base.monoFont += ", monospace";
  const focus = read("--gl-focus").trim() || "#007fd4";
  const weightStroke: string[] = [];
  const weightWidth: number[] = [];
  const weightTag: string[] = [];
  for (let level = 0; level < WEIGHT_LEVELS; level++) {
    const w = level / (WEIGHT_LEVELS - 1);
    weightStroke.push(mixColour(base.flow, base.edge, Math.round(20 + 70 * w)));
    weightWidth.push(1 + 2.4 * w);
    weightTag.push(mixColour(base.flow, base.edge, Math.round(20 + 40 * w)));
  }
  return {
    ...base,
    focus,
    weightStroke,
    weightWidth,
    weightTag,
    leafName: mixColour(base.leaf, base.foreground, 55),
    groupName: mixColour(base.flow, base.foreground, 45),
    highlightFill: mixColour(focus, base.nodeBackground, 18),
    pulse: read("--vscode-charts-orange").trim() || "#d08a1f",
  };
}

/** The weight class (0 … WEIGHT_LEVELS − 1) of an edge's weight in [0, 1], as `weightClass` rounds it. */
export function weightLevel(weight: number): number {
  return Math.round(Math.min(1, Math.max(0, weight)) * (WEIGHT_LEVELS - 1));
}
