import { describe, expect, it } from "vitest";
import { edgeLabelWidth, OP_NODE, opNodeWidth, textWidth, VALUE_NODE, valueNodeWidth } from "./nodeMetrics";

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
});
