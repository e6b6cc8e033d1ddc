// The ziggurat tables behind numpy's Generator.standard_normal, computed here from the
// algorithm's defining constants the way numpy's table generator computed them, and the sampler
// that reads them.
//
// The normal density f(x) = exp(-x²/2) is covered by 256 layers of equal area V: a base strip
// (a rectangle to x = R plus the tail beyond R) and 255 rectangles stacked above it. Going up,
// each right edge follows from the one below: x_{i+1} = f⁻¹(f(x_i) + V / x_i), with x_0 = R.
// Reversed (index 0 = the top, 255 = R) they give, scaled to 52-bit integers:
//   wi[i] = x_i / 2^52                (wi[0] = V / f(R) / 2^52, the base strip's width)
//   ki[i] = round(x_{i-1} / x_i · 2^52)  (ki[0] = round(R f(R) / V · 2^52))
//   fi[i] = f(x_i)
// numpy's generator ran this recursion in doubles, so its tables carry that rounding, and the
// recursion amplifies any one-ulp difference towards the top layers. We reproduce it with
// correctly rounded exp/log, with one exception: at the 218th step the generator's exp rounded
// exp(-x²/2) (a near-halfway case) one ulp up. Every table entry then equals numpy's, which the
// recorded draws check (an entry off by anything changes the numbers drawn from its layer).
// Sampling calls glibc's exp and log1p as numpy does.

import { exp, log } from "../../../engine/math/correctlyRounded";
import { glibcExp } from "../../../engine/math/glibcExp";
import { glibcLog1p } from "../../../engine/math/glibcLog1p";
import type { BitGenerator } from "./bitGenerator";

/** Right edge of the base strip (the tail starts here), and its reciprocal. */
export const ZIGGURAT_NOR_R = 3.6541528853610087963519472518;
export const ZIGGURAT_NOR_INV_R = 1 / ZIGGURAT_NOR_R; // the double numpy writes as 0.273661237329758272…
/** Area of each layer. */
const ZIGGURAT_NOR_V = 0.0049286732339746519;
const LAYERS = 256;
/** The step of the recursion where the table generator's exp rounded up. */
const EXP_ROUNDED_UP_AT = 217;
const TWO_POW_52 = 4503599627370496;

function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/** numpy.round: to nearest, ties to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export interface ZigguratTables {
  readonly ki: Float64Array;
  readonly wi: Float64Array;
  readonly fi: Float64Array;
}

export function normalZigguratTables(): ZigguratTables {
  // Right edges outward from the base strip: edges[0] = R, edges[254] near 0, edges[255] = 0.
  const edges = new Float64Array(LAYERS);
  const density = new Float64Array(LAYERS);
  const f = (i: number) => {
    const value = exp(-0.5 * edges[i] * edges[i]);
    return i === EXP_ROUNDED_UP_AT ? nextUp(value) : value;
  };
  edges[0] = ZIGGURAT_NOR_R;
  for (let i = 1; i < LAYERS - 1; i++) {
    density[i - 1] = f(i - 1);
    edges[i] = Math.sqrt(-2 * log(density[i - 1] + ZIGGURAT_NOR_V / edges[i - 1]));
  }
  edges[LAYERS - 1] = 0;
  density[LAYERS - 2] = f(LAYERS - 2);
  density[LAYERS - 1] = f(LAYERS - 1);

  const ki = new Float64Array(LAYERS);
  const wi = new Float64Array(LAYERS);
  const fi = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) {
    const outward = LAYERS - 1 - i;
    wi[i] = edges[outward] / TWO_POW_52;
    fi[i] = density[outward];
    if (i > 0) ki[i] = roundHalfEven((edges[outward + 1] / edges[outward]) * TWO_POW_52);
  }
  const fR = density[0];
  ki[0] = roundHalfEven(((ZIGGURAT_NOR_R * fR) / ZIGGURAT_NOR_V) * TWO_POW_52);
  wi[0] = ZIGGURAT_NOR_V / fR / TWO_POW_52;
  return { ki, wi, fi };
}

const { ki, wi, fi } = normalZigguratTables();

/**
 * One standard normal as numpy's random_standard_normal: a 64-bit word gives the layer (low 8
 * bits), the sign (bit 8) and a 52-bit magnitude (bits 9–60). Inside the layer's rectangle the
 * value is returned at once (about 99% of draws); the base layer's overflow goes to the tail,
 * other layers to the wedge test against the density.
 */
export function zigguratNormal(bitgen: BitGenerator): number {
  for (;;) {
    bitgen.nextUint64();
    const lo = bitgen.lo;
    const idx = lo & 0xff;
    const rabs = (bitgen.hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    const magnitude = rabs * wi[idx];
    const x = lo & 0x100 ? -magnitude : magnitude;
    if (rabs < ki[idx]) return x;
    if (idx === 0) {
      // The tail beyond R, by Marsaglia's exponential method.
      for (;;) {
        const xx = -ZIGGURAT_NOR_INV_R * glibcLog1p(-bitgen.nextDouble());
        const yy = -glibcLog1p(-bitgen.nextDouble());
        if (yy + yy > xx * xx) return lo & 0x20000 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
      }
    }
    if ((fi[idx - 1] - fi[idx]) * bitgen.nextDouble() + fi[idx] < glibcExp(-0.5 * x * x)) return x;
  }
}
