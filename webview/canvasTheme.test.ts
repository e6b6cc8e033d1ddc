import { describe, expect, it } from "vitest";
import { WEIGHT_LEVELS } from "../src/view/render/graphStyles";
import { DARK_THEME, LIGHT_THEME, THEME_VARIABLES } from "../src/view/render/graphTheme";
import { canvasTheme, weightLevel } from "./canvasTheme";

describe("canvasTheme", () => {
  it("reads the panel's variables and mixes what the stylesheet mixes", () => {
    const values: Record<string, string> = { "--gl-focus": "#0000ff" };
    for (const [key, variable] of Object.entries(THEME_VARIABLES))
      values[variable] = String(LIGHT_THEME[key as keyof typeof LIGHT_THEME]);
    const theme = canvasTheme((v) => values[v] ?? "");
    expect(theme.background).toBe(LIGHT_THEME.background);
    expect(theme.focus).toBe("#0000ff");
    expect(theme.weightStroke).toHaveLength(WEIGHT_LEVELS);
    expect(theme.weightWidth[0]).toBe(1);
    expect(theme.weightWidth[WEIGHT_LEVELS - 1]).toBeCloseTo(3.4);
    // The heaviest edge is 90% flow colour, the lightest 20%.
    expect(theme.weightStroke[WEIGHT_LEVELS - 1]).not.toBe(theme.weightStroke[0]);
    expect(theme.monoFont).toMatch(/monospace$/);
  });

  it("falls back to the dark palette where a variable is unset", () => {
    const theme = canvasTheme(() => "");
    expect(theme.foreground).toBe(DARK_THEME.foreground);
    expect(theme.focus).toBe("#007fd4");
  });
});

describe("weightLevel", () => {
  it("rounds as the weight classes do, clamping strays", () => {
    expect(weightLevel(0)).toBe(0);
    expect(weightLevel(1)).toBe(WEIGHT_LEVELS - 1);
    expect(weightLevel(7)).toBe(WEIGHT_LEVELS - 1);
    expect(weightLevel(-1)).toBe(0);
  });
});
