import { describe, expect, it } from "vitest";
import { layOutRecord, parseRecordLabel } from "./recordLabel";

const measure = (text: string) => ({ width: text.length * 7, height: 16.8 });

describe("Graphviz record labels", () => {
  it("splits the lecture's label into its three fields", () => {
    expect(parseRecordLabel("{ a | data 2.0000 | grad 0.0000 }")).toEqual({
      kind: "group",
      children: [
        {
          kind: "group",
          children: [
            { kind: "text", text: "a", port: null },
            { kind: "text", text: "data 2.0000", port: null },
            { kind: "text", text: "grad 0.0000", port: null },
          ],
        },
      ],
    });
  });

  it("reads ports and escapes", () => {
    expect(parseRecordLabel("<f0> left|\\{mid\\}|<f2> right")).toEqual({
      kind: "group",
      children: [
        { kind: "text", text: "left", port: "f0" },
        { kind: "text", text: "{mid}", port: null },
        { kind: "text", text: "right", port: "f2" },
      ],
    });
  });

  it("lays the braced fields side by side left to right, stacked top to bottom", () => {
    const root = parseRecordLabel("{ a | data 2.0000 | grad 0.0000 }");
    const lr = layOutRecord(root, false, measure, 54, 36);
    expect(lr.fields.map((f) => f.y)).toEqual([0, 0, 0]);
    expect(lr.fields.map((f) => f.text)).toEqual(["a", "data 2.0000", "grad 0.0000"]);
    // each field is its text plus 16 points; the row is as tall as the 36-point minimum
    expect(lr.width).toBe(7 + 16 + 77 + 16 + 77 + 16);
    expect(lr.height).toBe(36);
    expect(lr.separators).toHaveLength(2);
    const tb = layOutRecord(root, true, measure, 54, 36);
    expect(tb.fields.map((f) => f.x)).toEqual([0, 0, 0]);
    expect(tb.height).toBe(3 * (16.8 + 8));
  });
});
