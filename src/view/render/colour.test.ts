import { describe, expect, it } from "vitest";
import { mixColour, parseColour } from "./colour";

describe("parseColour", () => {
  it("reads the hex and rgb forms VS Code's variables hold", () => {
    expect(parseColour("#fff")).toEqual([255, 255, 255, 1]);
    expect(parseColour(" #1E1E1E ")).toEqual([30, 30, 30, 1]);
    expect(parseColour("#00000080")).toEqual([0, 0, 0, 128 / 255]);
    expect(parseColour("rgba(10, 20, 30, 0.5)")).toEqual([10, 20, 30, 0.5]);
    expect(parseColour("rgb(10 20 30 / 50%)")).toEqual([10, 20, 30, 0.5]);
  });

  it("does not guess at names or variables", () => {
    expect(parseColour("red")).toBeNull();
    expect(parseColour("var(--gl-fg)")).toBeNull();
    expect(parseColour("#12345")).toBeNull();
  });
});

describe("mixColour", () => {
  it("mixes concrete colours as color-mix in srgb does", () => {
    expect(mixColour("#ff0000", "#0000ff", 50)).toBe("#800080");
    expect(mixColour("#ffffff", "#000000", 100)).toBe("#ffffff");
    expect(mixColour("#ffffff", "#000000", 0)).toBe("#000000");
  });

  it("keeps transparency", () => {
    expect(mixColour("rgba(255,0,0,0)", "#0000ff", 50)).toBe("rgba(0,0,255,0.5)");
  });

  it("leaves what it cannot read to CSS", () => {
    expect(mixColour("var(--gl-leaf)", "var(--gl-fg)", 55)).toBe(
      "color-mix(in srgb, var(--gl-leaf) 55%, var(--gl-fg))",
    );
  });
});
