import { describe, expect, it } from "vitest";
import { PyRandom } from "./pyRandom";

describe("PyRandom behaviour without fixed expectations", () => {
  it("seed(None) and new PyRandom() draw fresh entropy", () => {
    const a = new PyRandom();
    const b = new PyRandom(null);
    expect([a.random(), a.random()]).not.toEqual([b.random(), b.random()]);
  });

  it("seedFloat(NaN) is accepted and non-reproducible, like hash(nan) in CPython 3.10+", () => {
    const a = new PyRandom();
    a.seedFloat(NaN);
    const b = new PyRandom();
    b.seedFloat(NaN);
    expect(a.random()).not.toBe(b.random());
  });

  it("an integral JS number seeds like the Python int, and -0 like 0", () => {
    expect(new PyRandom(12).random()).toBe(new PyRandom(12n).random());
    expect(new PyRandom(-0).random()).toBe(new PyRandom(0).random());
  });

  it("results keep the caller's int representation", () => {
    const r = new PyRandom(3);
    expect(typeof r.randrange(10)).toBe("number");
    expect(typeof r.randrange(10n)).toBe("bigint");
    expect(typeof r.randint(1, 2n)).toBe("bigint");
    expect(typeof r.randbelow(5)).toBe("number");
    expect(typeof r.randbelow(5n)).toBe("bigint");
  });

  it("shuffle is a permutation and sample picks distinct elements", () => {
    const r = new PyRandom(4);
    const xs = Array.from({ length: 100 }, (_, i) => i);
    r.shuffle(xs);
    expect([...xs].sort((p, q) => p - q)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const [n, k] of [
      [10, 10],
      [1000, 30],
      [40, 39],
    ]) {
      const picked = r.sampleIndices(n, k);
      expect(new Set(picked).size).toBe(k);
      expect(picked.every((i) => i >= 0 && i < n)).toBe(true);
    }
  });
});
