import { describe, expect, it } from "vitest";
import { buildViewGraph } from "../src/view/buildViewGraph";
import { firstExpressionTrace, mlpTrace } from "../src/view/testing/fixtures";
import { pathsBetween, rootKey, search } from "./focusPaths";

// first_expression.py: x = v0, w = v1, b = v2, x * w + b = v4, h = v5, 1 - b = v14, loss = v16.
const graph = buildViewGraph(firstExpressionTrace());

describe("pathsBetween", () => {
  it("keeps what lies on a path from the node to the root, both ways b reaches it", () => {
    const keys = pathsBetween(graph, "v2", "v16");
    for (const key of ["v2", "o4", "v4", "v5", "v10", "v12", "v14", "v15", "v16", "r16"])
      expect(keys).toContain(key);
    // x and w feed the root too, but not through b.
    for (const key of ["v0", "v1", "v9"]) expect(keys).not.toContain(key);
    expect(graph.edges.filter((e) => keys.has(e.key)).every((e) => keys.has(e.from) && keys.has(e.to))).toBe(
      true,
    );
  });

  it("is empty when no path joins the two", () => {
    expect(pathsBetween(graph, "v16", "v2").size).toBe(0);
  });
});

describe("rootKey and search", () => {
  it("finds the root, also when it is folded into a group", () => {
    expect(rootKey(graph)).toBe("v16");
    const folded = buildViewGraph(mlpTrace(2, [4, 4, 1], 3), { nodeLimit: 5 });
    const key = rootKey(folded)!;
    expect(folded.nodes.find((n) => n.key === key)?.kind).toBe("group");
  });

  it("matches names in any case, groups included, op nodes never", () => {
    expect(search(graph, "LOSS")).toEqual(["v16"]);
    expect(search(graph, "  ")).toEqual([]);
    const folded = buildViewGraph(mlpTrace(2, [4, 4, 1], 3), { nodeLimit: 5 });
    expect(search(folded, "mlp").length).toBeGreaterThan(0);
  });
});
