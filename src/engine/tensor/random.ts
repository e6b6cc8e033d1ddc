import { MT19937 } from "./mt19937";
import { glibcLog as log } from "../math/glibcLog";
import { glibcCos as cos, glibcSin as sin } from "../math/glibcSinCos";

/**
 * PyTorch's CPU generator (`torch.Generator()`, and the default one `torch.manual_seed` seeds):
 * an MT19937 engine plus the one cached normal that Box–Muller leaves over. Its draws are the
 * building blocks every random op composes in its own way (see ./distributions):
 *
 * - `random()`   one 32-bit output;
 * - `random64()` two outputs, the first as the high word;
 * - a float uniform takes the low 24 bits of one output, a double uniform the low 53 bits of a
 *   64-bit draw, each scaled to [0, 1).
 */

/** The seed `torch.Generator()` starts from (`default_rng_seed_val` in PyTorch). */
export const DEFAULT_SEED = 67280421310721n;

const TWO_64 = 1n << 64n;
const TWO_53 = 2 ** 53;

export class Generator {
  private readonly engine: MT19937;
  private seedValue: bigint = 0n;
  /** The second value of the last Box–Muller pair drawn in double precision, until used. */
  private cachedNormal: number | null = null;

  constructor(seed: bigint | number = DEFAULT_SEED) {
    this.engine = new MT19937(0);
    this.manualSeed(seed);
  }

  /**
   * `g.manual_seed(seed)`: the seed modulo 2^64 (PyTorch reads a negative seed as its two's
   * complement), the engine restarted from its low 32 bits, the cached normal dropped.
   */
  manualSeed(seed: bigint | number): void {
    const big = BigInt.asUintN(64, typeof seed === "bigint" ? seed : BigInt(Math.trunc(seed)));
    this.seedValue = big;
    this.engine.seed(Number(big & 0xffffffffn));
    this.cachedNormal = null;
  }

  /** `g.initial_seed()`: the last seed set. */
  initialSeed(): bigint {
    return this.seedValue;
  }

  /**
   * `g.seed()`: a fresh non-deterministic seed (53 bits, as PyTorch takes them), set and returned.
   * Math.random is enough: the seed only has to differ from run to run.
   */
  seed(): bigint {
    const value =
      BigInt(Math.floor(Math.random() * 2 ** 21)) * 2n ** 32n + BigInt(Math.floor(Math.random() * 2 ** 32));
    this.manualSeed(value);
    return value;
  }

  /** A generator in the same state (`clone`, or `get_state` / `set_state` through a copy). */
  clone(): Generator {
    const g = new Generator(this.seedValue);
    g.engine.copyFrom(this.engine);
    g.cachedNormal = this.cachedNormal;
    return g;
  }

  /** Takes over another generator's state (`set_state`). */
  assign(other: Generator): void {
    this.engine.copyFrom(other.engine);
    this.seedValue = other.seedValue;
    this.cachedNormal = other.cachedNormal;
  }

  /** One 32-bit output. */
  random(): number {
    return this.engine.next();
  }

  /** A 64-bit draw as an unsigned bigint (high word first). */
  random64(): bigint {
    const hi = this.engine.next();
    const lo = this.engine.next();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** The low 53 bits of a 64-bit draw, as a number. */
  random53(): number {
    const hi = this.engine.next() & 0x1fffff;
    const lo = this.engine.next();
    return hi * 2 ** 32 + lo;
  }

  /** A float32 uniform on [0, 1): 24 random bits. */
  uniformFloat(): number {
    return (this.engine.next() & 0xffffff) / 16777216;
  }

  /** A float64 uniform on [0, 1): 53 random bits. */
  uniformDouble(): number {
    return this.random53() / TWO_53;
  }

  /**
   * A standard normal in double precision, the way PyTorch's scalar path makes one: Box–Muller
   * on two double uniforms u1, u2 — r = √(−2·ln(1 − u2)), θ = 2π·u1 — returning r·cos θ and
   * keeping r·sin θ for the next call.
   */
  normalDouble(): number {
    if (this.cachedNormal !== null) {
      const v = this.cachedNormal;
      this.cachedNormal = null;
      return v;
    }
    const u1 = this.uniformDouble();
    const u2 = this.uniformDouble();
    const r = Math.sqrt(-2 * log(1 - u2));
    const theta = 2 * Math.PI * u1;
    this.cachedNormal = r * sin(theta);
    return r * cos(theta);
  }
}

/** Reads a Python int seed the way `manual_seed` does: modulo 2^64, or an overflow past it. */
export function seedInRange(seed: bigint): boolean {
  return seed >= -(1n << 63n) && seed < TWO_64;
}

/** The generator `torch.manual_seed` seeds and the random ops draw from by default. */
export const defaultGenerator = new Generator();
