/**
 * The 32-bit Mersenne Twister (MT19937) as PyTorch's CPU generator runs it: seeded from the low
 * 32 bits of its 64-bit seed with the reference `init_genrand` recurrence, the whole state
 * regenerated every 624 outputs, each output tempered. The 64-bit seed itself is kept for
 * `initial_seed()`.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class MT19937 {
  private readonly state = new Uint32Array(N);
  private index = N;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** `init_genrand(seed)` with a 32-bit seed. */
  seed(seed32: number): void {
    const s = this.state;
    s[0] = seed32 >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = s[i - 1] ^ (s[i - 1] >>> 30);
      s[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  /** The next tempered 32-bit output as an unsigned integer. */
  next(): number {
    if (this.index >= N) this.twist();
    let y = this.state[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A copy, for `Generator.clone` / `get_state`. */
  copyFrom(other: MT19937): void {
    this.state.set(other.state);
    this.index = other.index;
  }

  private twist(): void {
    const s = this.state;
    for (let i = 0; i < N; i++) {
      const y = (s[i] & UPPER) | (s[(i + 1) % N] & LOWER);
      s[i] = s[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }
}
