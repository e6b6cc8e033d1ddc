import { readFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { buildViewGraph } from "../view/buildViewGraph";
import type { ViewGraph } from "../view/viewGraph";
import { pack, unpack } from "./packedMessage";
import type { RunResponse, WorkerMessage } from "./protocol";

const example = (name: string) => readFileSync(`examples/${name}`, "utf8");

function result(source: string, nodeLimit?: number): RunResponse {
  const trace = runProgram(source);
  return {
    type: "result",
    id: 7,
    trace,
    view: buildViewGraph(trace, { nodeLimit }),
    health: [],
    inline: [],
    inlineByDefault: true,
    timings: { runMs: 1, layoutMs: 2, analysisMs: 3 },
  };
}

/** Through the runner as an answer goes: packed in the worker, its bytes copied, read by the client. */
const roundTrip = (message: WorkerMessage) => {
  const packed = pack(message);
  return unpack(structuredClone(packed));
};

describe("packedMessage", () => {
  const cases: [string, RunResponse][] = [
    ["a micrograd lecture", result(example("micrograd_lecture.py"))],
    ["a torch MLP (tensors, heatmaps)", result(example("torch_two_layer_mlp.py"))],
    ["an own backward's mismatches", result(example("own_value_mul_mistake.py"))],
    ["a folded training loop", result(example("micrograd_mlp_training.py"), 200)],
    ["hand-written numpy layers (12,000 calls)", result(example("numpy_primer_xor.py"))],
  ];
  for (const [name, message] of cases) {
    it(`brings back the answer the worker made, graph and all: ${name}`, () => {
      const back = roundTrip(message);
      expect(back).toEqual(message);
      // the same down to the order of its fields: Export graph writes the graph's JSON
      expect(JSON.stringify(back)).toBe(JSON.stringify(message));
    });
  }

  it("covers what the cases are meant to: groups, heatmaps, mismatched edges", () => {
    const views = cases.map(([, m]) => m.view);
    expect(views.some((v) => v.nodes.some((n) => n.kind === "group"))).toBe(true);
    expect(views.some((v) => v.nodes.some((n) => n.kind === "value" && n.heatmaps))).toBe(true);
    expect(views.some((v) => v.edges.some((e) => e.mismatch))).toBe(true);
  });

  it("sends a graph in well under the bytes of its objects", () => {
    for (const [, message] of cases) {
      const graphBytes = pack(message).bytes.byteLength - serialize({ ...message, view: null }).byteLength;
      expect(graphBytes).toBeLessThan(serialize(message.view).byteLength * 0.6);
    }
  });

  it("sends a trace's calls as integers, and the trace's keys in their order", () => {
    const message = cases[4][1];
    expect(message.trace.calls!.length).toBeGreaterThan(10_000);
    const callBytes =
      pack(message).bytes.byteLength -
      pack({ ...message, trace: { ...message.trace, calls: [] } }).bytes.byteLength;
    expect(callBytes).toBeLessThan(serialize(message.trace.calls).byteLength * 0.05);
    const back = roundTrip(message) as RunResponse;
    expect(Object.keys(back.trace)).toEqual(Object.keys(message.trace));
    // the trace a CLI asks for comes the same way
    const traced: WorkerMessage = { type: "trace", id: 2, trace: message.trace };
    expect(JSON.stringify(roundTrip(traced))).toBe(JSON.stringify(traced));
  });

  it("sends calls of another shape as they are", () => {
    const message = cases[4][1];
    const calls = message.trace.calls!.map((c) => ({ ...c }));
    (calls[0] as { extra?: boolean }).extra = true;
    const odd: WorkerMessage = { ...message, trace: { ...message.trace, calls } };
    expect(roundTrip(odd)).toEqual(odd);
  });

  it("turns calls that do not read back into a failure", () => {
    const packed = pack(cases[4][1]);
    const answer = deserialize(packed.bytes) as { callsWire: { calls: Uint8Array } };
    answer.callsWire.calls = answer.callsWire.calls.slice(0, -1);
    expect(unpack({ ...packed, bytes: serialize(answer) })).toMatchObject({ type: "failure", id: 7 });
  });

  it("brings back a training step's graph, and a step without one", () => {
    const { view } = cases[0][1];
    const step: WorkerMessage = { type: "trainStep", id: 3, step: 2, loss: 0.5, view };
    expect(pack(step).final).toBe(false);
    expect(roundTrip(step)).toEqual(step);
    const bare: WorkerMessage = { type: "trainStep", id: 3, step: 3, loss: 0.25 };
    expect(roundTrip(bare)).toEqual(bare);
    expect("view" in roundTrip(bare)).toBe(false);
  });

  it("sends a graph whose text holds a NUL as it is", () => {
    const message = cases[0][1];
    const view: ViewGraph = { ...message.view, rootName: "a\u0000b" };
    expect(roundTrip({ ...message, view })).toEqual({ ...message, view });
  });

  it("turns a graph that does not read back into a failure, not half a graph", () => {
    const packed = pack(cases[0][1]);
    // the last integer of the graph's wire is cut off: the buffers no longer agree
    const text = Buffer.from(packed.bytes).toString("latin1");
    expect(text).toContain("viewWire");
    const spoiled = { ...packed, bytes: corruptWire(packed.bytes) };
    expect(unpack(spoiled)).toMatchObject({ type: "failure", id: 7 });
  });
});

/** The same answer with its graph's integers replaced by too few of them. */
function corruptWire(bytes: Uint8Array): Uint8Array {
  const answer = deserialize(bytes) as { viewWire: { ints: Int32Array } };
  answer.viewWire.ints = answer.viewWire.ints.slice(0, -1);
  return serialize(answer);
}
