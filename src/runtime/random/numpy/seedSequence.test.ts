import { describe, expect, it } from "vitest";
import { loadFixture, seedValue, type RecordedSeed } from "./fixtures/loadFixture";
import { NumpyRandomError } from "./numpyRandomError";
import { coerceToUint32Array, SeedSequence } from "./seedSequence";

interface Recorded {
  seedSequences: { seed: RecordedSeed; pool: number[]; words: number[] }[];
}
const { seedSequences } = loadFixture<Recorded>("generatorScenarios.json");

describe("SeedSequence", () => {
  it.each(seedSequences.map((r) => [JSON.stringify(r.seed), r] as const))(
    "seed %s: numpy's pool and generate_state(8) words",
    (_, r) => {
      const sequence = new SeedSequence(seedValue(r.seed));
      expect(Array.from(sequence.pool)).toEqual(r.pool);
      expect(Array.from(sequence.generateState(8))).toEqual(r.words);
    },
  );

  it("splits ints into little-endian 32-bit words and concatenates lists", () => {
    // numpy's docstring examples of _coerce_to_uint32_array
    expect(Array.from(coerceToUint32Array(12345))).toEqual([12345]);
    expect(Array.from(coerceToUint32Array("12345"))).toEqual([12345]);
    expect(Array.from(coerceToUint32Array("0x12345"))).toEqual([74565]);
    expect(Array.from(coerceToUint32Array([12345, 0x10deadbeefn, 67890, 0xdeadbeef]))).toEqual([
      12345, 3735928559, 16, 67890, 3735928559,
    ]);
    expect(Array.from(coerceToUint32Array(1234567890123456789012345678901234567890n))).toEqual([
      3460238034, 2898026390, 3235640248, 2697535605, 3,
    ]);
    expect(Array.from(coerceToUint32Array(0))).toEqual([0]);
  });

  it("rejects negative ints, floats and unrecognized strings as numpy does", () => {
    expect(() => new SeedSequence(-1)).toThrow(
      new NumpyRandomError("ValueError", "expected non-negative integer"),
    );
    expect(() => new SeedSequence(1.5)).toThrow(new NumpyRandomError("TypeError", "seed must be integer"));
    expect(() => new SeedSequence("abc")).toThrow(
      new NumpyRandomError("ValueError", "unrecognized seed string"),
    );
  });

  it("without entropy draws a fresh pool each time", () => {
    expect(Array.from(new SeedSequence().pool)).not.toEqual(Array.from(new SeedSequence().pool));
  });
});
