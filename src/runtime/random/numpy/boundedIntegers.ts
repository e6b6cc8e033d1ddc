// Uniform integers in a closed range [low, low + rng], drawn exactly as numpy's
// random_bounded_<type>_fill does: the legacy RandomState uses masked rejection sampling (draw
// the smallest all-ones mask covering rng, retry while above rng); the Generator uses Lemire's
// multiply-shift with rejection. Which words are drawn depends on the range and the dtype: a
// range that fits 32 bits takes 32-bit words even for int64; 16- and 8-bit dtypes (and bool)
// slice a buffered 32-bit word into halves, quarters or bits. Ranges past 32 bits take 64-bit
// words and are done in BigInt (rare in practice).

import { allocFloat64, chargeArray } from "../../../engine/memory";
import { type BitGenerator, nextUint64Big } from "./bitGenerator";
import { NumpyRandomError } from "./numpyRandomError";

export type IntDtype =
  "int64" | "int32" | "int16" | "int8" | "uint64" | "uint32" | "uint16" | "uint8" | "bool";

interface DtypeInfo {
  /** Width of the unsigned type numpy draws in (bool: 1). */
  readonly bits: 64 | 32 | 16 | 8 | 1;
  readonly min: bigint;
  readonly max: bigint;
}

export const INT_DTYPES: Readonly<Record<IntDtype, DtypeInfo>> = {
  int64: { bits: 64, min: -(2n ** 63n), max: 2n ** 63n - 1n },
  int32: { bits: 32, min: -(2n ** 31n), max: 2n ** 31n - 1n },
  int16: { bits: 16, min: -(2n ** 15n), max: 2n ** 15n - 1n },
  int8: { bits: 8, min: -128n, max: 127n },
  uint64: { bits: 64, min: 0n, max: 2n ** 64n - 1n },
  uint32: { bits: 32, min: 0n, max: 2n ** 32n - 1n },
  uint16: { bits: 16, min: 0n, max: 65535n },
  uint8: { bits: 8, min: 0n, max: 255n },
  bool: { bits: 1, min: 0n, max: 1n },
};

const MASK64 = (1n << 64n) - 1n;
const UINT32_MAX = 0xffffffff;

/** Python's int() of a bound: integral numbers and BigInts as they are, other numbers truncated. */
export function toBigIntBound(value: number | bigint): bigint {
  if (typeof value === "bigint") return value;
  if (Number.isNaN(value)) throw new NumpyRandomError("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(value)) {
    throw new NumpyRandomError("OverflowError", "cannot convert float infinity to integer");
  }
  return BigInt(Math.trunc(value));
}

function boundsError(closed: boolean, low: bigint): NumpyRandomError {
  // numpy special-cases low == 0, the one-argument form randint(high)
  if (low === 0n) return new NumpyRandomError("ValueError", closed ? "high < 0" : "high <= 0");
  return new NumpyRandomError("ValueError", closed ? "low > high" : "low >= high");
}

/**
 * numpy's checks of scalar bounds: returns the inclusive upper bound. `closed` is the
 * Generator's endpoint=True; the legacy randint is always half-open.
 */
export function checkIntegerBounds(low: bigint, high: bigint, dtype: IntDtype, closed: boolean): bigint {
  const info = INT_DTYPES[dtype];
  const top = closed ? high : high - 1n;
  if (low < info.min) throw new NumpyRandomError("ValueError", `low is out of bounds for ${dtype}`);
  if (top > info.max) throw new NumpyRandomError("ValueError", `high is out of bounds for ${dtype}`);
  if (low > top) throw boundsError(closed, low);
  return top;
}

/** Smallest all-ones mask covering a 32-bit range. */
function mask32(rng: number): number {
  let mask = rng;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

function mask64(rng: bigint): bigint {
  let mask = rng;
  for (const shift of [1n, 2n, 4n, 8n, 16n, 32n]) mask |= mask >> shift;
  return mask;
}

/** High 32 bits of the 64-bit product of two unsigned 32-bit numbers, exactly. */
function mulHigh32(a: number, b: number): number {
  const high = (a >>> 16) * b; // < 2^48
  const low = (a & 0xffff) * b; // < 2^48
  return Math.floor((high + Math.floor(low / 65536)) / 65536);
}

/**
 * Draws values in [0, rng] for one fill call: holds the 32-bit word that 16-bit, 8-bit and
 * bool draws are sliced from (numpy's `buf`/`bcnt`, which live for one call, across elements
 * even when a broadcast call changes the range from one element to the next).
 */
export class BoundedDrawer {
  private buf = 0;
  private bcnt = 0;
  private rng = 0;
  private mask = 0;

  constructor(
    private readonly bitgen: BitGenerator,
    rng: number,
    private readonly bits: 64 | 32 | 16 | 8 | 1,
    private readonly masked: boolean,
  ) {
    this.setRange(rng);
  }

  /** Sets the range of the next draws (rng <= 2**32 - 1). */
  setRange(rng: number): void {
    this.rng = rng;
    this.mask = mask32(rng);
  }

  private uint16(): number {
    if (this.bcnt === 0) {
      this.buf = this.bitgen.nextUint32();
      this.bcnt = 1;
    } else {
      this.buf >>>= 16;
      this.bcnt -= 1;
    }
    return this.buf & 0xffff;
  }

  private uint8(): number {
    if (this.bcnt === 0) {
      this.buf = this.bitgen.nextUint32();
      this.bcnt = 3;
    } else {
      this.buf >>>= 8;
      this.bcnt -= 1;
    }
    return this.buf & 0xff;
  }

  private bit(): number {
    if (this.bcnt === 0) {
      this.buf = this.bitgen.nextUint32();
      this.bcnt = 31;
    } else {
      this.buf >>>= 1;
      this.bcnt -= 1;
    }
    return this.buf & 1;
  }

  /** One value in [0, rng] (rng <= 2**32 - 1). */
  next(): number {
    const rng = this.rng;
    if (rng === 0) return 0;
    switch (this.bits) {
      case 1:
        return this.bit();
      case 8:
        if (rng === 0xff) return this.uint8();
        return this.masked ? this.maskedDraw(() => this.uint8()) : this.lemireSmall(() => this.uint8(), 8);
      case 16:
        if (rng === 0xffff) return this.uint16();
        return this.masked ? this.maskedDraw(() => this.uint16()) : this.lemireSmall(() => this.uint16(), 16);
      default:
        if (rng === UINT32_MAX) return this.bitgen.nextUint32();
        return this.masked ? this.masked32() : this.lemire32();
    }
  }

  private masked32(): number {
    const bitgen = this.bitgen;
    let value: number;
    do value = (bitgen.nextUint32() & this.mask) >>> 0;
    while (value > this.rng);
    return value;
  }

  private maskedDraw(word: () => number): number {
    let value: number;
    do value = word() & this.mask;
    while (value > this.rng);
    return value;
  }

  /** Lemire's method on 32-bit words: the high half of word * (rng + 1), rejecting a biased low half. */
  private lemire32(): number {
    const rngExcl = this.rng + 1;
    let word = this.bitgen.nextUint32();
    let leftover = Math.imul(word, rngExcl) >>> 0;
    if (leftover < rngExcl) {
      const threshold = (UINT32_MAX - this.rng) % rngExcl;
      while (leftover < threshold) {
        word = this.bitgen.nextUint32();
        leftover = Math.imul(word, rngExcl) >>> 0;
      }
    }
    return mulHigh32(word, rngExcl);
  }

  /** Lemire's method on buffered 16- or 8-bit words (products stay exact in doubles). */
  private lemireSmall(word: () => number, bits: 16 | 8): number {
    const rngExcl = this.rng + 1;
    const full = bits === 16 ? 0xffff : 0xff;
    const scale = bits === 16 ? 65536 : 256;
    let m = word() * rngExcl;
    let leftover = m % scale;
    if (leftover < rngExcl) {
      const threshold = (full - this.rng) % rngExcl;
      while (leftover < threshold) {
        m = word() * rngExcl;
        leftover = m % scale;
      }
    }
    return Math.floor(m / scale);
  }
}

/** One value in [0, rng] for a range past 32 bits, in 64-bit words. */
export function bounded64(bitgen: BitGenerator, rng: bigint, masked: boolean): bigint {
  if (rng === MASK64) return nextUint64Big(bitgen);
  if (masked) {
    const mask = mask64(rng);
    let value: bigint;
    do value = nextUint64Big(bitgen) & mask;
    while (value > rng);
    return value;
  }
  const rngExcl = rng + 1n;
  let m = nextUint64Big(bitgen) * rngExcl;
  let leftover = m & MASK64;
  if (leftover < rngExcl) {
    const threshold = (MASK64 - rng) % rngExcl;
    while (leftover < threshold) {
      m = nextUint64Big(bitgen) * rngExcl;
      leftover = m & MASK64;
    }
  }
  return m >> 64n;
}

/**
 * `n` integers in [low, high] (inclusive, already checked) of `dtype`, as numpy's
 * random_bounded_<type>_fill draws them. Values come back as doubles: exact up to 2**53, rounded
 * to the nearest double past that (use `boundedIntegersExact` where every bit matters).
 */
export function boundedIntegers(
  bitgen: BitGenerator,
  low: bigint,
  high: bigint,
  n: number,
  dtype: IntDtype,
  masked: boolean,
): Float64Array {
  const out = allocFloat64(n);
  const rng = high - low;
  const safe = low >= -(2n ** 53n) && high <= 2n ** 53n;
  if (rng <= 0xffffffffn && safe) {
    const drawer = new BoundedDrawer(bitgen, Number(rng), INT_DTYPES[dtype].bits, masked);
    const base = Number(low);
    for (let i = 0; i < n; i++) out[i] = base + drawer.next();
    return out;
  }
  const exact = boundedIntegersExact(bitgen, low, high, n, dtype, masked);
  for (let i = 0; i < n; i++) out[i] = Number(exact[i]);
  return out;
}

/** As `boundedIntegers`, every value an exact BigInt. */
export function boundedIntegersExact(
  bitgen: BitGenerator,
  low: bigint,
  high: bigint,
  n: number,
  dtype: IntDtype,
  masked: boolean,
): bigint[] {
  chargeArray(n);
  const out = new Array<bigint>(n);
  const rng = high - low;
  if (rng <= 0xffffffffn) {
    const drawer = new BoundedDrawer(bitgen, Number(rng), INT_DTYPES[dtype].bits, masked);
    for (let i = 0; i < n; i++) out[i] = low + BigInt(drawer.next());
  } else {
    for (let i = 0; i < n; i++) out[i] = low + bounded64(bitgen, rng, masked);
  }
  return out;
}

/**
 * numpy's `random_interval(max)`: a value in [0, max] by masked rejection on 32-bit words (64-bit
 * past 2**32). Both RandomState.shuffle and Generator.shuffle draw their swaps with it.
 */
export function randomInterval(bitgen: BitGenerator, max: number): number {
  if (max === 0) return 0;
  if (max <= UINT32_MAX) {
    const mask = mask32(max);
    let value: number;
    do value = (bitgen.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }
  const big = BigInt(max);
  const mask = mask64(big);
  let value: bigint;
  do value = nextUint64Big(bitgen) & mask;
  while (value > big);
  return Number(value);
}

/**
 * numpy's `random_bounded_uint64(state, 0, rng, 0, use_masked=False)` for rng < 2**53: Lemire's
 * method, as the Generator's Floyd sampling and tail shuffle call it (no buffering).
 */
export function boundedLemire(bitgen: BitGenerator, rng: number): number {
  if (rng === 0) return 0;
  if (rng <= UINT32_MAX) return new BoundedDrawer(bitgen, rng, 64, false).next();
  return Number(bounded64(bitgen, BigInt(rng), false));
}

/**
 * numpy's checks for broadcast bounds (arrays of low and high, already broadcast to one length):
 * every low, then every high, then every pair. Returns the inclusive upper bounds.
 */
export function checkIntegerBoundsPairs(
  lows: readonly bigint[],
  highs: readonly bigint[],
  dtype: IntDtype,
  closed: boolean,
): bigint[] {
  const info = INT_DTYPES[dtype];
  if (lows.some((low) => low < info.min || low > info.max)) {
    throw new NumpyRandomError("ValueError", `low is out of bounds for ${dtype}`);
  }
  const tops = highs.map((high) => (closed ? high : high - 1n));
  if (tops.some((top) => top > info.max)) {
    throw new NumpyRandomError("ValueError", `high is out of bounds for ${dtype}`);
  }
  if (lows.some((low, i) => low > tops[i])) {
    // numpy words it for the one-argument form only when every low is 0
    throw boundsError(closed, lows.some((low) => low !== 0n) ? 1n : 0n);
  }
  return tops;
}

/**
 * One value per (low, top) pair, inclusive and already checked, as numpy's broadcast path
 * draws them: element by element, the 32-bit word buffer shared across elements.
 */
export function boundedIntegersPairs(
  bitgen: BitGenerator,
  lows: readonly bigint[],
  tops: readonly bigint[],
  dtype: IntDtype,
  masked: boolean,
): bigint[] {
  chargeArray(lows.length);
  const drawer = new BoundedDrawer(bitgen, 0, INT_DTYPES[dtype].bits, masked);
  return lows.map((low, i) => {
    const rng = tops[i] - low;
    if (rng > 0xffffffffn) return low + bounded64(bitgen, rng, masked);
    drawer.setRange(Number(rng));
    return low + BigInt(drawer.next());
  });
}
