import { describe, expect, it } from "vitest";
import { loadFixture, seedValue, type RecordedSeed } from "./fixtures/loadFixture";
import { PCG64 } from "./pcg64";

interface Recorded {
  seedSequences: { seed: RecordedSeed; pcg_state: string; pcg_inc: string; raw: string[] }[];
}
const { seedSequences } = loadFixture<Recorded>("generatorScenarios.json");

describe("PCG64", () => {
  it.each(seedSequences.map((r) => [JSON.stringify(r.seed), r] as const))(
    "seed %s: numpy's seeded state and increment, then its first raw outputs",
    (_, r) => {
      const bitgen = new PCG64(seedValue(r.seed));
      const state = bitgen.getState();
      expect(state.state).toBe(BigInt(r.pcg_state));
      expect(state.inc).toBe(BigInt(r.pcg_inc));
      expect(Array.from({ length: r.raw.length }, () => bitgen.randomRaw())).toEqual(r.raw.map(BigInt));
    },
  );

  it("hands out a 64-bit output as two 32-bit draws, low half first", () => {
    const a = new PCG64(42);
    const b = new PCG64(42);
    const raw = a.randomRaw();
    expect(b.nextUint32()).toBe(Number(raw & 0xffffffffn));
    expect(b.nextUint32()).toBe(Number(raw >> 32n));
    expect(b.randomRaw()).toBe(a.randomRaw());
  });

  it("a double is the top 53 bits of an output over 2**53", () => {
    const a = new PCG64(7);
    const b = new PCG64(7);
    for (let i = 0; i < 100; i++) expect(b.nextDouble()).toBe(Number(a.randomRaw() >> 11n) / 2 ** 53);
  });

  it("restores a saved state, including a kept half-word", () => {
    const a = new PCG64(3);
    a.nextUint32();
    const saved = a.getState();
    const next = [a.nextUint32(), a.nextUint32(), a.nextDouble()];
    const b = new PCG64(0);
    b.setState(saved);
    expect([b.nextUint32(), b.nextUint32(), b.nextDouble()]).toEqual(next);
  });
});
