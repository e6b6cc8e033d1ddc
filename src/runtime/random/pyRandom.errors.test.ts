// Error types and messages as CPython 3.11.7 raises them; recorded with, for each call c:
//   python3 -c "import random
//   try: c
//   except Exception as e: print(type(e).__name__, str(e))"
import { describe, expect, it } from "vitest";
import { PyRandom } from "./pyRandom";
import { PyRandomError } from "./pyRandomError";

function raised(f: () => unknown): [string, string] {
  try {
    f();
  } catch (e) {
    if (e instanceof PyRandomError) return [e.pyType, e.message];
    throw e;
  }
  throw new Error("nothing raised");
}

describe("PyRandom errors", () => {
  const r = new PyRandom(0);

  it("randrange and randint", () => {
    expect(raised(() => r.randrange(0))).toEqual(["ValueError", "empty range for randrange()"]);
    expect(raised(() => r.randrange(-3))).toEqual(["ValueError", "empty range for randrange()"]);
    expect(raised(() => r.randrange(5, 5))).toEqual(["ValueError", "empty range for randrange() (5, 5, 0)"]);
    expect(raised(() => r.randrange(5, 2))).toEqual(["ValueError", "empty range for randrange() (5, 2, -3)"]);
    expect(raised(() => r.randrange(0, 10, 0))).toEqual(["ValueError", "zero step for randrange()"]);
    expect(raised(() => r.randrange(0, 10, -1))).toEqual(["ValueError", "empty range for randrange()"]);
    expect(raised(() => r.randrange(1.5))).toEqual(["ValueError", "non-integer arg 1 for randrange()"]);
    expect(raised(() => r.randrange(0, 2.5))).toEqual(["ValueError", "non-integer stop for randrange()"]);
    expect(raised(() => r.randrange(0, 10, 1.5))).toEqual(["ValueError", "non-integer step for randrange()"]);
    expect(raised(() => r.randrange(10, null, 2))).toEqual(["TypeError", "Missing a non-None stop argument"]);
    expect(raised(() => r.randint(3, 1))).toEqual(["ValueError", "empty range for randrange() (3, 2, -1)"]);
  });

  it("sequences", () => {
    expect(raised(() => r.choice([]))).toEqual(["IndexError", "Cannot choose from an empty sequence"]);
    const tooMany = ["ValueError", "Sample larger than population or is negative"];
    expect(raised(() => r.sample([0, 1, 2], 4))).toEqual(tooMany);
    expect(raised(() => r.sample([0, 1, 2], -1))).toEqual(tooMany);
    expect(raised(() => r.sample("ab", 1, [1]))).toEqual([
      "ValueError",
      "The number of counts does not match the population",
    ]);
    expect(raised(() => r.sample("ab", 1, [0, 0]))).toEqual([
      "ValueError",
      "Total of counts must be greater than zero",
    ]);
    expect(raised(() => r.choices("ab", { weights: [1, 2], cumWeights: [1, 2] }))).toEqual([
      "TypeError",
      "Cannot specify both weights and cumulative weights",
    ]);
    expect(raised(() => r.choices("ab", { weights: [1] }))).toEqual([
      "ValueError",
      "The number of weights does not match the population",
    ]);
    expect(raised(() => r.choices("ab", { weights: [0, 0] }))).toEqual([
      "ValueError",
      "Total of weights must be greater than zero",
    ]);
    expect(raised(() => r.choices("ab", { weights: [1, Infinity] }))).toEqual([
      "ValueError",
      "Total of weights must be finite",
    ]);
  });

  it("bits, state and seeds", () => {
    expect(raised(() => r.getrandbits(-1))).toEqual(["ValueError", "number of bits must be non-negative"]);
    expect(raised(() => r.randbytes(-1))).toEqual(["ValueError", "number of bits must be non-negative"]);
    expect(raised(() => r.setstate({ version: 4, internal: [], gaussNext: null }))).toEqual([
      "ValueError",
      "state with version 4 passed to Random.setstate() of version 3",
    ]);
    expect(raised(() => r.setstate({ version: 3, internal: [0, 0, 0, 0, 0], gaussNext: null }))).toEqual([
      "ValueError",
      "state vector is the wrong size",
    ]);
    const badIndex = [...new Array<number>(624).fill(0), 625];
    expect(raised(() => r.setstate({ version: 3, internal: badIndex, gaussNext: null }))).toEqual([
      "ValueError",
      "invalid state",
    ]);
    expect(raised(() => r.seed("\ud800"))).toEqual([
      "UnicodeEncodeError",
      "'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed",
    ]);
  });

  it("randbelow refuses what CPython would loop forever on", () => {
    expect(raised(() => r.randbelow(0))[0]).toBe("ValueError");
    expect(raised(() => r.randbelow(-2n))[0]).toBe("ValueError");
  });

  it("expovariate(0) still consumes its draw before failing", () => {
    // python3: random.seed(0); print(random.random()); random.expovariate(0) -> ZeroDivisionError; print(random.random())
    const s = new PyRandom(0);
    expect(s.random()).toBe(0.8444218515250481);
    expect(raised(() => s.expovariate(0))).toEqual(["ZeroDivisionError", "float division by zero"]);
    expect(s.random()).toBe(0.420571580830845);
  });
});
