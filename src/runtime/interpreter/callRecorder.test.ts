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
});
