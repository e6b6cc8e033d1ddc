import { describe, expect, it } from "vitest";
import { edgePathData } from "./edgePath";

describe("edgePathData", () => {
  it("draws level stretches as lines and bends as S-curves with level tangents", () => {
    const d = edgePathData([
      { x: 0, y: 10 },
      { x: 20, y: 10 },
      { x: 60, y: 30 },
    ]);
    expect(d).toBe("M0,10L20,10C40,10 40,30 60,30");
  });

  it("rounds to two decimals", () => {
    expect(edgePathData([{ x: 1 / 3, y: 2 / 3 }])).toBe("M0.33,0.67");
  });

  it("is empty without points", () => {
    expect(edgePathData([])).toBe("");
  });
});

describe("edgePathData, flowing down", () => {
  it("draws stretches in one column as lines and sideways moves as S-curves with vertical tangents", () => {
    const d = edgePathData(
      [
        { x: 10, y: 0 },
        { x: 10, y: 20 },
        { x: 30, y: 60 },
      ],
      true,
    );
    expect(d).toBe("M10,0L10,20C10,40 30,40 30,60");
  });
});
