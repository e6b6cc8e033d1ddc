import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import type { TraceCall } from "../trace/trace";
import { decodeCalls, encodeCalls, type CallsWire } from "./callsWire";

const here = { from: 10, to: 20 };
const elsewhere = { from: 3, to: 9, file: "/work/pkg/layers.py" };

/** Calls as a run lists them: a method on two instances, a plain function, one placed, one top-level. */
function calls(): TraceCall[] {
  const out: TraceCall[] = [
    { id: 0, parent: null, name: "predict", instanceClass: null, instance: null, span: here },
    { id: 1, parent: 0, name: "Dense.forward", instanceClass: "Dense", instance: 0, span: elsewhere },
    { id: 2, parent: 0, name: "Dense.forward", instanceClass: "Dense", instance: 1, span: elsewhere },
    { id: 3, parent: null, name: "<lambda>", instanceClass: null, instance: null, span: null },
    { id: 4, parent: 3, name: "Tanh.forward", instanceClass: "Tanh", instance: 2, span: { from: 0, to: 0 } },
  ];
  out[1].place = "network[0]";
  out[2].place = "network[2]";
  return out;
}

const roundTrip = (list: TraceCall[]) => {
  const wire = encodeCalls(list);
  expect(wire).not.toBeNull();
  return decodeCalls(structuredClone(wire!));
};

describe("callsWire", () => {
  it("brings back the same calls, down to the order of their keys", () => {
    const back = roundTrip(calls());
    expect(back).toEqual(calls());
    expect(JSON.stringify(back)).toBe(JSON.stringify(calls()));
  });

  it("shares a span between the calls that shared it, as the serializer does", () => {
    const back = roundTrip(calls())!;
    expect(back[1].span).toBe(back[2].span);
    expect(back[0].span).not.toBe(back[1].span);
  });

  it("brings back long runs: parents far back, many sites, big numbers", () => {
    const long: TraceCall[] = [
      { id: 0, parent: null, name: "main", instanceClass: null, instance: null, span: null },
    ];
    for (let id = 1; id < 5000; id++)
      long.push({
        id,
        parent: id % 7 === 0 ? 0 : id - 1,
        name: `f${id % 300}`,
        instanceClass: "M",
        instance: id * 100_000,
        span: { from: id * 1000, to: id * 1000 + 5 },
      });
    expect(roundTrip(long)).toEqual(long);
  });

  it("brings back no calls as none", () => {
    expect(roundTrip([])).toEqual([]);
  });

  it("sends a training loop's calls in well under the bytes of their objects", () => {
    const loop: TraceCall[] = [];
    const spans = [here, elsewhere, { from: 40, to: 52 }];
    for (let id = 0; id < 3000; id++) {
      const top = id % 3 === 0;
      loop.push({
        id,
        parent: top ? null : id - (id % 3),
        name: top ? "predict" : "Dense.forward",
        instanceClass: top ? null : "Dense",
        instance: top ? null : id % 3,
        span: spans[id % 3],
      });
      if (!top) loop[id].place = `network[${id % 3}]`;
    }
    const wire = encodeCalls(loop)!;
    expect(decodeCalls(wire)).toEqual(loop);
    // two bytes a call, and each of the few distinct calls once
    expect(wire.calls.byteLength).toBe(2 * loop.length);
    expect(serialize(wire).byteLength).toBeLessThan(serialize(loop).byteLength * 0.05);
  });

  it("leaves calls of another shape to travel as they are", () => {
    const withExtra = calls();
    (withExtra[2] as TraceCall & { extra?: number }).extra = 1;
    expect(encodeCalls(withExtra)).toBeNull();
    const renumbered = calls();
    renumbered[3].id = 7;
    expect(encodeCalls(renumbered)).toBeNull();
    const parentAfter = calls();
    parentAfter[1].parent = 2;
    expect(encodeCalls(parentAfter)).toBeNull();
    const fractional = calls();
    fractional[4].span = { from: 1.5, to: 2 };
    expect(encodeCalls(fractional)).toBeNull();
    const spanKeys = calls();
    spanKeys[0].span = { to: 20, from: 10 };
    expect(encodeCalls(spanKeys)).toBeNull();
    const undefinedPlace = calls();
    undefinedPlace[0].place = undefined;
    expect(encodeCalls(undefinedPlace)).toBeNull();
  });

  it("reads a malformed wire as null, not as half a list", () => {
    const good = encodeCalls(calls())!;
    const broken = (change: (w: CallsWire) => void) => {
      const w = structuredClone(good);
      change(w);
      return decodeCalls(w);
    };
    expect(broken((w) => (w.calls = w.calls.slice(0, -1)))).toBeNull();
    expect(broken((w) => (w.count += 1))).toBeNull();
    expect(broken((w) => (w.count -= 1))).toBeNull(); // bytes left over
    expect(broken((w) => (w.calls[0] = 5))).toBeNull(); // a parent before the first call
    expect(broken((w) => (w.calls[1] = 60))).toBeNull(); // a site out of range
    expect(broken((w) => (w.sites[0] = w.texts.length))).toBeNull(); // a name out of range
    expect(broken((w) => (w.sites[4] = 99))).toBeNull(); // a span out of range
    expect(broken((w) => (w.sites = w.sites.slice(1)))).toBeNull();
    expect(broken((w) => (w.spanStarts = w.spanStarts.slice(0, -1)))).toBeNull();
  });
});
