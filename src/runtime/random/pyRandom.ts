// CPython 3.11's random.Random on top of MT19937: same seeding, same calls into the generator in
// the same order, same float arithmetic, so seeded programs see CPython's numbers.
// Python ints are JS numbers (safe integers) or BigInts; results keep the caller's choice.

import { glibcLog as log } from "../../engine/math/glibcLog";
import { glibcCos as cos, glibcSin as sin } from "../../engine/math/glibcSinCos";
import { MersenneTwister } from "./mersenneTwister";
import { PyRandomError } from "./pyRandomError";
import { floatSeedInt, intToKeyWords, strSeedIntV1, strSeedIntV2 } from "./seedKey";

export type PyInt = number | bigint;
export type SeedValue = null | undefined | number | bigint | string | Uint8Array;

/** getstate()'s value: version 3, the 624 words plus the read index, and the cached gauss value. */
export interface PyRandomState {
  readonly version: number;
  readonly internal: readonly number[];
  readonly gaussNext: number | null;
}

const TWOPI = 6.283185307179586;
const NV_MAGICCONST = 1.7155277699214135; // 4 * exp(-0.5) / sqrt(2.0), as CPython rounds it
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const MT_WORDS = 624;

/** Bit length of a positive safe integer. */
function bitLength(n: number): number {
  return n < TWO_POW_32 ? 32 - Math.clz32(n) : 64 - Math.clz32(Math.floor(n / TWO_POW_32));
}

function bitLengthBig(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** Python's operator.index() for our int representation; non-integral numbers are rejected. */
function toBig(v: PyInt, message: string): bigint {
  if (typeof v === "bigint") return v;
  if (!Number.isInteger(v)) throw new PyRandomError("ValueError", message);
  return BigInt(v);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** bisect_right over a sorted numeric array, restricted to [0, hi). */
function bisectRight(sorted: ArrayLike<number>, x: number, hi: number): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < sorted[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function entropyWords(): Uint32Array {
  const words = new Uint32Array(MT_WORDS);
  const webCrypto = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } }).crypto;
  if (webCrypto?.getRandomValues) {
    webCrypto.getRandomValues(words);
  } else {
    // Non-reproducible is all seed(None) promises; this only runs where Web Crypto is missing.
    for (let i = 0; i < words.length; i++) words[i] = (Math.random() * TWO_POW_32) ^ (Date.now() + i);
  }
  return words;
}

export class PyRandom {
  private readonly mt = new MersenneTwister();
  private gaussNext: number | null = null;

  /** Random(x): seeded like seed(x); no argument seeds from OS entropy. */
  constructor(a?: SeedValue) {
    this.seed(a);
  }

  /**
   * seed(a, version=2). A JS number that is an integer is taken as a Python int; call
   * seedFloat() when the Python value is a float (they differ for negative or huge values).
   */
  seed(a?: SeedValue, version = 2): void {
    if (a === null || a === undefined) {
      this.mt.initByArray(entropyWords());
    } else if (typeof a === "string" || a instanceof Uint8Array) {
      if (version === 1) this.seedInt(strSeedIntV1(a));
      else if (version === 2) this.seedInt(strSeedIntV2(a));
      // Other versions make CPython seed with hash(a), which is salted per process.
      else this.mt.initByArray(entropyWords());
    } else if (typeof a === "bigint" || Number.isInteger(a)) {
      this.seedInt(BigInt(a));
    } else {
      this.seedFloat(a);
      return;
    }
    this.gaussNext = null;
  }

  /** seed() with a Python float: CPython seeds with hash(a). NaN's hash is per object, so random. */
  seedFloat(x: number): void {
    if (Number.isNaN(x)) this.mt.initByArray(entropyWords());
    else this.mt.initByArray(intToKeyWords(floatSeedInt(x)));
    this.gaussNext = null;
  }

  /** Python int seed: all bits of |a| are used. */
  private seedInt(a: bigint): void {
    this.mt.initByArray(intToKeyWords(a));
  }

  getstate(): PyRandomState {
    const { words, index } = this.mt.getState();
    return { version: 3, internal: [...words, index], gaussNext: this.gaussNext };
  }

  setstate(state: PyRandomState): void {
    if (state.version !== 3 && state.version !== 2) {
      throw new PyRandomError(
        "ValueError",
        `state with version ${state.version} passed to Random.setstate() of version 3`,
      );
    }
    if (state.internal.length !== MT_WORDS + 1)
      throw new PyRandomError("ValueError", "state vector is the wrong size");
    const index = state.internal[MT_WORDS];
    if (!Number.isInteger(index) || index < 0 || index > MT_WORDS)
      throw new PyRandomError("ValueError", "invalid state");
    // Version 2 stored signed words; reducing mod 2^32 recovers the unsigned state.
    const words = state.internal.slice(0, MT_WORDS).map((w) => ((w % TWO_POW_32) + TWO_POW_32) % TWO_POW_32);
    this.mt.setState({ words, index });
    this.gaussNext = state.gaussNext;
  }

  /** A float in [0, 1). Allocation-free. */
  random(): number {
    return this.mt.random();
  }

  /** k random bits: a number for k <= 53, a BigInt above. */
  getrandbits(k: number): PyInt {
    this.checkBitCount(k);
    return k <= 53 ? this.mt.bitsNumber(k) : this.mt.bitsBig(k);
  }

  /** k random bits, always as a BigInt. */
  getrandbitsBig(k: number): bigint {
    this.checkBitCount(k);
    return this.mt.bitsBig(k);
  }

  private checkBitCount(k: number): void {
    if (!Number.isInteger(k)) throw new PyRandomError("TypeError", "an integer is required");
    if (k < 0) throw new PyRandomError("ValueError", "number of bits must be non-negative");
  }

  /** randbytes(n): getrandbits(8n) as little-endian bytes. */
  randbytes(n: number): Uint8Array {
    if (!Number.isInteger(n)) throw new PyRandomError("TypeError", "an integer is required");
    if (n < 0) throw new PyRandomError("ValueError", "number of bits must be non-negative");
    let bits = this.mt.bitsBig(n * 8);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = Number(bits & 0xffn);
      bits >>= 8n;
    }
    return out;
  }

  /** _randbelow(n) for n > 0: rejection sampling on bit_length(n) bits, exactly as CPython. */
  randbelow(n: number): number;
  randbelow(n: bigint): bigint;
  randbelow(n: PyInt): PyInt;
  randbelow(n: PyInt): PyInt {
    // CPython's version spins forever on 0; refusing is the only useful reading.
    if (!(n > 0) || (typeof n === "number" && !Number.isInteger(n))) {
      throw new PyRandomError("ValueError", "_randbelow() needs a positive integer");
    }
    if (typeof n === "bigint") {
      if (n < TWO_POW_53) return BigInt(this.randbelowNumber(Number(n)));
      const k = bitLengthBig(n);
      let r = this.mt.bitsBig(k);
      while (r >= n) r = this.mt.bitsBig(k);
      return r;
    }
    if (n >= TWO_POW_53) return Number(this.randbelow(BigInt(n)));
    return this.randbelowNumber(n);
  }

  private randbelowNumber(n: number): number {
    const k = n <= 0 ? 0 : bitLength(n);
    let r = this.mt.bitsNumber(k);
    while (r >= n) r = this.mt.bitsNumber(k);
    return r;
  }

  /** randrange(stop) or randrange(start, stop[, step]). */
  randrange(start: PyInt, stop?: PyInt | null, step: PyInt = 1): PyInt {
    // Fast path for the everyday call with small plain-number bounds: no BigInt work.
    if (typeof start === "number" && step === 1 && Number.isSafeInteger(start)) {
      if (stop === null || stop === undefined) {
        if (start > 0) return this.randbelowNumber(start);
      } else if (typeof stop === "number" && Number.isSafeInteger(stop)) {
        const width = stop - start;
        if (width > 0 && width < TWO_POW_53) return start + this.randbelowNumber(width);
      }
    }
    const wantBig = typeof start === "bigint" || typeof stop === "bigint" || typeof step === "bigint";
    const result = this.randrangeBig(start, stop, step);
    return wantBig ? result : Number(result);
  }

  private randrangeBig(start: PyInt, stop: PyInt | null | undefined, step: PyInt): bigint {
    const istart = toBig(start, "non-integer arg 1 for randrange()");
    if (stop === null || stop === undefined) {
      if (step !== 1 && step !== 1n) throw new PyRandomError("TypeError", "Missing a non-None stop argument");
      if (istart > 0n) return this.randbelow(istart);
      throw new PyRandomError("ValueError", "empty range for randrange()");
    }
    const istop = toBig(stop, "non-integer stop for randrange()");
    const width = istop - istart;
    const istep = toBig(step, "non-integer step for randrange()");
    if (istep === 1n) {
      if (width > 0n) return istart + this.randbelow(width);
      throw new PyRandomError("ValueError", `empty range for randrange() (${istart}, ${istop}, ${width})`);
    }
    let n: bigint;
    if (istep > 0n) n = floorDiv(width + istep - 1n, istep);
    else if (istep < 0n) n = floorDiv(width + istep + 1n, istep);
    else throw new PyRandomError("ValueError", "zero step for randrange()");
    if (n <= 0n) throw new PyRandomError("ValueError", "empty range for randrange()");
    return istart + istep * this.randbelow(n);
  }

  /** randint(a, b): randrange(a, b + 1). */
  randint(a: PyInt, b: PyInt): PyInt {
    const stop = typeof b === "bigint" ? b + 1n : Number.isSafeInteger(b + 1) ? b + 1 : BigInt(b) + 1n;
    const result = this.randrange(a, stop);
    return typeof a === "number" && typeof b === "number" ? Number(result) : result;
  }

  choice<T>(seq: ArrayLike<T>): T {
    if (!seq.length) throw new PyRandomError("IndexError", "Cannot choose from an empty sequence");
    return seq[this.randbelowNumber(seq.length)];
  }

  /** In-place Fisher–Yates from the end, as CPython does it. */
  shuffle<T>(x: T[]): void {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.randbelowNumber(i + 1);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /**
   * sample(range(n), k): k distinct indices in selection order. CPython keeps either a pool
   * list or a set of picks, whichever it estimates smaller; the two consume the generator
   * differently, so the same rule picks the branch here.
   */
  sampleIndices(n: number, k: number): number[] {
    if (!Number.isInteger(k)) throw new PyRandomError("TypeError", "k must be an integer");
    if (!(k >= 0 && k <= n))
      throw new PyRandomError("ValueError", "Sample larger than population or is negative");
    const result = new Array<number>(k);
    let setsize = 21; // a small set's size minus an empty list's, in CPython's accounting
    if (k > 5) {
      // 4 ** ceil(log(3k, 4)); 3k is never a power of 4, so this is the first power above it.
      let power = 1;
      while (power < k * 3) power *= 4;
      setsize += power;
    }
    if (n <= setsize) {
      const pool = Array.from({ length: n }, (_, i) => i);
      for (let i = 0; i < k; i++) {
        const j = this.randbelowNumber(n - i);
        result[i] = pool[j];
        pool[j] = pool[n - i - 1]; // fill the hole with the last unpicked entry
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelowNumber(n);
        while (selected.has(j)) j = this.randbelowNumber(n);
        selected.add(j);
        result[i] = j;
      }
    }
    return result;
  }

  /** sample(population, k, counts=None). With counts, each element stands for counts[i] copies. */
  sample<T>(population: ArrayLike<T>, k: number, counts?: ArrayLike<number> | null): T[] {
    if (counts === null || counts === undefined) {
      return this.sampleIndices(population.length, k).map((i) => population[i]);
    }
    if (counts.length !== population.length) {
      throw new PyRandomError("ValueError", "The number of counts does not match the population");
    }
    const cumulative: number[] = [];
    let total = 0;
    for (let i = 0; i < counts.length; i++) cumulative.push((total += counts[i]));
    if (!Number.isInteger(total)) throw new PyRandomError("TypeError", "Counts must be integers");
    if (total <= 0) throw new PyRandomError("ValueError", "Total of counts must be greater than zero");
    const selections = this.sampleIndices(total, k);
    return selections.map((s) => population[bisectRight(cumulative, s, cumulative.length - 1)]);
  }

  /** choices(population, weights=None, *, cum_weights=None, k=1). */
  choices<T>(
    population: ArrayLike<T>,
    options: { weights?: ArrayLike<number> | null; cumWeights?: ArrayLike<number> | null; k?: number } = {},
  ): T[] {
    const { weights, k = 1 } = options;
    let cumWeights = options.cumWeights;
    const n = population.length;
    const out: T[] = [];
    if (cumWeights === null || cumWeights === undefined) {
      if (weights === null || weights === undefined) {
        for (let i = 0; i < k; i++) out.push(population[Math.floor(this.random() * n)]);
        return out;
      }
      const running: number[] = [];
      let sum = 0;
      for (let i = 0; i < weights.length; i++) running.push((sum += weights[i]));
      cumWeights = running;
    } else if (weights !== null && weights !== undefined) {
      throw new PyRandomError("TypeError", "Cannot specify both weights and cumulative weights");
    }
    if (cumWeights.length !== n) {
      throw new PyRandomError("ValueError", "The number of weights does not match the population");
    }
    const total = cumWeights[n - 1];
    if (total <= 0) throw new PyRandomError("ValueError", "Total of weights must be greater than zero");
    if (!Number.isFinite(total)) throw new PyRandomError("ValueError", "Total of weights must be finite");
    for (let i = 0; i < k; i++) out.push(population[bisectRight(cumWeights, this.random() * total, n - 1)]);
    return out;
  }

  /** a + (b - a) * random(). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  triangular(low = 0, high = 1, mode: number | null = null): number {
    const u0 = this.random();
    if (mode !== null && high - low === 0) return low; // CPython catches the ZeroDivisionError
    let u = u0;
    let c = mode === null ? 0.5 : (mode - low) / (high - low);
    if (u > c) {
      u = 1 - u;
      c = 1 - c;
      [low, high] = [high, low];
    }
    return low + (high - low) * Math.sqrt(u * c);
  }

  /**
   * Box–Muller pair: one value is returned, its partner cached for the next call (gauss_next),
   * exactly as CPython does; seed() and setstate() reset/restore the cache.
   */
  gauss(mu = 0, sigma = 1): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * TWOPI;
      const g2rad = Math.sqrt(-2 * log(1 - this.random()));
      z = cos(x2pi) * g2rad;
      this.gaussNext = sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  /** Kinderman–Monahan ratio-of-uniforms; no cache, may consume several pairs. */
  normalvariate(mu = 0, sigma = 1): number {
    for (;;) {
      const u1 = this.random();
      const u2 = 1 - this.random();
      const z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      if ((z * z) / 4 <= -log(u2)) return mu + z * sigma;
    }
  }

  expovariate(lambd: number): number {
    const x = -log(1 - this.random());
    if (lambd === 0) throw new PyRandomError("ZeroDivisionError", "float division by zero");
    return x / lambd;
  }
}
