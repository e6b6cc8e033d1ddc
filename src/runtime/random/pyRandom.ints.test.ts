// Expected values were recorded from CPython 3.11.7 (glibc 2.36); each test shows the snippet that
// produced them. Any difference is a reproduction bug, not a tolerance question.
import { describe, expect, it } from "vitest";
import { type PyInt, PyRandom } from "./pyRandom";

describe("PyRandom integers and sequences", () => {
  it("randint(1, 6)", () => {
    // python3: random.seed(42); out = [random.randint(1, 6) for _ in range(20)]
    const expected = [6, 1, 1, 6, 3, 2, 2, 2, 6, 1, 6, 6, 5, 1, 5, 4, 1, 1, 1, 2];
    const r = new PyRandom(42);
    expect(Array.from({ length: 20 }, () => r.randint(1, 6))).toEqual(expected);
  });

  it("randrange with one, two and three arguments, positive and negative steps", () => {
    // python3: random.seed(8); out = [random.randrange(10) for _ in range(5)] + [random.randrange(3, 9) for _ in range(4)] + [random.randrange(0, 100, 7) for _ in range(4)] + [random.randrange(100, 0, -3) for _ in range(4)] + [random.randrange(-50, 50, 5) for _ in range(4)] + [random.randrange(5, -5, -1), random.randrange(1), random.randint(-3, -3)]
    const expected = [3, 5, 6, 2, 3, 8, 3, 3, 4, 21, 84, 56, 21, 25, 97, 13, 7, 20, 10, 25, 40, 2, 0, -3];
    const r = new PyRandom(8);
    const many = (n: number, f: () => PyInt): PyInt[] => Array.from({ length: n }, f);
    expect([
      ...many(5, () => r.randrange(10)),
      ...many(4, () => r.randrange(3, 9)),
      ...many(4, () => r.randrange(0, 100, 7)),
      ...many(4, () => r.randrange(100, 0, -3)),
      ...many(4, () => r.randrange(-50, 50, 5)),
      r.randrange(5, -5, -1),
      r.randrange(1),
      r.randint(-3, -3),
    ]).toEqual(expected);
  });

  it("randrange and randint beyond 2^53 use BigInt and CPython's word order", () => {
    // python3: random.seed(9); out = [random.randrange(2**70), random.randint(-10**30, 10**30), random.randrange(0, 2**53 + 10), random.randrange(10**20, 10**21, 3), random.randrange(2**64), random.randrange(1, 2**100, 2**60)]
    const expected = [
      878308795943855040110n,
      294455508959877652674053178206n,
      1455829006781133n,
      194083834928598242536n,
      6991677633929596524n,
      1073170543754657726844071051265n,
    ];
    const r = new PyRandom(9);
    expect([
      r.randrange(2n ** 70n),
      r.randint(-(10n ** 30n), 10n ** 30n),
      r.randrange(0n, 2n ** 53n + 10n),
      r.randrange(10n ** 20n, 10n ** 21n, 3n),
      r.randrange(2n ** 64n),
      r.randrange(1n, 2n ** 100n, 2n ** 60n),
    ]).toEqual(expected);
  });

  it("plain-number bounds beyond 2^53 width still match", () => {
    // python3: random.seed(10); out = [random.randrange(-2**53 + 1, 2**53 - 1), random.randint(0, 2**53 - 2)]
    const expected = [-8420199325273900, 4346530220452944];
    const r = new PyRandom(10);
    expect([r.randrange(-(2 ** 53) + 1, 2 ** 53 - 1), r.randint(0, 2 ** 53 - 2)]).toEqual(expected);
  });

  it("choice", () => {
    // python3: random.seed(7); out = [random.choice("abcdefg") for _ in range(12)] + [random.choice([10, 20]) for _ in range(6)]
    const expected = ["c", "b", "d", "f", "a", "a", "g", "e", "a", "c", "e", "a", 10, 10, 10, 20, 20, 10];
    const r = new PyRandom(7);
    expect([
      ...Array.from({ length: 12 }, () => r.choice("abcdefg")),
      ...Array.from({ length: 6 }, () => r.choice([10, 20])),
    ]).toEqual(expected);
  });

  it("shuffle", () => {
    // python3: random.seed(7); x = list(range(20)); random.shuffle(x); y = list("ab"); random.shuffle(y); z = []; random.shuffle(z); out = x + y + [random.random()]
    const expected = [
      17,
      15,
      11,
      18,
      7,
      6,
      19,
      3,
      14,
      0,
      9,
      5,
      16,
      8,
      13,
      2,
      1,
      12,
      4,
      10,
      "b",
      "a",
      0.5510472537913857,
    ];
    const r = new PyRandom(7);
    const x = Array.from({ length: 20 }, (_, i) => i);
    r.shuffle(x);
    const y = ["a", "b"];
    r.shuffle(y);
    r.shuffle([]);
    expect([...x, ...y, r.random()]).toEqual(expected);
  });

  it("sample: pool branch (population small relative to k)", () => {
    // python3: random.seed(9); out = [random.sample(range(10), 3), random.sample(range(50), 10), random.sample("abcde", 5), random.sample(range(21), 5), random.sample(range(85), 10), random.sample(range(5), 0)]
    const expected = [
      [7, 5, 4],
      [8, 11, 43, 0, 21, 32, 29, 38, 5, 45],
      ["e", "a", "c", "b", "d"],
      [14, 13, 5, 18, 7],
      [6, 14, 16, 64, 75, 8, 49, 13, 37, 26],
      [],
    ];
    const r = new PyRandom(9);
    const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
    expect([
      r.sample(range(10), 3),
      r.sample(range(50), 10),
      r.sample("abcde", 5),
      r.sample(range(21), 5),
      r.sample(range(85), 10),
      r.sample(range(5), 0),
    ]).toEqual(expected);
  });

  it("sample: set branch (population large relative to k), including re-draws", () => {
    // python3: random.seed(9); out = [random.sample(range(22), 5), random.sample(range(86), 10), random.sample(range(1000), 5), random.sample(range(10**6), 60), random.sample(range(30), 3)]
    const expected = [
      [14, 19, 11, 8, 4],
      [23, 0, 43, 64, 59, 77, 10, 42, 70, 78],
      [716, 41, 745, 388, 173],
      [
        737652, 992178, 473978, 997480, 760286, 443114, 164791, 176609, 249573, 53827, 116336, 138858, 530861,
        914070, 968705, 619109, 66403, 811817, 721882, 402301, 827950, 782337, 930363, 106608, 963594, 305322,
        214916, 706987, 235196, 760958, 831516, 442242, 932788, 91973, 810109, 279690, 955650, 220085, 415805,
        294843, 358256, 848833, 45292, 209173, 743231, 929457, 5527, 922089, 431161, 57450, 939327, 397217,
        886892, 515597, 145901, 24623, 248232, 445356, 771996, 950440,
      ],
      [27, 3, 19],
    ];
    const r = new PyRandom(9);
    const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
    expect([
      r.sample(range(22), 5),
      r.sample(range(86), 10),
      r.sampleIndices(1000, 5),
      r.sampleIndices(10 ** 6, 60),
      r.sample(range(30), 3),
    ]).toEqual(expected);
  });

  it("sample: big k switches the set-size estimate (k = 100, n between the thresholds)", () => {
    // python3: random.seed(12); out = [random.sample(range(300), 100), random.sample(range(800), 100)]
    const expected = [
      [
        242, 137, 270, 179, 73, 195, 5, 191, 247, 140, 235, 116, 285, 0, 74, 225, 188, 83, 173, 107, 30, 102,
        38, 262, 172, 207, 44, 9, 31, 260, 114, 46, 216, 227, 57, 267, 69, 160, 282, 26, 87, 42, 205, 214,
        240, 122, 155, 98, 138, 7, 164, 185, 21, 49, 201, 169, 66, 91, 255, 92, 221, 176, 252, 275, 79, 29,
        64, 60, 85, 93, 95, 130, 146, 274, 294, 128, 45, 250, 97, 210, 219, 110, 8, 132, 6, 56, 236, 109, 11,
        99, 52, 197, 253, 297, 192, 290, 256, 223, 19, 178,
      ],
      [
        280, 37, 443, 283, 510, 352, 616, 652, 743, 53, 526, 470, 377, 213, 347, 288, 466, 487, 713, 492, 245,
        171, 475, 562, 372, 186, 193, 766, 225, 621, 6, 274, 349, 183, 247, 8, 513, 40, 253, 633, 118, 369,
        559, 515, 158, 24, 330, 684, 286, 654, 120, 235, 539, 514, 488, 501, 642, 362, 268, 700, 455, 166,
        459, 298, 631, 47, 284, 337, 527, 655, 712, 739, 721, 219, 291, 533, 261, 29, 699, 3, 710, 27, 134,
        571, 272, 430, 141, 765, 205, 445, 483, 60, 573, 583, 639, 264, 762, 427, 441, 602,
      ],
    ];
    const r = new PyRandom(12);
    expect([r.sampleIndices(300, 100), r.sampleIndices(800, 100)]).toEqual(expected);
  });

  it("sample with counts", () => {
    // python3: random.seed(13); out = [random.sample(["red", "blue"], counts=[4, 2], k=5), random.sample("xyz", counts=[1, 0, 3], k=4)]
    const expected = [
      ["red", "blue", "red", "blue", "red"],
      ["z", "x", "z", "z"],
    ];
    const r = new PyRandom(13);
    expect([r.sample(["red", "blue"], 5, [4, 2]), r.sample("xyz", 4, [1, 0, 3])]).toEqual(expected);
  });

  it("choices with and without weights", () => {
    // python3: random.seed(11); out = [random.choices("abc", k=5), random.choices("abc", weights=[1, 2, 3], k=5), random.choices("abc", cum_weights=[0.5, 0.5, 4], k=5), random.choices([1, 2])]
    const expected = [["b", "b", "c", "b", "b"], ["c", "b", "c", "c", "c"], ["a", "c", "a", "c", "c"], [1]];
    const r = new PyRandom(11);
    expect([
      r.choices("abc", { k: 5 }),
      r.choices("abc", { weights: [1, 2, 3], k: 5 }),
      r.choices("abc", { cumWeights: [0.5, 0.5, 4], k: 5 }),
      r.choices([1, 2]),
    ]).toEqual(expected);
  });

  it("getstate/setstate: words, index and gauss_next round-trip", () => {
    // python3: random.seed(1); random.random(); random.gauss(); s = random.getstate(); a = [random.gauss(), random.random()]; random.setstate(s); out = [s[0], list(s[1][:4]), s[1][624], s[2]] + a + [random.gauss(), random.random()]
    const expected = [
      3,
      [2145931878, 2812664348, 2124062512, 3757238068],
      6,
      -1.390283264191243,
      -1.390283264191243,
      0.2550690257394217,
      -1.390283264191243,
      0.2550690257394217,
    ];
    const r = new PyRandom(1);
    r.random();
    r.gauss();
    const s = r.getstate();
    const a = [r.gauss(), r.random()];
    r.setstate(s);
    expect([
      s.version,
      s.internal.slice(0, 4),
      s.internal[624],
      s.gaussNext,
      ...a,
      r.gauss(),
      r.random(),
    ]).toEqual(expected);
  });
});
