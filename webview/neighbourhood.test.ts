import { describe, expect, it } from "vitest";
import { buildViewGraph } from "../src/view/buildViewGraph";
import { firstExpressionTrace } from "../src/view/testing/fixtures";
import { GraphIndex, neighbourhood } from "./neighbourhood";

// first_expression.py: x = v0, w = v1, b = v2, x * w = v3 (op o3), x * w + b = v4 (op o4).
const index = new GraphIndex(buildViewGraph(firstExpressionTrace()));
const sorted = (s: Set<string>) => [...s].sort();

describe("neighbourhood", () => {
  it("lights an edge and its two ends", () => {
    expect(sorted(neighbourhood(index, "e1"))).toEqual(["e1", "o3", "v1"]);
  });

  it("lights an op node's whole operation: operands, op, result", () => {
    expect(sorted(neighbourhood(index, "o3"))).toEqual(["e0", "e1", "o3", "r3", "v0", "v1", "v3"]);
  });

  it("lights every operation a value takes part in", () => {
    // x * w is made by o3 and used by o4 (with b).
    expect(sorted(neighbourhood(index, "v3"))).toEqual(
      ["e0", "e1", "e2", "e3", "o3", "o4", "r3", "r4", "v0", "v1", "v2", "v3", "v4"].sort(),
    );
  });
});
