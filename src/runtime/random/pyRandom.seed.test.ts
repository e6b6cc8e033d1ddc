// Expected values were recorded from CPython 3.11.7 (glibc 2.36); each test shows the snippet that
// produced them. Any difference is a reproduction bug, not a tolerance question.
import { describe, expect, it } from "vitest";
import { type PyInt, PyRandom } from "./pyRandom";

describe("PyRandom seeding and raw bits", () => {
  it("seed(1337): ten uniform(-1, 1) — the micrograd README demo", () => {
    // python3: random.seed(1337); out = [random.uniform(-1, 1) for _ in range(10)]
    const expected = [
      0.23550571390294128, 0.06653114721000164, -0.26830328150124894, 0.1715747078045431, -0.6686254326224383,
      0.6487474938152629, -0.23259038277158273, 0.5792256498313748, 0.8434530197925192, -0.3847332240409951,
    ];
    const r = new PyRandom(1337);
    expect(Array.from({ length: 10 }, () => r.uniform(-1, 1))).toEqual(expected);
  });

  it("seed(42): ten random()", () => {
    // python3: random.seed(42); out = [random.random() for _ in range(10)]
    const expected = [
      0.6394267984578837, 0.025010755222666936, 0.27502931836911926, 0.22321073814882275, 0.7364712141640124,
      0.6766994874229113, 0.8921795677048454, 0.08693883262941615, 0.4219218196852704, 0.029797219438070344,
    ];
    const r = new PyRandom(42);
    expect(Array.from({ length: 10 }, () => r.random())).toEqual(expected);
  });

  it("seed(42): the 32 weights of micrograd MLP(3, [4, 4, 1]) (biases are Value(0), no draws)", () => {
    // python3: random.seed(42); out = [random.uniform(-1, 1) for _ in range(3 * 4 + 4 * 4 + 4 * 1)]
    const expected = [
      0.2788535969157675, -0.9499784895546661, -0.4499413632617615, -0.5535785237023545, 0.4729424283280248,
      0.3533989748458226, 0.7843591354096908, -0.8261223347411677, -0.15615636062945915, -0.9404055611238593,
      -0.5627240503927933, 0.010710576206724776, -0.9469280606322728, -0.602324698626703, 0.2997688755590464,
      0.08988296120643335, -0.5591187559186066, 0.17853136775181744, 0.6188609133556533, -0.987002480643878,
      0.6116385036656158, 0.3962787899764537, -0.31949896696401625, -0.6890410003764369, 0.9144261444135624,
      -0.32681090977474647, -0.8145083132397042, -0.806567246333072, 0.6949887326949196, 0.20745206273378214,
      0.6142565465487604, 0.45946357338763577,
    ];
    const r = new PyRandom(42);
    expect(Array.from({ length: 32 }, () => r.uniform(-1, 1))).toEqual(expected);
  });

  it("Random(x) then seed(x) again restarts the stream", () => {
    // python3: r = random.Random(7); a = [r.random() for _ in range(3)]; r.seed(7); out = a + [r.random() for _ in range(3)]
    const expected = [
      0.32383276483316237, 0.15084917392450192, 0.6509344730398537, 0.32383276483316237, 0.15084917392450192,
      0.6509344730398537,
    ];
    const r = new PyRandom(7);
    const a = [r.random(), r.random(), r.random()];
    r.seed(7);
    expect([...a, r.random(), r.random(), r.random()]).toEqual(expected);
  });

  it("int seeds: zero, word boundaries, huge and negative (|a| is used)", () => {
    // python3: out = [(lambda r: [r.random(), r.random()])(random.Random(s)) for s in (0, 1, 2**32 - 1, 2**32, 2**64 + 5, 10**40, 2**1000 + 1, -7, 7, -(2**70))]
    const expected = [
      [0.8444218515250481, 0.7579544029403025],
      [0.13436424411240122, 0.8474337369372327],
      [0.6353574441341173, 0.20319993954407756],
      [0.11299430095636409, 0.41782886486292836],
      [0.5105783769365112, 0.8797586528012199],
      [0.34753796566513817, 0.7605339873511711],
      [0.24794836636789763, 0.12569681123621912],
      [0.32383276483316237, 0.15084917392450192],
      [0.32383276483316237, 0.15084917392450192],
      [0.2327882718301838, 0.4150663501741646],
    ];
    const seeds: PyInt[] = [
      0,
      1,
      2 ** 32 - 1,
      2 ** 32,
      2n ** 64n + 5n,
      10n ** 40n,
      2n ** 1000n + 1n,
      -7,
      7,
      -(2n ** 70n),
    ];
    expect(
      seeds.map((s) => {
        const r = new PyRandom(s);
        return [r.random(), r.random()];
      }),
    ).toEqual(expected);
  });

  it("str and bytes seeds (version 2: bytes + sha512 digest as a big-endian int)", () => {
    // python3: out = [(lambda r: [r.random(), r.random()])(random.Random(s)) for s in ("hello", "", "héllo ☃ 𝄞", "micrograd", b"bytes\x00\xff", b"")]
    const expected = [
      [0.3537754404730722, 0.6631985810268619],
      [0.9602256525641875, 0.595411957851699],
      [0.034872470466685956, 0.7316255936987681],
      [0.6865589425203299, 0.2623627454131473],
      [0.8311368313687576, 0.9666716723270143],
      [0.9602256525641875, 0.595411957851699],
    ];
    const seeds = [
      "hello",
      "",
      "héllo ☃ 𝄞",
      "micrograd",
      Uint8Array.from([98, 121, 116, 101, 115, 0, 255]),
      new Uint8Array(0),
    ];
    expect(
      seeds.map((s) => {
        const r = new PyRandom(s);
        return [r.random(), r.random()];
      }),
    ).toEqual(expected);
  });

  it("str and bytes seeds with version=1", () => {
    // python3: def v1(s):
    // python3:     r = random.Random(); r.seed(s, version=1); return [r.random(), r.random()]
    // python3: out = [v1(s) for s in ("hello", "", "héllo ☃", b"ab\xff")]
    const expected = [
      [0.8180391270568783, 0.4954944300274843],
      [0.8444218515250481, 0.7579544029403025],
      [0.9261490668380504, 0.7774969713780758],
      [0.43166108259702873, 0.9462122791849754],
    ];
    const seeds = ["hello", "", "héllo ☃", Uint8Array.from([97, 98, 255])];
    expect(
      seeds.map((s) => {
        const r = new PyRandom();
        r.seed(s, 1);
        return [r.random(), r.random()];
      }),
    ).toEqual(expected);
  });

  it("float seeds go through hash(): fractions, negatives, huge, subnormal, integral floats, infinities", () => {
    // python3: out = [(lambda r: [r.random(), r.random()])(random.Random(s)) for s in (3.5, -2.25, 0.1, 1e300, 5e-324, -3.0, -1.0, 2.0**70, float("inf"), float("-inf"))]
    const expected = [
      [0.3039190124834461, 0.23014450764056538],
      [0.9236205677220981, 0.24405611968855534],
      [0.8062579873336703, 0.13830284746959753],
      [0.2614143642581235, 0.06776358709700359],
      [0.4787190331584651, 0.4144836992979115],
      [0.4710496035798619, 0.7205741803586206],
      [0.13119521545503066, 0.30408191479048297],
      [0.018986953904685522, 0.4392566989503548],
      [0.19236379321481523, 0.2868424512347926],
      [0.820833204760975, 0.29216362998460865],
    ];
    const seeds = [3.5, -2.25, 0.1, 1e300, 5e-324, -3.0, -1.0, 2 ** 70, Infinity, -Infinity];
    expect(
      seeds.map((s) => {
        const r = new PyRandom();
        r.seedFloat(s);
        return [r.random(), r.random()];
      }),
    ).toEqual(expected);
  });

  it("non-integral JS numbers passed to seed() are treated as floats", () => {
    // python3: out = [random.Random(s).random() for s in (3.5, -0.1)]
    const expected = [0.3039190124834461, 0.9101117294798381];
    expect([new PyRandom(3.5).random(), new PyRandom(-0.1).random()]).toEqual(expected);
  });

  it("getrandbits(0/1/31/32/33/53/54/64/100)", () => {
    // python3: random.seed(2024); out = [random.getrandbits(k) for k in (0, 1, 31, 32, 33, 53, 54, 64, 100, 1, 32)]
    const expected = [
      0,
      0,
      390210743,
      3127871324,
      2484006460,
      7992071709289412,
      7387501475415326,
      13219202229809511105n,
      279927396889035590595488599595n,
      1,
      3490011513,
    ];
    const r = new PyRandom(2024);
    const got = [0, 1, 31, 32, 33, 53, 54, 64, 100, 1, 32].map((k) => r.getrandbits(k));
    expect(got.map(String)).toEqual(expected.map(String));
    expect(got.map((v) => typeof v)).toEqual([
      "number",
      "number",
      "number",
      "number",
      "number",
      "number",
      "bigint",
      "bigint",
      "bigint",
      "number",
      "number",
    ]);
  });

  it("getrandbitsBig agrees with getrandbits and randbytes is little-endian getrandbits", () => {
    // python3: random.seed(5); out = [random.getrandbits(20), random.getrandbits(200)] + list(random.randbytes(11))
    const expected = [
      653159,
      1355492729396217233789479005252500942631022052033136144209977n,
      41,
      254,
      105,
      189,
      158,
      140,
      235,
      166,
      125,
      29,
      236,
    ];
    const r = new PyRandom(5);
    expect([r.getrandbitsBig(20), r.getrandbitsBig(200), ...r.randbytes(11)].map(String)).toEqual(
      expected.map(String),
    );
  });
});
