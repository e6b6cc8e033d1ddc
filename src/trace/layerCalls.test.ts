import { describe, expect, it } from "vitest";
import { backwardOfForward, callTitle, handLayers, layerCallMask } from "./layerCalls";
import type { TraceCall } from "./trace";

const call = (
  id: number,
  name: string,
  instance: number | null = null,
  place?: string,
  parent: number | null = null,
): TraceCall => ({
  id,
  parent,
  name,
  instanceClass: instance === null ? null : name.slice(0, name.indexOf(".")),
  instance,
  span: null,
  ...(place ? { place } : {}),
});

describe("callTitle", () => {
  it("names a forward or __call__ by the object's class and place, another method by the method too", () => {
    expect(callTitle(call(0, "Dense.forward", 0, "network[0]"))).toBe("Dense (network[0])");
    expect(callTitle(call(0, "Tanh.backward", 1, "network[1]"))).toBe("Tanh.backward (network[1])");
    expect(callTitle(call(0, "MLP.__call__", 0, "model"))).toBe("MLP (model)");
    expect(callTitle(call(0, "Neuron.__call__", 3))).toBe("Neuron");
    expect(callTitle(call(0, "Neuron.__init__", 3))).toBe("Neuron.__init__");
    expect(callTitle(call(0, "mse"))).toBe("mse()");
  });
});

describe("the program's layers", () => {
  // predict: Dense, Tanh forward; then the backward loop, last layer first; then a prediction only
  const calls = [
    call(0, "predict"),
    call(1, "Dense.forward", 0, "network[0]", 0),
    call(2, "Tanh.forward", 1, "network[1]", 0),
    call(3, "mse_prime"),
    call(4, "Tanh.backward", 1, "network[1]"),
    call(5, "Dense.backward", 0, "network[0]"),
    call(6, "predict"),
    call(7, "Dense.forward", 0, "network[0]", 6),
    call(8, "Tanh.forward", 1, "network[1]", 6),
  ];

  it("are the objects that ran both a forward and a backward", () => {
    expect([...handLayers(calls)].sort()).toEqual([0, 1]);
    expect([...handLayers(calls.filter((c) => !c.name.endsWith("backward")))]).toEqual([]);
  });

  it("pair each forward with the backward call that took its gradient", () => {
    expect([...backwardOfForward(calls)]).toEqual([
      [2, 4],
      [1, 5],
    ]);
  });

  it("mark the layers' calls, not the functions around them, when there are two layers or more", () => {
    expect([...layerCallMask(calls)]).toEqual([0, 1, 1, 0, 1, 1, 0, 1, 1]);
    const one = calls.filter((c) => c.instance !== 1);
    expect([...layerCallMask(one)].every((m) => m === 0)).toBe(true);
  });
});
