import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { buildViewGraph } from "./buildViewGraph";
import { applyNumbers, encodeNumbers } from "./numbersPatch";
import { samePlaces } from "./samePlaces";
import type { ViewGraph } from "./viewGraph";

const micrograd = (x: string) =>
  buildViewGraph(
    runProgram(
      `from micrograd.engine import Value\nx = Value(${x})\nw = Value(-0.5)\nh = (x * w).relu()\nloss = (h + x * x) ** 2\nloss.backward()\n`,
    ),
  );

const torch = (scale: string) =>
  buildViewGraph(
    runProgram(
      `import torch\nw = torch.tensor([[1.0, -2.0], [0.5, ${scale}]], requires_grad=True)\nloss = (w * w).sum()\nloss.backward()\n`,
    ),
  );

/** A deep copy, as the webview holds its own graph. */
const copy = (g: ViewGraph): ViewGraph => JSON.parse(JSON.stringify(g)) as ViewGraph;

describe("numbers patch", () => {
  it("turns the graph on screen into the next step's graph, texts, statuses and weights", () => {
    const before = micrograd("2.0");
    const after = buildViewGraph(
      runProgram(
        "from micrograd.engine import Value\nx = Value(3.0)\nw = Value(-0.5)\nh = (x * w).relu()\nloss = (h + x * x) ** 2\nloss.backward()\n",
      ),
      { previous: before },
    );
    expect(samePlaces(before, after)).toBe(true);
    const message = encodeNumbers(after, "f.py")!;
    const shown = copy(before);
    expect(applyNumbers(shown, message)).toBe(true);
    expect(shown).toEqual(after);
  });

  it("carries a tensor's heatmaps and their scales", () => {
    const before = torch("+3.0");
    const after = buildViewGraph(
      runProgram(
        "import torch\nw = torch.tensor([[1.0, -2.0], [0.5, -7.0]], requires_grad=True)\nloss = (w * w).sum()\nloss.backward()\n",
      ),
      { previous: before },
    );
    expect(samePlaces(before, after)).toBe(true);
    expect(after.nodes.some((n) => n.kind === "value" && n.heatmaps)).toBe(true);
    const shown = copy(before);
    expect(applyNumbers(shown, encodeNumbers(after, "t.py")!)).toBe(true);
    expect(shown).toEqual(after);
  });

  it("crosses postMessage as bytes: typed arrays and one string of texts", () => {
    const message = encodeNumbers(micrograd("2.0"), "f.py")!;
    expect(message.texts).toBeInstanceOf(Uint8Array);
    expect(message.statuses).toBeInstanceOf(Uint8Array);
    expect(message.weights).toBeInstanceOf(Float64Array);
    expect(structuredClone(message)).toEqual(message);
  });

  it("changes nothing when the numbers are for another graph or malformed", () => {
    const shown = micrograd("2.0");
    const untouched = copy(shown);
    const other = encodeNumbers(torch("+3.0"), "t.py")!;
    expect(applyNumbers(shown, other)).toBe(false);
    const good = encodeNumbers(micrograd("5.0"), "f.py")!;
    for (const bad of [
      { ...good, texts: good.texts.subarray(0, good.texts.length - 3) },
      { ...good, statuses: Uint8Array.from(good.statuses, () => 9) },
      { ...good, weights: good.weights.map(() => 2) },
      { ...good, edges: good.edges + 1 },
    ])
      expect(applyNumbers(shown, bad)).toBe(false);
    expect(shown).toEqual(untouched);
  });

  it("leaves the tooltips as they are when sent without them", () => {
    const before = micrograd("2.0");
    const after = buildViewGraph(
      runProgram(
        "from micrograd.engine import Value\nx = Value(3.0)\nw = Value(-0.5)\nh = (x * w).relu()\nloss = (h + x * x) ** 2\nloss.backward()\n",
      ),
      { previous: before },
    );
    const light = encodeNumbers(after, "f.py", false)!;
    expect(light.texts.length).toBeLessThan(encodeNumbers(after, "f.py")!.texts.length / 2);
    const shown = copy(before);
    expect(applyNumbers(shown, light)).toBe(true);
    shown.nodes.forEach((node, i) => {
      expect(node.title).toBe(before.nodes[i].title);
      if (node.kind !== "op") expect(node.data).toBe((after.nodes[i] as typeof node).data);
    });
    shown.edges.forEach((edge, i) => {
      expect(edge.chainRule).toBe(before.edges[i].chainRule);
      expect(edge.label).toBe(after.edges[i].label);
    });
  });

  it("sends the graph itself when an edge gains or loses a mismatch mark, which numbers do not carry", () => {
    const before = micrograd("2.0");
    const after = copy(before);
    after.edges.find((e) => e.kind === "input")!.mismatch = true;
    expect(samePlaces(before, after)).toBe(false);
    expect(samePlaces(after, copy(after))).toBe(true);
  });

  it("declines a text with a NUL in it, which would end early", () => {
    const graph = micrograd("2.0");
    graph.nodes[0].title = "a\u0000b";
    expect(encodeNumbers(graph, "f.py")).toBeNull();
  });
});
