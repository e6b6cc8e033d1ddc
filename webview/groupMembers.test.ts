import { describe, expect, it } from "vitest";
import { buildViewGraph } from "../src/view/buildViewGraph";
import { mlpTrace } from "../src/view/testing/fixtures";
import type { ViewGroupNode } from "../src/view/viewGraph";
import { drawnIds } from "./groupMembers";

describe("drawnIds", () => {
  const trace = mlpTrace(2, [4, 4, 1], 3);
  const graph = buildViewGraph(trace, { nodeLimit: 5 });
  const groups = graph.nodes.filter((n): n is ViewGroupNode => n.kind === "group");

  it("maps a folded value to its group, and a drawn value to itself", () => {
    // Only the model's parameters folded (the `MLP(…)` call that made them).
    const partly = buildViewGraph(trace, { collapsed: new Set(["c0"]) });
    const params = partly.nodes.find((n): n is ViewGroupNode => n.kind === "group")!;
    // The parameters are made first, inside one call: one run of ids.
    expect(params.members).toEqual([0, params.values - 1]);
    expect([...drawnIds(partly, [0, 3])]).toEqual([params.trace]);
    const drawn = partly.nodes.find((n) => n.kind === "value")!;
    expect([...drawnIds(partly, [drawn.trace])]).toEqual([drawn.trace]);
    expect(drawnIds(partly, [10_000_000]).size).toBe(0);
  });

  it("covers every trace value exactly once between drawn values and groups", () => {
    const folded = groups.reduce((s, g) => s + g.values, 0);
    const covered = groups.reduce((s, g) => {
      let n = 0;
      for (let i = 0; i < g.members.length; i += 2) n += g.members[i + 1] - g.members[i] + 1;
      return s + n;
    }, 0);
    expect(covered).toBe(folded);
    const drawnValues = graph.nodes.filter((n) => n.kind === "value").length;
    expect(folded + drawnValues).toBe(trace.nodes.length);
  });
});
