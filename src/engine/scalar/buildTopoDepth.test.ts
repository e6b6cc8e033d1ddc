import { describe, expect, it } from "vitest";
import { buildTopoDepth } from "./buildTopoDepth";
import { MicrogradOps } from "./microgradOps";
import { ScalarTape } from "./scalarTape";

const float = (value: number) => ({ value, isInt: false });

describe("buildTopoDepth", () => {
  it("is the chain's length for `y = y * w + b` repeated, constants included", () => {
    const t = new ScalarTape();
    const m = new MicrogradOps(t);
    const x = t.leaf(1);
    let y = x;
    for (let i = 0; i < 10; i++) y = m.add(m.mul(y, float(1.0001)), float(0.00001));
    // root (add) → mul → add → … → x: two levels per step
    expect(buildTopoDepth(t, y)).toBe(20);
    expect(buildTopoDepth(t, x)).toBe(0);
  });

  it("visits a value once, where the walk first reaches it", () => {
    const t = new ScalarTape();
    const m = new MicrogradOps(t);
    const a = t.leaf(2);
    const b = m.mul(a, a); // a once: micrograd's _prev is a set
    const c = m.add(b, a); // b's branch first reaches a at depth 2
    expect(buildTopoDepth(t, b)).toBe(1);
    expect(buildTopoDepth(t, c)).toBe(2);
    expect(buildTopoDepth(t, m.relu(c))).toBe(3);
  });
});
