// MT19937 exactly as CPython's _random.Random drives it: same seeding routines, same tempering,
// same 53-bit float construction, so a given seed yields CPython's stream word for word.

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** Snapshot of the generator: the 624 state words and the read position (0..624). */
export interface MtState {
  readonly words: readonly number[];
  readonly index: number;
}

export class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;

  constructor(seed = 5489) {
    this.initGenrand(seed);
  }

  /** Knuth-style linear seeding of the whole state from one 32-bit word. */
  initGenrand(seed: number): void {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1];
      // Math.imul keeps the 32-bit wrap-around that C's unsigned arithmetic gives for free.
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.index = N;
  }

  /** Seeding from an array of 32-bit words (least significant word first, as CPython passes them). */
  initByArray(key: ArrayLike<number>): void {
    const mt = this.mt;
    const len = key.length;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + (key[j] >>> 0) + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    // Guarantees a non-zero state whatever the key was.
    mt[0] = 0x80000000;
    this.index = N;
  }

  /** Regenerates all 624 words at once (the "twist"). */
  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.index = 0;
  }

  /** Next tempered 32-bit word, as an unsigned JS number. Allocation-free. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** CPython's random(): 27 + 26 bits into a double in [0, 1). Allocation-free. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** getrandbits for 0 <= k <= 32 as a number: the top k bits of one word, like CPython. */
  bits32(k: number): number {
    if (k === 0) return 0;
    return this.nextUint32() >>> (32 - k);
  }

  /**
   * getrandbits for any k >= 0 as a BigInt. Words are filled least significant first and the
   * last (most significant) word keeps only its top bits, matching CPython's word order.
   */
  bitsBig(k: number): bigint {
    if (k <= 32) return BigInt(this.bits32(k));
    let result = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32) {
      let word = this.nextUint32();
      if (left < 32) word >>>= 32 - left;
      result |= BigInt(word) << shift;
      shift += 32n;
    }
    return result;
  }

  /**
   * getrandbits for k <= 53 as an exact JS number (same words consumed as bitsBig), so the
   * common _randbelow path stays in plain doubles.
   */
  bitsNumber(k: number): number {
    if (k <= 32) return this.bits32(k);
    const low = this.nextUint32();
    const high = this.nextUint32() >>> (64 - k);
    return high * 4294967296 + low;
  }

  getState(): MtState {
    return { words: Array.from(this.mt), index: this.index };
  }

  setState(state: MtState): void {
    if (state.words.length !== N) throw new RangeError(`state must have ${N} words`);
    if (!Number.isInteger(state.index) || state.index < 0 || state.index > N) {
      throw new RangeError("invalid state index");
    }
    for (let i = 0; i < N; i++) this.mt[i] = state.words[i];
    this.index = state.index;
  }
}
