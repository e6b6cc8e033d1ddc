/**
 * The diverging colour scale of a heatmap cell: blue below zero, red above (the theme's
 * `negative` and `positive`), its strength the cell's |value| in [0, 1] drawn as opacity over
 * the node's background; a NaN or ±∞ cell in the error colour at full strength. A zero cell
 * draws nothing, so the empty frame shows through.
 */
export interface HeatCell {
  className: "gl-heat-neg" | "gl-heat-pos" | "gl-heat-bad";
  opacity: number;
}

/** The faintest non-zero cell: a tiny value still shows its sign. */
const FLOOR = 0.12;

export function heatCell(value: number | null): HeatCell | null {
  if (value === null || !Number.isFinite(value)) return { className: "gl-heat-bad", opacity: 1 };
  if (value === 0) return null;
  const strength = Math.min(1, Math.abs(value));
  return {
    className: value < 0 ? "gl-heat-neg" : "gl-heat-pos",
    opacity: Math.round((FLOOR + (1 - FLOOR) * strength) * 100) / 100,
  };
}
