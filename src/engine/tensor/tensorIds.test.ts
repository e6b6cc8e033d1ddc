import { afterEach, describe, expect, it } from "vitest";
import { OpCode } from "../scalar/scalarOps";
import { Tape } from "../tape";
import { add, addInPlace, backward, mul, sum, tensor } from "./index";
import { FIRST_OFF_TAPE_ID, recordingTape, recordTensorsOn } from "./tensorIds";

afterEach(() => {
  recordTensorsOn(null);
});

describe("tensor ids", () => {
  it("come from a counter past every tape row when no run records on a tape", () => {
    const x = tensor([1, 2]);
    const y = add(x, x);
    expect(x.id).toBeGreaterThanOrEqual(FIRST_OFF_TAPE_ID);
    expect(y.id).toBeGreaterThan(x.id);
  });

  it("are rows of the recording tape, between its Values, in creation order", () => {
    const tape = new Tape(4);
    expect(recordTensorsOn(tape)).toBeNull();
    expect(recordingTape()).toBe(tape);
    const a = tape.leaf(2);
    const t = tensor([1, 2], { requiresGrad: true });
    const b = tape.apply(OpCode.Mul, a, a);
    const s = sum(mul(t, t));
    expect([a, b]).toEqual([0, 2]);
    expect(t.id).toBe(1);
    expect(s.id).toBeGreaterThan(b);
    expect(s.id).toBeLessThan(tape.size);
    for (const id of [t.id, s.id]) expect(tape.isTensor(id)).toBe(true);
    for (const id of [a, b]) expect(tape.isTensor(id)).toBe(false);
    expect(tape.isTensor(FIRST_OFF_TAPE_ID)).toBe(false);
    expect(recordTensorsOn(null)).toBe(tape);
    expect(tensor([0]).id).toBeGreaterThanOrEqual(FIRST_OFF_TAPE_ID);
  });

  it("move to a new row when a recorded in-place operation gives the tensor a new value", () => {
    const tape = new Tape();
    recordTensorsOn(tape);
    const w = tensor([1, 2], { requiresGrad: true });
    const h = mul(w, 2);
    const before = h.id;
    addInPlace(h, 1);
    expect(h.id).toBeGreaterThan(before);
    expect(tape.isTensor(h.id)).toBe(true);
    backward(sum(h));
    expect(Array.from(w.grad!.values())).toEqual([2, 2]);
  });
});

describe("a tape with tensor rows", () => {
  /** (a·b + a)·tanh(a), with `tensorRows` tensor rows between every two scalar rows. */
  function build(tensorRows: number) {
    const tape = new Tape(2);
    const gap = () => {
      for (let i = 0; i < tensorRows; i++) tape.tensor();
    };
    const a = tape.leaf(0.3);
    gap();
    const b = tape.leaf(-1.7);
    gap();
    const ab = tape.apply(OpCode.Mul, a, b);
    gap();
    const sum = tape.apply(OpCode.Add, ab, a);
    gap();
    const th = tape.apply(OpCode.Tanh, a);
    gap();
    const root = tape.apply(OpCode.Mul, sum, th);
    return { tape, rows: [a, b, ab, sum, th, root], root };
  }

  it("runs micrograd's backward and ∂root/∂x exactly as without them", () => {
    const plain = build(0);
    const mixed = build(40); // past a 32-row word of the backward's bitset
    plain.tape.backward(plain.root);
    mixed.tape.backward(mixed.root);
    const grads = (m: ReturnType<typeof build>) => m.rows.map((r) => m.tape.grad[r]);
    expect(grads(mixed)).toEqual(grads(plain));
    const plainRoot = plain.tape.rootGradients(plain.root);
    const mixedRoot = mixed.tape.rootGradients(mixed.root);
    expect(mixed.rows.map((r) => mixedRoot.grad[r])).toEqual(plain.rows.map((r) => plainRoot.grad[r]));
    // tensor rows take no part: not reached, no grad
    for (let r = 0; r < mixed.tape.size; r++) {
      if (!mixed.tape.isTensor(r)) continue;
      expect([mixedRoot.reaches[r], mixed.tape.grad[r]]).toEqual([0, 0]);
    }
  });
});
