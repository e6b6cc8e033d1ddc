import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MemoryFiles } from "../files/testing/memoryFiles";
import { withFileAccess } from "../runtime/files/runFileAccess";
import { runProgram } from "../runtime/runProgram";
import { buildViewGraph } from "./buildViewGraph";
import { orient } from "./direction";
import { decodeGraph, encodeGraph, type GraphWire } from "./graphWire";
import { applyNumbers, encodeNumbers } from "./numbersPatch";
import { parseHostMessage, graphOnWire } from "./protocol";
import type { ViewGraph } from "./viewGraph";

const graphOf = (source: string, nodeLimit?: number) => buildViewGraph(runProgram(source), { nodeLimit });

const micrograd = graphOf(
  "from micrograd.engine import Value\nx = Value(2.0)\nw = Value(-0.5)\nh = (x * w).relu()\nloss = (h + x * x) ** 2\nloss.backward()\n",
);
const tensors = graphOf(
  "import torch\nw = torch.tensor([[1.0, -2.0], [0.5, 3.0]], requires_grad=True)\nb = torch.tensor([float('nan'), 1.0])\nwith torch.no_grad():\n    c = w * 2\nloss = (w * w).sum() + c.sum() + w.detach().sum()\nloss.backward()\n",
);
// a loop past the node limit: folded into groups, with a loop marker and members
const folded = graphOf(
  "from micrograd.engine import Value\nx = Value(1.0)\nacc = Value(0.0)\nfor i in range(40):\n    acc = acc + x * i\nacc.backward()\n",
  20,
);

// a learner's own Value class whose `_backward` sends wrong contributions: edges marked
const ownMistake = buildViewGraph(runProgram(readFileSync("examples/own_value_mul_mistake.py", "utf8")));

// values made in a module of the program's own: their spans name the module's file
const fromModule = buildViewGraph(
  withFileAccess(
    new MemoryFiles({
      "/ws/helper.py":
        "from micrograd.engine import Value\ndef neuron(x):\n    return (x * Value(0.5)).tanh()\n",
    }),
    () =>
      runProgram(
        "from micrograd.engine import Value\nimport helper\ny = helper.neuron(Value(2.0))\ny.backward()\n",
        {
          workspace: { programPath: "/ws/prog.py", roots: ["/ws"] },
        },
      ),
  ),
);

describe("graphWire", () => {
  const cases: [string, ViewGraph][] = [
    ["values and ops", micrograd],
    ["tensors with heatmaps, cut values", tensors],
    ["folded groups", folded],
    ["an own backward's mismatches", ownMistake],
    ["spans in a module's file", fromModule],
    ["turned top to bottom", orient(micrograd, "top-to-bottom")],
    ["mirrored", orient(micrograd, "right-to-left")],
  ];
  for (const [name, graph] of cases) {
    it(`gives back the same graph: ${name}`, () => {
      const wire = encodeGraph(graph)!;
      expect(decodeGraph(structuredClone(wire))).toEqual(graph);
    });
  }

  it("covers what the cases are meant to: groups with a loop, heatmaps, a cut value", () => {
    expect(folded.nodes.some((n) => n.kind === "group" && n.loop !== null && n.members.length > 0)).toBe(
      true,
    );
    expect(tensors.nodes.some((n) => n.kind === "value" && n.heatmaps?.grad)).toBe(true);
    expect(tensors.nodes.some((n) => n.kind === "value" && n.cut !== undefined)).toBe(true);
    expect(ownMistake.edges.some((e) => e.mismatch)).toBe(true);
    expect(fromModule.nodes.some((n) => n.kind === "value" && n.span?.file === "/ws/helper.py")).toBe(true);
  });

  it("travels in a graph message and is parsed back into the graph", () => {
    const message = graphOnWire({ type: "graph", graph: micrograd, stale: true, title: "f.py" });
    expect("wire" in message).toBe(true);
    expect(parseHostMessage(structuredClone(message))).toEqual({
      type: "graph",
      graph: micrograd,
      stale: true,
      title: "f.py",
    });
  });

  it("is far smaller than the graph as JSON", () => {
    const wire = encodeGraph(folded)!;
    const bytes = wire.texts.byteLength + wire.ints.byteLength + wire.floats.byteLength;
    expect(bytes).toBeLessThan(JSON.stringify(folded).length);
  });

  it("yields null for anything malformed, never half a graph", () => {
    const wire = encodeGraph(micrograd)!;
    const bad: GraphWire[] = [
      { ...wire, ints: wire.ints.subarray(0, wire.ints.length - 1) },
      { ...wire, ints: Int32Array.from([...wire.ints, 0]) },
      { ...wire, floats: wire.floats.map((x, i) => (i === 3 ? NaN : x)) },
      { ...wire, texts: wire.texts.subarray(0, wire.texts.length - 1) },
      { ...wire, ints: wire.ints.map((n, i) => (i === 4 ? 7 : n)) }, // the first node's kind
    ];
    for (const b of bad) expect(decodeGraph(b)).toBeNull();
    // an edge whose end is not a node
    const ends = Int32Array.from(wire.ints);
    ends[firstEdgeFrom()] = micrograd.nodes.length;
    expect(decodeGraph({ ...wire, ints: ends })).toBeNull();
  });

  it("can leave the tooltips out, for a numbers message to bring", () => {
    const wire = encodeGraph(micrograd, false)!;
    expect(wire.texts.length).toBeLessThan(encodeGraph(micrograd)!.texts.length / 2);
    const bare = decodeGraph(wire)!;
    expect(bare.nodes.every((n) => n.title === "")).toBe(true);
    // a chain rule stays there (empty), so the numbers that bring it have a place to put it
    expect(bare.edges.map((e) => e.chainRule === null)).toEqual(
      micrograd.edges.map((e) => e.chainRule === null),
    );
    expect(applyNumbers(bare, encodeNumbers(micrograd, "f.py", true)!)).toBe(true);
    expect(bare).toEqual(micrograd);
  });

  it("sends a text said before as a reference to it, and reads it back", () => {
    const graph = structuredClone(micrograd);
    const said = graph.nodes[0].title;
    // texts that start with the reference mark, long and short, are texts like any other
    graph.nodes[1].title = "\u0001" + "2";
    graph.nodes[2].title = "\u0001\u0001 and more after it";
    graph.nodes[3].title = said;
    graph.nodes[4].title = graph.nodes[2].title;
    const wire = encodeGraph(graph)!;
    expect(decodeGraph(structuredClone(wire))).toEqual(graph);
    const decoder = new TextDecoder();
    const count = (text: string) =>
      decoder
        .decode(wire.texts)
        .split("\u0000")
        .filter((t) => t === text).length;
    expect(count(said)).toBe(1);
    // a graph with many repeated chain rules and titles: its texts shrink by far
    const repeated = encodeGraph(graphOf(readFileSync("examples/micrograd_mlp_training.py", "utf8")))!;
    const texts = decoder.decode(repeated.texts).split("\u0000");
    expect(texts.filter((t) => t.startsWith("\u0001")).length).toBeGreaterThan(texts.length / 4);
  });

  it("yields null for a reference that points nowhere or ahead", () => {
    const wire = encodeGraph(micrograd)!;
    const texts = new TextDecoder().decode(wire.texts).split("\u0000");
    for (const reference of ["\u0001zz", "\u0001" + (texts.length - 2).toString(36), "\u0001-1", "\u0001"]) {
      const spoiled = [...texts];
      spoiled[1] = reference;
      expect(decodeGraph({ ...wire, texts: new TextEncoder().encode(spoiled.join("\u0000")) })).toBeNull();
    }
  });

  it("declines a text with a NUL in it", () => {
    const graph = structuredClone(micrograd);
    graph.nodes[0].title = "a\u0000b";
    expect(encodeGraph(graph)).toBeNull();
    expect("graph" in graphOnWire({ type: "graph", graph, stale: false, title: "f.py" })).toBe(true);
  });
});

/** Where the first edge's `from` index is among the integers: after the header and every node's. */
function firstEdgeFrom(): number {
  // The graph without its edges writes as many integers as come before them.
  const bare = encodeGraph({ ...micrograd, edges: [] })!;
  return bare.ints.length + 1; // the edge's kind, then (its key is a text) its `from`
}
