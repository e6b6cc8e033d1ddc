import { describe, expect, it } from "vitest";
import { CallRecorder } from "./callRecorder";
import { PyClass, PyInstance } from "./objects";

describe("CallRecorder", () => {
  it("tags each row with the innermost call that made it, and nests calls by parent", () => {
    const r = new CallRecorder();
    const outer = r.enter("predict", undefined, { from: 0, to: 5 }, 0);
    expect(r.active()).toBe(outer);
    const inner = r.enter("forward", undefined, { from: 6, to: 9 }, 2);
    r.exit(inner, 4); // rows 2 and 3 made inside forward
    expect(r.active()).toBe(outer);
    r.exit(outer, 6); // rows 0, 1, 4 and 5 in predict itself
    expect(r.active()).toBeNull();
    expect([0, 1, 2, 3, 4, 5, 6].map((row) => r.callOf(row))).toEqual([
      outer,
      outer,
      inner,
      inner,
      outer,
      outer,
      null,
    ]);
    expect(r.traceCalls()).toEqual([
      { id: 0, parent: null, name: "predict", instanceClass: null, instance: null, span: { from: 0, to: 5 } },
      { id: 1, parent: 0, name: "forward", instanceClass: null, instance: null, span: { from: 6, to: 9 } },
    ]);
  });

  it("numbers the instances methods run on, the same number for every call on one object", () => {
    const r = new CallRecorder();
    const cls = new PyClass("Dense", null, "__main__");
    const a = new PyInstance(cls);
    const b = new PyInstance(cls);
    for (const self of [a, b, a]) r.exit(r.enter("Dense.forward", self, null, 0), 0);
    expect(r.calls.map((c) => [c.instanceClass, c.instance])).toEqual([
      ["Dense", 0],
      ["Dense", 1],
      ["Dense", 0],
    ]);
    expect(r.instanceOf(b)).toBe(1);
    expect(r.instanceOf(new PyInstance(cls))).toBeUndefined();
  });

  it("lets go of the calls whose rows a compaction dropped, and renumbers the rest in order", () => {
    const r = new CallRecorder();
    // three steps of a loop: step(k) calls forward(k); each makes one row of its own
    for (let k = 0; k < 3; k++) {
      const step = r.enter("step", undefined, { from: k, to: k + 1 }, 2 * k);
      r.exit(r.enter("forward", undefined, null, 2 * k + 1), 2 * k + 2);
      r.exit(step, 2 * k + 2);
    }
    // step 0's rows dropped, step 1 keeps only forward's row, step 2 keeps both
    const moved = Int32Array.from([-1, -1, -1, 0, 1, 2]);
    const movedCalls = r.compact(moved);
    expect(Array.from(movedCalls!)).toEqual([-1, -1, 0, 1, 2, 3]);
    // step 1 stays, as the caller of the forward whose row was kept
    expect(r.traceCalls()).toEqual([
      { id: 0, parent: null, name: "step", instanceClass: null, instance: null, span: { from: 1, to: 2 } },
      { id: 1, parent: 0, name: "forward", instanceClass: null, instance: null, span: null },
      { id: 2, parent: null, name: "step", instanceClass: null, instance: null, span: { from: 2, to: 3 } },
      { id: 3, parent: 2, name: "forward", instanceClass: null, instance: null, span: null },
    ]);
    expect([0, 1, 2, 3].map((row) => r.callOf(row))).toEqual([1, 2, 3, null]);
    // the next call is numbered after them
    expect(r.enter("step", undefined, null, 3)).toBe(4);
  });

  it("keeps the calls held by number, and renumbers none while a call is running", () => {
    const r = new CallRecorder();
    r.exit(r.enter("a", undefined, null, 0), 1);
    r.exit(r.enter("b", undefined, null, 1), 2);
    expect(Array.from(r.compact(Int32Array.from([-1, -1]), [1])!)).toEqual([-1, 0]);
    expect(r.traceCalls().map((c) => c.name)).toEqual(["b"]);
    const running = r.enter("c", undefined, null, 0);
    r.exit(r.enter("d", undefined, null, 0), 1);
    expect(r.compact(Int32Array.from([0]))).toBeNull();
    expect(r.traceCalls().map((c) => c.name)).toEqual(["b", "c", "d"]);
    r.exit(running, 1);
  });
});
