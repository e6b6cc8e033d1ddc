// numpy's PCG64 bit generator (the one under `default_rng`): a 128-bit LCG stepped by PCG's
// default multiplier and an odd increment, each output the XSL-RR mix of the new state (high
// half XOR low half, rotated right by the state's top six bits). 128-bit arithmetic is done in
// eight 16-bit limbs held in doubles, where every partial product and column sum stays exact
// (well under 2^53) — several times faster than BigInt.
//
// Like numpy, a 32-bit draw takes the low half of a fresh 64-bit output and keeps the high half
// for the next 32-bit draw.

import type { BitGenerator } from "./bitGenerator";
import { SeedSequence, type SeedEntropy } from "./seedSequence";

const MASK128 = (1n << 128n) - 1n;
const MULTIPLIER = (2549297995355413924n << 64n) | 4865540595714422341n;
const TWO_POW_53_INV = 1 / 9007199254740992;

function toLimbs(value: bigint, limbs: Float64Array): void {
  for (let i = 0; i < 8; i++) limbs[i] = Number((value >> BigInt(16 * i)) & 0xffffn);
}

function fromLimbs(limbs: Float64Array): bigint {
  let value = 0n;
  for (let i = 7; i >= 0; i--) value = (value << 16n) | BigInt(limbs[i]);
  return value;
}

const M = new Float64Array(8);
toLimbs(MULTIPLIER, M);

/** PCG64's state as numpy's `bit_generator.state` reports it. */
export interface Pcg64State {
  readonly state: bigint;
  readonly inc: bigint;
  readonly hasUint32: boolean;
  readonly uinteger: number;
}

export class PCG64 implements BitGenerator {
  /** The 128-bit state, least significant 16-bit limb first. */
  private readonly s = new Float64Array(8);
  private readonly inc = new Float64Array(8);
  private hasUint32 = false;
  private uinteger = 0;
  hi = 0;
  lo = 0;

  /** PCG64(seed): the seed goes through a SeedSequence, as in numpy (null: OS entropy). */
  constructor(seed: SeedEntropy | SeedSequence | null = null) {
    const sequence = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const [initStateHi, initStateLo, initSeqHi, initSeqLo] = sequence.generateState64(4);
    this.seed((initStateHi << 64n) | initStateLo, (initSeqHi << 64n) | initSeqLo);
  }

  /** PCG's srandom: increment from the sequence number, then two steps around adding the state. */
  private seed(initState: bigint, initSeq: bigint): void {
    toLimbs(0n, this.s);
    toLimbs(((initSeq << 1n) | 1n) & MASK128, this.inc);
    this.step();
    toLimbs((fromLimbs(this.s) + initState) & MASK128, this.s);
    this.step();
    this.hasUint32 = false;
    this.uinteger = 0;
  }

  /** state = state * MULTIPLIER + inc (mod 2^128). */
  private step(): void {
    const s = this.s;
    const inc = this.inc;
    const s0 = s[0],
      s1 = s[1],
      s2 = s[2],
      s3 = s[3],
      s4 = s[4],
      s5 = s[5],
      s6 = s[6],
      s7 = s[7];
    let carry = 0;
    let col: number;
    col = s0 * M[0] + inc[0];
    carry = (col - (s[0] = col & 0xffff)) / 65536;
    col = s0 * M[1] + s1 * M[0] + inc[1] + carry;
    carry = (col - (s[1] = col & 0xffff)) / 65536;
    col = s0 * M[2] + s1 * M[1] + s2 * M[0] + inc[2] + carry;
    carry = (col - (s[2] = col & 0xffff)) / 65536;
    col = s0 * M[3] + s1 * M[2] + s2 * M[1] + s3 * M[0] + inc[3] + carry;
    carry = (col - (s[3] = col & 0xffff)) / 65536;
    col = s0 * M[4] + s1 * M[3] + s2 * M[2] + s3 * M[1] + s4 * M[0] + inc[4] + carry;
    carry = (col - (s[4] = col & 0xffff)) / 65536;
    col = s0 * M[5] + s1 * M[4] + s2 * M[3] + s3 * M[2] + s4 * M[1] + s5 * M[0] + inc[5] + carry;
    carry = (col - (s[5] = col & 0xffff)) / 65536;
    col = s0 * M[6] + s1 * M[5] + s2 * M[4] + s3 * M[3] + s4 * M[2] + s5 * M[1] + s6 * M[0] + inc[6] + carry;
    carry = (col - (s[6] = col & 0xffff)) / 65536;
    col =
      s0 * M[7] +
      s1 * M[6] +
      s2 * M[5] +
      s3 * M[4] +
      s4 * M[3] +
      s5 * M[2] +
      s6 * M[1] +
      s7 * M[0] +
      inc[7] +
      carry;
    s[7] = col & 0xffff;
  }

  nextUint64(): void {
    this.step();
    const s = this.s;
    // XSL: fold the high 64 bits onto the low 64 bits.
    let xHi = (((s[7] << 16) | s[6]) ^ ((s[3] << 16) | s[2])) >>> 0;
    let xLo = (((s[5] << 16) | s[4]) ^ ((s[1] << 16) | s[0])) >>> 0;
    // RR: rotate right by the top six bits of the state.
    let rot = s[7] >>> 10;
    if (rot >= 32) {
      const t = xHi;
      xHi = xLo;
      xLo = t;
      rot -= 32;
    }
    if (rot === 0) {
      this.hi = xHi;
      this.lo = xLo;
    } else {
      this.hi = ((xHi >>> rot) | (xLo << (32 - rot))) >>> 0;
      this.lo = ((xLo >>> rot) | (xHi << (32 - rot))) >>> 0;
    }
  }

  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.nextUint64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  /** The top 53 bits of a 64-bit output, scaled to [0, 1). */
  nextDouble(): number {
    this.nextUint64();
    return (this.hi * 2097152 + (this.lo >>> 11)) * TWO_POW_53_INV;
  }

  /** numpy's random_raw(): the next 64-bit output as a BigInt. */
  randomRaw(): bigint {
    this.nextUint64();
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  getState(): Pcg64State {
    return {
      state: fromLimbs(this.s),
      inc: fromLimbs(this.inc),
      hasUint32: this.hasUint32,
      uinteger: this.uinteger,
    };
  }

  setState(state: Pcg64State): void {
    toLimbs(state.state & MASK128, this.s);
    toLimbs(state.inc & MASK128, this.inc);
    this.hasUint32 = state.hasUint32;
    this.uinteger = state.uinteger >>> 0;
  }
}
