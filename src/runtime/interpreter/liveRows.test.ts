import { describe, expect, it } from "vitest";
import { liveRows } from "./liveRows";
import { PyClass, PyInstance, PyList, ValueRef } from "./objects";

describe("liveRows", () => {
  it("marks the rows of the values an instance holds, and makes no attribute dict for one that has none", () => {
    // a long numpy loop's list of np.float64 losses: thousands of instances with no attribute of
    // their own, walked at every reclaim; a dict made for each by the walk was ~0.4 kB apiece
    const cls = new PyClass("float64", null, "numpy");
    const bare = new PyInstance(cls);
    const holder = new PyInstance(cls);
    holder.setOwnAttr("v", new ValueRef(2));
    const keep = liveRows([new PyList([bare, holder])], 4);
    expect(Array.from(keep!)).toEqual([0, 0, 1, 0]);
    expect((bare as unknown as { attrStore: unknown }).attrStore).toBeNull();
    // and the walk reads the holder's attributes in their slots, without making them a Map
    expect((holder as unknown as { attrStore: unknown }).attrStore).toBeInstanceOf(Array);
  });
});
