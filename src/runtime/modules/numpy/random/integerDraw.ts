import type { PyValue } from "../../../interpreter/objects";
import { UnsupportedError } from "../../../interpreter/pyErrors";
import { arrayFromValues } from "../creation";
import type { NumpyState } from "../numpyState";
import {
  broadcastDraw,
  countOf,
  intBound,
  intResult,
  sizeArg,
  type IntDtypeArg,
  type Param,
} from "./randomArgs";

/**
 * Integer draws, as RandomState.randint and Generator.integers share them: scalar bounds drawn
 * by the stream's fill (exactly, as BigInts, past 2**53), array bounds element by element over
 * their broadcast shape; one draw comes back as numpy returns it (see intResult).
 */

/** Past 2**53 the engine's arrays cannot hold every integer exactly. */
const EXACT = 2 ** 53;

export function integerDraw(
  s: NumpyState,
  lowV: PyValue | undefined,
  highV: PyValue | undefined,
  sizeV: PyValue | undefined,
  dtype: IntDtypeArg,
  draw: {
    scalar: (lo: number | bigint, hi: number | bigint | null, n: number | null) => Float64Array;
    exact: (lo: number | bigint, hi: number | bigint | null, n: number | null) => bigint[];
    pairs: (lows: bigint[], highs: bigint[]) => bigint[];
  },
): PyValue {
  const shape = sizeArg(s, sizeV);
  const low = intBound(s, lowV ?? null);
  const high = highV === undefined || highV === null ? null : intBound(s, highV);
  if (low.tensor === null && (high === null || high.tensor === null)) {
    const lo = low.scalar;
    const hi = high === null ? null : high.scalar;
    const big = [lo, hi ?? 0].some((b) => Math.abs(Number(b)) > EXACT);
    if (shape === null) {
      const value = big ? draw.exact(lo, hi, null)[0] : draw.scalar(lo, hi, null)[0];
      return intResult(s, value, dtype);
    }
    if (big && countOf(shape) > 0)
      throw new UnsupportedError("Arrays of integers past 2**53 are not supported by GradLens");
    return arrayFromValues(s, draw.scalar(lo, hi, countOf(shape)), shape, dtype.np);
  }
  // array bounds: [0, low) with one bound, as numpy
  const lows: Param = high === null ? { scalar: 0, tensor: null } : asParam(low);
  const highs: Param = asParam(high ?? low);
  const pairsLow: bigint[] = [];
  const pairsHigh: bigint[] = [];
  const { shape: outShape } = broadcastDraw([lows, highs], shape, ([l, h]) => {
    pairsLow.push(BigInt(Math.trunc(l)));
    pairsHigh.push(BigInt(Math.trunc(h)));
    return 0;
  });
  if ([...pairsLow, ...pairsHigh].some((b) => b > BigInt(EXACT) || b < -BigInt(EXACT)))
    throw new UnsupportedError("Arrays of integers past 2**53 are not supported by GradLens");
  const values = draw.pairs(pairsLow, pairsHigh);
  if (shape === null && outShape.length === 0) return intResult(s, values[0], dtype);
  return arrayFromValues(s, Float64Array.from(values, Number), outShape, dtype.np);
}

function asParam(b: { scalar: number | bigint; tensor: Param["tensor"] }): Param {
  return { scalar: Number(b.scalar), tensor: b.tensor };
}
