// numpy's legacy RandomState (what `np.random.seed` / `np.random.rand` / ... use), bit for bit
// with numpy 1.24 (the legacy stream is frozen, so 2.x agrees): MT19937 seeded the legacy way,
// doubles from two 32-bit words, normals by the polar method with the second value cached until
// the next normal draw (and dropped by seed), integers by masked rejection.
//
// Every method that numpy offers with a `size` comes as an array form taking a count and filling
// a flat Float64Array in draw order (numpy fills row-major, so any shape is that array reshaped)
// and, where numpy draws a scalar differently or the caller wants a plain number, a scalar form.

import { glibcLog as log } from "../../../engine/math/glibcLog";
import { allocFloat64 } from "../../../engine/memory";
import {
  boundedIntegers,
  boundedIntegersExact,
  boundedIntegersPairs,
  checkIntegerBounds,
  checkIntegerBoundsPairs,
  type IntDtype,
  randomInterval,
  toBigIntBound,
} from "./boundedIntegers";
import { checkPopulation, checkProbabilities, sampleWithoutReplacementP, sampleWithP } from "./choice";
import { legacyBinomial, type BinomialCache } from "./legacyBinomial";
import { legacyBeta, type LegacyDraws, legacyStandardGamma } from "./legacyGamma";
import { MT19937 } from "./mt19937";
import { NumpyRandomError } from "./numpyRandomError";
import { legacyPoisson, LEGACY_POISSON_LAM_MAX } from "./poisson";
import { SeedSequence } from "./seedSequence";

/** A legacy seed: an int in [0, 2**32), a flat list of such ints, or null (fresh entropy). */
export type LegacySeed = number | bigint | readonly (number | bigint)[] | null;

/** get_state()'s tuple ('MT19937', key, pos, has_gauss, cached_gaussian) without the name. */
export interface LegacyState {
  readonly key: Uint32Array;
  readonly pos: number;
  readonly hasGauss: boolean;
  readonly gauss: number;
}

const MAX_SEED = 0xffffffffn;

function seedOutOfRange(): NumpyRandomError {
  return new NumpyRandomError("ValueError", "Seed must be between 0 and 2**32 - 1");
}

/** numpy's CONS_NON_NEGATIVE: NaN passes, and so does nothing with the sign bit set (-0.0 fails). */
function checkNonNegative(value: number, name: string): void {
  if (!Number.isNaN(value) && (value < 0 || Object.is(value, -0))) {
    throw new NumpyRandomError("ValueError", `${name} < 0`);
  }
}

export class RandomState {
  readonly bitgen = new MT19937();
  private hasGauss = false;
  private gaussValue = 0;
  private readonly binomialCache: BinomialCache = { n: -1, p: NaN };

  /** RandomState(seed): seeded as `seed(seed)`; no seed draws fresh entropy. */
  constructor(seed: LegacySeed = null) {
    this.seed(seed);
  }

  /**
   * seed(seed): an int seeds MT19937 with init_genrand, a list with init_by_array; None hashes
   * 128 bits of OS entropy through a SeedSequence into the state, as numpy does. The cached
   * normal is dropped.
   */
  seed(seed: LegacySeed = null): void {
    if (seed === null) {
      this.bitgen.seedWords(new SeedSequence().generateState(624));
    } else if (typeof seed === "number" || typeof seed === "bigint") {
      if (typeof seed === "number" && !Number.isInteger(seed)) {
        throw new NumpyRandomError(
          "TypeError",
          "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'",
        );
      }
      const value = BigInt(seed);
      if (value < 0n || value > MAX_SEED) throw seedOutOfRange();
      this.bitgen.seedWord(Number(value));
    } else {
      if (seed.length === 0) throw new NumpyRandomError("ValueError", "Seed must be non-empty");
      const key = seed.map((s) => {
        if (typeof s === "number" && !Number.isInteger(s)) {
          throw new NumpyRandomError(
            "TypeError",
            "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'",
          );
        }
        const value = BigInt(s);
        if (value < 0n || value > MAX_SEED) throw seedOutOfRange();
        return Number(value);
      });
      this.bitgen.seedArray(key);
    }
    this.hasGauss = false;
    this.gaussValue = 0;
  }

  getState(): LegacyState {
    const { words, index } = this.bitgen.getState();
    return { key: Uint32Array.from(words), pos: index, hasGauss: this.hasGauss, gauss: this.gaussValue };
  }

  setState(state: LegacyState): void {
    if (state.key.length !== 624)
      throw new NumpyRandomError("ValueError", "state must be 624 32-bit integers");
    this.bitgen.setState({ words: Array.from(state.key), index: state.pos });
    this.hasGauss = state.hasGauss;
    this.gaussValue = state.gauss;
  }

  // --- uniform floats ---------------------------------------------------------------------

  /** random_sample(size) / random / rand / ranf / sample: doubles in [0, 1). */
  randomSample(n: number): Float64Array {
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = this.bitgen.nextDouble();
    return out;
  }

  /** random_sample() with no size. */
  randomScalar(): number {
    return this.bitgen.nextDouble();
  }

  /** uniform(low, high, size): low + (high - low) * U, numpy's order of operations. */
  uniform(low: number, high: number, n: number): Float64Array {
    const range = this.uniformRange(low, high);
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = low + range * this.bitgen.nextDouble();
    return out;
  }

  uniformScalar(low: number, high: number): number {
    return low + this.uniformRange(low, high) * this.bitgen.nextDouble();
  }

  private uniformRange(low: number, high: number): number {
    const range = high - low;
    if (!Number.isFinite(range)) throw new NumpyRandomError("OverflowError", "Range exceeds valid bounds");
    return range;
  }

  // --- normals ----------------------------------------------------------------------------

  /**
   * One standard normal (numpy's legacy_gauss): the polar method makes two at a time, returns
   * f * x2 and keeps f * x1 for the next call, whichever method that call comes from.
   */
  gauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gaussValue;
      this.gaussValue = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.bitgen.nextDouble() - 1;
      x2 = 2 * this.bitgen.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    // numpy takes glibc's log, which a correctly rounded one misses for ~1 r2 in 1,700
    const f = Math.sqrt((-2 * log(r2)) / r2);
    this.gaussValue = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** standard_normal() / randn() with no size: one gauss(). */
  standardNormalScalar(): number {
    return this.gauss();
  }

  /** standard_normal(size) / randn(*shape). */
  standardNormal(n: number): Float64Array {
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = this.gauss();
    return out;
  }

  /** normal(loc, scale, size): loc + scale * gauss(). */
  normal(loc: number, scale: number, n: number): Float64Array {
    checkNonNegative(scale, "scale");
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = loc + scale * this.gauss();
    return out;
  }

  /** normal(loc, scale) with no size; also one element of a broadcast loc/scale draw. */
  normalScalar(loc: number, scale: number): number {
    checkNonNegative(scale, "scale");
    return loc + scale * this.gauss();
  }

  // --- exponentials -----------------------------------------------------------------------

  /** standard_exponential(size): -log(1 - U). */
  standardExponential(n: number): Float64Array {
    return this.exponential(1, n);
  }

  /** exponential(scale, size): scale * -log(1 - U). */
  exponential(scale: number, n: number): Float64Array {
    checkNonNegative(scale, "scale");
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = scale * -log(1 - this.bitgen.nextDouble());
    return out;
  }

  exponentialScalar(scale = 1): number {
    checkNonNegative(scale, "scale");
    return scale * -log(1 - this.bitgen.nextDouble());
  }

  // --- gamma and beta (legacyGamma.ts) -----------------------------------------------------

  private get draws(): LegacyDraws {
    return { double: () => this.bitgen.nextDouble(), gauss: () => this.gauss() };
  }

  /** standard_gamma(shape) / gamma(shape, scale): scale · legacy_standard_gamma(shape). */
  gammaScalar(shape: number, scale = 1): number {
    return scale * legacyStandardGamma(this.draws, shape);
  }

  gamma(shape: number, scale: number, n: number): Float64Array {
    const out = allocFloat64(n);
    const draws = this.draws;
    for (let i = 0; i < n; i++) out[i] = scale * legacyStandardGamma(draws, shape);
    return out;
  }

  betaScalar(a: number, b: number): number {
    return legacyBeta(this.draws, a, b);
  }

  beta(a: number, b: number, n: number): Float64Array {
    const out = allocFloat64(n);
    const draws = this.draws;
    for (let i = 0; i < n; i++) out[i] = legacyBeta(draws, a, b);
    return out;
  }

  // --- integers ---------------------------------------------------------------------------

  /**
   * randint(low, high=None, size, dtype): integers in [low, high) (high null: [0, low)), drawn by
   * masked rejection. Values come back as doubles, exact up to 2**53 (see `randintExact`).
   * `n` null is the scalar form; it draws as size 1, as numpy does.
   */
  randint(
    low: number | bigint,
    high: number | bigint | null,
    n: number | null,
    dtype: IntDtype = "int64",
  ): Float64Array {
    const [lo, top] = this.randintBounds(low, high, n, dtype);
    if (n === 0) return allocFloat64(0);
    return boundedIntegers(this.bitgen, lo, top, n ?? 1, dtype, true);
  }

  /** randint with every value an exact BigInt (int64/uint64 values past 2**53). */
  randintExact(
    low: number | bigint,
    high: number | bigint | null,
    n: number | null,
    dtype: IntDtype = "int64",
  ): bigint[] {
    const [lo, top] = this.randintBounds(low, high, n, dtype);
    if (n === 0) return [];
    return boundedIntegersExact(this.bitgen, lo, top, n ?? 1, dtype, true);
  }

  private randintBounds(
    low: number | bigint,
    high: number | bigint | null,
    n: number | null,
    dtype: IntDtype,
  ): [bigint, bigint] {
    const lo = high === null ? 0n : toBigIntBound(low);
    const hi = toBigIntBound(high === null ? low : high);
    // numpy returns an empty array for size 0 before it looks at the bounds
    if (n === 0) return [lo, hi];
    return [lo, checkIntegerBounds(lo, hi, dtype, false)];
  }

  /**
   * randint with array bounds: `lows` and `highs` already broadcast to the output's shape and
   * flattened row-major (numpy draws element by element in that order).
   */
  randintBroadcast(lows: readonly bigint[], highs: readonly bigint[], dtype: IntDtype = "int64"): bigint[] {
    const tops = checkIntegerBoundsPairs(lows, highs, dtype, false);
    return boundedIntegersPairs(this.bitgen, lows, tops, dtype, true);
  }

  /** random_integers(low, high=None, size): randint(low, high + 1), or [1, low] with one bound. */
  randomIntegers(low: number | bigint, high: number | bigint | null, n: number | null): Float64Array {
    if (high === null) return this.randint(1, toBigIntBound(low) + 1n, n);
    return this.randint(low, toBigIntBound(high) + 1n, n);
  }

  // --- permutations and choice ------------------------------------------------------------

  /**
   * The permutation shuffle(x) applies to a sequence of length n: result[i] is the index of the
   * element that ends at position i. numpy's Fisher–Yates runs i from n-1 down to 1, swapping
   * x[i] with x[random_interval(i)].
   */
  shuffleIndices(n: number): Float64Array {
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i >= 1; i--) {
      const j = randomInterval(this.bitgen, i);
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** shuffle(x) on a JS array in place (the same swaps as shuffleIndices). */
  shuffleInPlace<T>(items: T[]): void {
    for (let i = items.length - 1; i >= 1; i--) {
      const j = randomInterval(this.bitgen, i);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
  }

  /** permutation(n): arange(n) shuffled; for an array x, x[permutation(len(x))]. */
  permutation(n: number): Float64Array {
    return this.shuffleIndices(n);
  }

  /**
   * The indices choice(a, size, replace, p) picks from a population of `popSize` (a itself when
   * a is an int; a[indices] otherwise). `size` null is the scalar form, drawn as size 1.
   * With p: a cdf and searchsorted on uniforms; without replacement and without p: the first
   * `size` entries of permutation(popSize).
   */
  choiceIndices(
    popSize: number,
    size: number | null,
    options: { replace?: boolean; p?: Float64Array | null; aIsArray?: boolean } = {},
  ): Float64Array {
    const { replace = true, p = null, aIsArray = false } = options;
    const count = size ?? 1;
    checkPopulation(popSize, count, aIsArray, true);
    if (p !== null) checkProbabilities(p, popSize, true);
    if (replace) {
      if (p !== null) return sampleWithP(p, this.randomSample(count));
      return this.randint(0, popSize, count);
    }
    if (count > popSize) {
      throw new NumpyRandomError(
        "ValueError",
        "Cannot take a larger sample than population when 'replace=False'",
      );
    }
    if (count < 0) throw new NumpyRandomError("ValueError", "negative dimensions are not allowed");
    if (p !== null) return sampleWithoutReplacementP(p, count, (k) => this.randomSample(k));
    return this.permutation(popSize).slice(0, count);
  }

  // --- discrete distributions -------------------------------------------------------------

  /** binomial(n, p, size): inversion for n·min(p, 1-p) <= 30, BTPE above, as numpy's legacy code. */
  binomial(trials: number, p: number, n: number): Float64Array {
    this.checkBinomial(trials, p);
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = legacyBinomial(this.bitgen, p, trials, this.binomialCache);
    return out;
  }

  binomialScalar(trials: number, p: number): number {
    this.checkBinomial(trials, p);
    return legacyBinomial(this.bitgen, p, trials, this.binomialCache);
  }

  private checkBinomial(trials: number, p: number): void {
    if (!(p >= 0) || !(p <= 1)) throw new NumpyRandomError("ValueError", "p < 0, p > 1 or p is NaN");
    if (trials < 0) throw new NumpyRandomError("ValueError", "n < 0");
    if (trials > 9223372036854775807) {
      throw new NumpyRandomError(
        "ValueError",
        "n is out of bounds for long, consider using the new generator API for 64bit integers.",
      );
    }
  }

  /** poisson(lam, size): multiplication for lam < 10, PTRS above, as numpy. */
  poisson(lam: number, n: number): Float64Array {
    this.checkPoisson(lam);
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = legacyPoisson(this.bitgen, lam);
    return out;
  }

  poissonScalar(lam: number): number {
    this.checkPoisson(lam);
    return legacyPoisson(this.bitgen, lam);
  }

  private checkPoisson(lam: number): void {
    if (!(lam >= 0)) throw new NumpyRandomError("ValueError", "lam < 0 or lam is NaN");
    if (!(lam <= LEGACY_POISSON_LAM_MAX)) throw new NumpyRandomError("ValueError", "lam value too large");
  }
}
