// What numpy's distributions ask of a bit generator (its C `bitgen_t`): 32-bit words, 64-bit
// words and doubles in [0, 1). Each generator keeps its own rules for how these relate (MT19937
// builds a 64-bit word from two 32-bit ones; PCG64 hands out the halves of a 64-bit word as two
// 32-bit ones), so the draws line up with numpy's only if every distribution asks through here.

export interface BitGenerator {
  /** Next 32-bit word, as an unsigned JS number. */
  nextUint32(): number;
  /** Draws the next 64-bit word into `hi` and `lo` (each an unsigned 32-bit number). */
  nextUint64(): void;
  /** High half of the last word `nextUint64` drew. */
  hi: number;
  /** Low half of the last word `nextUint64` drew. */
  lo: number;
  /** Next double in [0, 1), numpy's `next_double` for this generator. */
  nextDouble(): number;
}

/** The next 64-bit word as a BigInt (for the rare paths that need all 64 bits exactly). */
export function nextUint64Big(bitgen: BitGenerator): bigint {
  bitgen.nextUint64();
  return (BigInt(bitgen.hi) << 32n) | BigInt(bitgen.lo);
}
