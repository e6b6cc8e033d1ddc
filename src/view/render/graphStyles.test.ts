import { describe, expect, it } from "vitest";
import { graphCss, WEIGHT_LEVELS, weightClass } from "./graphStyles";
import { CSS_VARIABLE_THEME, LIGHT_THEME } from "./graphTheme";

describe("weightClass", () => {
  it("rounds a weight in [0, 1] to one of the classes, clamping strays", () => {
    expect(weightClass(0)).toBe("gl-w0");
    expect(weightClass(1)).toBe(`gl-w${WEIGHT_LEVELS - 1}`);
    expect(weightClass(0.5)).toBe(`gl-w${Math.round(0.5 * (WEIGHT_LEVELS - 1))}`);
    expect(weightClass(7)).toBe(`gl-w${WEIGHT_LEVELS - 1}`);
    expect(weightClass(-1)).toBe("gl-w0");
  });
});

describe("graphCss", () => {
  it("writes concrete colours for a concrete theme, so any SVG viewer can read it", () => {
    const css = graphCss(LIGHT_THEME);
    expect(css).not.toMatch(/var\(|color-mix/);
    expect(css).toContain(`.gl-heat-neg { fill: ${LIGHT_THEME.negative}; }`);
  });

  it("refers to the panel's CSS variables for the live theme", () => {
    const css = graphCss(CSS_VARIABLE_THEME);
    expect(css).toContain("fill: var(--gl-node-bg)");
    expect(css).toContain("color-mix(in srgb, var(--gl-leaf) 55%, var(--gl-fg))");
  });
});
