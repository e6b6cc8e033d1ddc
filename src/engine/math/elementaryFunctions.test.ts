import { describe, expect, it } from "vitest";
import * as E from "./elementaryFunctions";

// Values numpy 1.24 gives (glibc 2.36, AVX-512 disabled) at inputs where V8's Math differs by an ulp.
const UNARY: Record<string, [(x: number) => number, [number, number][]]> = {
  tan: [
    E.tan,
    [
      [-0.672460447775951, -0.796266793479618],
      [0.05616534222974544, 0.05622447555871796],
    ],
  ],
  arctan: [
    E.atan,
    [
      [1.764052345967664, 1.0550884253294475],
      [0.4001572083672233, 0.38064189421968525],
    ],
  ],
  arcsin: [
    E.asin,
    [
      [0.8644361988595057, 1.0440278370648792],
      [-0.7699160744453164, -0.8787096263977648],
    ],
  ],
  arccos: [
    E.acos,
    [
      [0.31306770165090136, 1.252374931649115],
      [-0.7421650204064419, 2.4070912602629346],
    ],
  ],
  cosh: [
    E.cosh,
    [
      [1.764052345967664, 3.0036941399443404],
      [-0.5096521817516535, 1.1327082777296418],
    ],
  ],
  arcsinh: [
    E.asinh,
    [
      [2.1321534105704436, 1.5012210320223407],
      [2.594424587768152, 1.6817398160787842],
    ],
  ],
  arccosh: [
    E.acosh,
    [
      [2.759355114021582, 1.6735637549633042],
      [2.6805708407690005, 1.6424140438643227],
    ],
  ],
  log2: [
    E.log2,
    [
      [1.3263858966870303, 0.4075005720127564],
      [1.068509399316009, 0.09559959895415913],
    ],
  ],
  log10: [
    E.log10,
    [
      [1.4882521937955997, 0.1726765314069733],
      [1.1787795711596507, 0.0714326007022223],
    ],
  ],
};

describe("glibc's elementary functions", () => {
  it("give glibc's double where V8's Math is an ulp off", () => {
    for (const [name, [f, cases]] of Object.entries(UNARY))
      for (const [x, want] of cases) expect([name, x, f(x)]).toEqual([name, x, want]);
    expect(E.atan2(1.764052345967664, -0.4310490247783866)).toBe(1.8104518304657606);
    expect(E.atan2(-0.10321885179355784, 0.8109545242114236)).toBe(-0.12659996354967748);
    expect(E.hypot(0.9787379841057392, 7.845542067173002)).toBe(7.906355568105484);
    expect(E.hypot(1.8675579901499675, -2.010322330393064)).toBe(2.743933074739613);
  });

  it("give the special values", () => {
    expect([E.atan(Infinity), E.asin(1), E.acos(-1), E.acos(1), E.asin(1.5)]).toEqual([
      Math.PI / 2,
      Math.PI / 2,
      Math.PI,
      0,
      NaN,
    ]);
    expect([E.log2(8), E.log2(0), E.log10(1000), E.log10(-1), E.hypot(3, 4), E.hypot(Infinity, NaN)]).toEqual(
      [3, -Infinity, 3, NaN, 5, Infinity],
    );
    expect([E.sinh(-Infinity), E.cosh(-Infinity), E.acosh(1), E.atanh(1), E.atan2(0, -1), E.tan(0)]).toEqual([
      -Infinity,
      Infinity,
      0,
      Infinity,
      Math.PI,
      0,
    ]);
    expect([E.sinh(710), E.cosh(710.4), E.asinh(1e300), E.acosh(1e300)]).toEqual([
      1.1169973830808557e308, 1.6663642832806494e308, 691.4686750787736, 691.4686750787736,
    ]);
  });
});
