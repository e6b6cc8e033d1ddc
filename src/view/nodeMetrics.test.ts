import { describe, expect, it } from "vitest";
import {
  edgeLabelWidth,
  HEATMAP,
  heatmapsLayout,
  OP_NODE,
  opNodeWidth,
  textWidth,
  VALUE_NODE,
  valueNodeWidth,
} from "./nodeMetrics";

describe("node metrics", () => {
  it("measures text by characters, not UTF-16 units", () => {
    expect(textWidth("∂𝑥", 10)).toBe(textWidth("ab", 10));
    expect(textWidth("abcd", 10)).toBeCloseTo(2 * textWidth("ab", 10));
  });

  it("makes a value box wide enough for its widest line, and never narrower than the minimum", () => {
    expect(valueNodeWidth("x", "data 1", "grad 0")).toBe(VALUE_NODE.minWidth);
    const long = "a_rather_long_variable_name";
    const width = valueNodeWidth(long, "data 2.0000", "grad 5.5000");
    expect(width).toBeGreaterThanOrEqual(
      textWidth(long, VALUE_NODE.nameFontSize, true) + 2 * VALUE_NODE.paddingX,
    );
  });

  it("keeps one-character ops round and stretches long names into pills", () => {
    expect(opNodeWidth("+")).toBe(OP_NODE.diameter);
    expect(opNodeWidth("log_softmax")).toBeGreaterThan(OP_NODE.diameter);
  });

  it("pads an edge label on both sides", () => {
    expect(edgeLabelWidth("")).toBeGreaterThan(0);
    expect(edgeLabelWidth("-11.0000")).toBeGreaterThan(edgeLabelWidth("1.0"));
  });

  it("gives a small grid bigger cells and a large one smaller, within bounds", () => {
    expect(heatmapsLayout(2, 3, 2).cell).toBe(HEATMAP.maxCell);
    expect(heatmapsLayout(12, 12, 2).cell).toBe(HEATMAP.side / 12);
    expect(heatmapsLayout(1, 100, 2).cell).toBe(HEATMAP.minCell);
  });

  it("sizes the heatmap band to its grids and labels, two columns beside each other", () => {
    const one = heatmapsLayout(12, 12, 1);
    const two = heatmapsLayout(12, 12, 2);
    expect(one.columnWidth).toBeGreaterThanOrEqual(12 * one.cell);
    expect(two.width).toBe(2 * two.columnWidth + HEATMAP.gap);
    expect(two.height).toBe(HEATMAP.gridTop + 12 * two.cell + HEATMAP.bottom);
  });
});
