// numpy's MT19937 bit generator (the one under the legacy RandomState). The twister itself is
// CPython's (`../mersenneTwister`): same state, same tempering, same 53-bit doubles. What differs
// is seeding — numpy seeds an int with init_genrand(seed), CPython with init_by_array — and
// numpy's 64-bit word, the first 32-bit draw being the high half.

import { MersenneTwister, type MtState } from "../mersenneTwister";
import type { BitGenerator } from "./bitGenerator";

export class MT19937 implements BitGenerator {
  readonly twister = new MersenneTwister();
  hi = 0;
  lo = 0;

  nextUint32(): number {
    return this.twister.nextUint32();
  }

  nextUint64(): void {
    this.hi = this.twister.nextUint32();
    this.lo = this.twister.nextUint32();
  }

  nextDouble(): number {
    return this.twister.random();
  }

  /** numpy's `mt19937_seed`: Knuth's linear seeding from one 32-bit word. */
  seedWord(seed: number): void {
    this.twister.initGenrand(seed);
  }

  /** numpy's `mt19937_init_by_array` (the reference algorithm, as CPython's). */
  seedArray(key: ArrayLike<number>): void {
    this.twister.initByArray(key);
  }

  /** numpy's seeding from a SeedSequence: words from the sequence, top bit forced, read at 623. */
  seedWords(words: Uint32Array): void {
    const state = Array.from(words.subarray(0, 624));
    state[0] = 0x80000000;
    // numpy leaves pos at the last loop index (623), so the first draw reads the last word.
    this.twister.setState({ words: state, index: 623 });
  }

  getState(): MtState {
    return this.twister.getState();
  }

  setState(state: MtState): void {
    this.twister.setState(state);
  }
}
