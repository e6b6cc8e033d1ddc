// Expected values are CPython's math.log/sin/cos on glibc 2.36, each also checked against
// mpmath at 300 bits to be the correctly rounded result:
//   python3 -c "import math; print(repr(math.log(x)), repr(math.sin(x)), repr(math.cos(x)))"
import { describe, expect, it } from "vitest";
import { cos, log, sin } from "./accurateMath";

describe("accurateMath", () => {
  it("rounds correctly where V8's Math functions are one ulp off", () => {
    const logCases: [number, number][] = [
      [0.7103907136683237, -0.3419401593655114],
      [0.41839983633753375, -0.8713177573941827],
      [0.33584779452532554, -1.0910972141351738],
      [0.19392141521433248, -1.6403022781991223],
      [0.17348952147461294, -1.7516380763780754],
      [0.5595418981972979, -0.5806368689627729],
    ];
    const cosCases: [number, number][] = [
      [5.500789324057571, 0.7092264534238638],
      [2.4239991228167925, -0.7533903396433833],
      [0.3704215413357937, 0.9321748269223843],
      [5.716298343472887, 0.8435767871759386],
      [2.2016753319133744, -0.5898547905651496],
      [5.469750447807981, 0.6870065458186118],
    ];
    const sinCases: [number, number][] = [
      [1.1355373349578397, 0.9067608700315948],
      [5.500789324057571, -0.7049807357395009],
      [2.9278981230942573, 0.212071833975116],
      [2.2340653481912778, 0.7879837218370084],
      [2.2016753319133744, 0.8075093349598775],
      [2.222890581217987, 0.7948146393965475],
    ];
    for (const [x, want] of logCases) expect(log(x), `log(${x})`).toBe(want);
    for (const [x, want] of cosCases) expect(cos(x), `cos(${x})`).toBe(want);
    for (const [x, want] of sinCases) expect(sin(x), `sin(${x})`).toBe(want);
  });

  it("log across the range, including subnormals and arguments next to 1", () => {
    const cases: [number, number][] = [
      [5e-324, -744.4400719213812],
      [2.2250738585072014e-308, -708.3964185322641],
      [1e308, 709.1962086421661],
      [0.9999999999999999, -1.1102230246251565e-16],
      [1.0000000000000002, 2.2204460492503128e-16],
      [2, 0.6931471805599453],
      [0.5, -0.6931471805599453],
      [1, 0],
      [10, 2.302585092994046],
      [123456.789, 11.723646487185881],
    ];
    for (const [x, want] of cases) expect(log(x), `log(${x})`).toBe(want);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
  });

  it("sin and cos across quadrants, near zeros of the result, and for large arguments", () => {
    const cases: [number, number, number][] = [
      [-3, -0.1411200080598672, -0.9899924966004454],
      [1e5, 0.03574879797201651, -0.9993608074382124],
      [100, -0.5063656411097588, 0.8623188722876839],
      [1e-5, 9.999999999833334e-6, 0.99999999995],
      [4.71238898038469, -1, -1.8369701987210297e-16],
      [3.141592653589793, 1.2246467991473532e-16, -1],
      [-1.5707963267948966, -1, 6.123233995736766e-17],
      [1e7, 0.4205477931907825, -0.9072703861817396],
      [6.283185307179586, -2.4492935982947064e-16, 1],
      [0.7853981633974483, 0.7071067811865475, 0.7071067811865476],
      [-2.5, -0.5984721441039565, -0.8011436155469337],
    ];
    for (const [x, s, c] of cases) {
      expect(sin(x), `sin(${x})`).toBe(s);
      expect(cos(x), `cos(${x})`).toBe(c);
    }
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(cos(0)).toBe(1);
    expect(sin(Infinity)).toBeNaN();
  });
});
