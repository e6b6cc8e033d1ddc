import { afterEach, describe, expect, it } from "vitest";
import { Tape } from "../tape";
import {
  copyInPlace,
  dataOf,
  mul,
  requiresGradInPlace,
  setData,
  subInPlace,
  sum,
  tensor,
  withNoGrad,
  zeros,
} from "./index";
import { recordTensorsOn } from "./tensorIds";

afterEach(() => {
  recordTensorsOn(null);
});

/** A tape that moves element `element` of the leaf at row `row` by `delta` at `version`. */
function movingTape(row: number, version: number, element: number, delta: number): Tape {
  const tape = new Tape();
  tape.leafMoves = new Map([[row, { version, add: new Map([[element, delta]]) }]]);
  recordTensorsOn(tape);
  return tape;
}

describe("leaf moves on tensors", () => {
  it("move a leaf made with requires_grad where it is made (version 0)", () => {
    movingTape(0, 0, 1, 0.5);
    const w = tensor([1, 2, 3], { requiresGrad: true, dtype: "float64" });
    expect(w.id).toBe(0);
    expect(Array.from(w.values())).toEqual([1, 2.5, 3]);
    expect(w.version).toBe(0); // the move is no write the program made
  });

  it("wait for the version the graph read: after the writes that came before", () => {
    movingTape(0, 2, 0, 0.25);
    const w = requiresGradInPlace(zeros([2], { dtype: "float64" }));
    withNoGrad(() => copyInPlace(w, tensor([1, 1], { dtype: "float64" })));
    expect(Array.from(w.values())).toEqual([1, 1]); // version 1: not yet
    withNoGrad(() => subInPlace(w, tensor([0.5, 0.5], { dtype: "float64" })));
    expect(w.version).toBe(2);
    expect(Array.from(w.values())).toEqual([0.75, 0.5]);
    withNoGrad(() => subInPlace(w, tensor([0.5, 0.5], { dtype: "float64" })));
    expect(Array.from(w.values())).toEqual([0.25, 0]); // once only
  });

  it("follow a write through a view that shares the leaf's storage (p.data -= …)", () => {
    movingTape(0, 1, 2, -1);
    const w = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true, dtype: "float64" },
    );
    subInPlace(dataOf(w), tensor(1, { dtype: "float64" }));
    expect(w.toNested()).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  it("follow `x.data = y` to the new memory and its writes", () => {
    movingTape(0, 1, 0, 10);
    const w = requiresGradInPlace(zeros([1], { dtype: "float64" }));
    const other = tensor([5], { dtype: "float64" });
    withNoGrad(() => subInPlace(other, tensor([1], { dtype: "float64" }))); // other's memory: 1 write
    expect(Array.from(w.values())).toEqual([0]);
    setData(w, other);
    expect(Array.from(w.values())).toEqual([14]);
  });

  it("leave other rows and other runs alone", () => {
    movingTape(5, 0, 0, 1);
    const w = tensor([1], { requiresGrad: true });
    expect(Array.from(w.values())).toEqual([1]);
    recordTensorsOn(new Tape());
    expect(Array.from(tensor([1], { requiresGrad: true }).values())).toEqual([1]);
  });

  it("round to float32 unless the run computes float32 in float64", () => {
    movingTape(0, 0, 0, 1e-9);
    expect(tensor([1], { requiresGrad: true, dtype: "float32" }).item()).toBe(1);
    const tape = movingTape(0, 0, 0, 1e-9);
    tape.float32AsFloat64 = true;
    const w = tensor([1], { requiresGrad: true, dtype: "float32" });
    expect(w.item()).toBe(1 + 1e-9);
    expect(sum(mul(w, 3)).item()).toBe((1 + 1e-9) * 3); // the operations keep float64 too
  });
});

describe("leaf moves on Values", () => {
  it("move a Value where it is made, or at its n-th `.data` write", () => {
    const tape = new Tape();
    tape.leafMoves = new Map([
      [0, { version: 0, add: new Map([[0, 0.5]]) }],
      [1, { version: 2, add: new Map([[0, 0.5]]) }],
    ]);
    expect(tape.data[tape.leaf(1, true)]).toBe(1.5);
    expect(tape.isDataInt(0)).toBe(false);
    const b = tape.leaf(1);
    tape.setData(b, 2, false);
    expect(tape.data[b]).toBe(2);
    tape.setData(b, 3, false);
    expect(tape.data[b]).toBe(3.5);
    tape.setData(b, 4, false);
    expect(tape.data[b]).toBe(4);
  });

  it("know which write of a Value an operation read", () => {
    const tape = new Tape();
    const w = tape.leaf(1);
    const before = tape.leaf(2); // row 1, made before any write of w
    tape.setData(w, 5, false);
    const after = tape.leaf(3); // row 2, made after the first
    tape.setData(w, 6, false);
    expect(tape.dataVersion(w, before)).toBe(0);
    expect(tape.dataVersion(w, after)).toBe(1);
    expect(tape.dataVersion(w, after + 1)).toBe(2);
    expect(tape.dataVersion(before, after)).toBe(0);
  });
});
