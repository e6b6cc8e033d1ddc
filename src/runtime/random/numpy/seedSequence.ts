// numpy's SeedSequence: hashes any amount of seed entropy into a pool of four 32-bit words, and
// draws state words for a bit generator from that pool. `default_rng(seed)` seeds PCG64 through
// it, so reproducing it word for word is what makes `default_rng(42)` give numpy's stream.
// (The hash is O'Neill's seed_seq_fe design as numpy implements it.)

import { NumpyRandomError } from "./numpyRandomError";

const POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;

/** What a seed may be: a non-negative int, a decimal or "0x" hex string, or a flat list of them. */
export type SeedEntropy = number | bigint | string | readonly (number | bigint | string)[] | Uint32Array;

/** Little-endian 32-bit words of a non-negative integer; 0 is the single word [0]. */
function intToWords(n: bigint): number[] {
  if (n < 0n) throw new NumpyRandomError("ValueError", "expected non-negative integer");
  if (n === 0n) return [0];
  const words: number[] = [];
  for (let rest = n; rest > 0n; rest >>= 32n) words.push(Number(rest & 0xffffffffn));
  return words;
}

function scalarToWords(x: number | bigint | string): number[] {
  if (typeof x === "string") {
    if (x.startsWith("0x")) return intToWords(BigInt(x));
    if (!/^[0-9]/.test(x)) throw new NumpyRandomError("ValueError", "unrecognized seed string");
    // numpy then converts the whole string with int(), which rejects anything but digits
    if (!/^[0-9]+\s*$/.test(x)) {
      throw new NumpyRandomError("ValueError", `invalid literal for int() with base 10: '${x}'`);
    }
    return intToWords(BigInt(x.trim()));
  }
  if (typeof x === "number" && !Number.isInteger(x)) {
    throw new NumpyRandomError("TypeError", "seed must be integer");
  }
  return intToWords(BigInt(x));
}

/** numpy's `_coerce_to_uint32_array`: each item's words, concatenated. */
export function coerceToUint32Array(x: SeedEntropy): Uint32Array {
  if (x instanceof Uint32Array) return x.slice();
  if (typeof x === "number" || typeof x === "bigint" || typeof x === "string") {
    return Uint32Array.from(scalarToWords(x));
  }
  const words: number[] = [];
  for (const item of x) words.push(...scalarToWords(item));
  return Uint32Array.from(words);
}

function hashmix(value: number, hashConst: Uint32Array): number {
  value = (value ^ hashConst[0]) >>> 0;
  hashConst[0] = Math.imul(hashConst[0], MULT_A);
  value = Math.imul(value, hashConst[0]) >>> 0;
  return (value ^ (value >>> 16)) >>> 0;
}

function mix(x: number, y: number): number {
  const result = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  return (result ^ (result >>> 16)) >>> 0;
}

/** Fresh entropy for an unseeded sequence (numpy reads 128 bits from the OS). */
function osEntropy(): Uint32Array {
  const words = new Uint32Array(POOL_SIZE);
  const webCrypto = (globalThis as { crypto?: { getRandomValues?(a: Uint32Array): Uint32Array } }).crypto;
  if (webCrypto?.getRandomValues) webCrypto.getRandomValues(words);
  else for (let i = 0; i < words.length; i++) words[i] = (Math.random() * 4294967296) >>> 0;
  return words;
}

export class SeedSequence {
  readonly entropy: Uint32Array;
  readonly spawnKey: readonly number[];
  readonly pool = new Uint32Array(POOL_SIZE);

  /** SeedSequence(entropy=None, spawn_key=()). Without entropy, 128 bits come from the OS. */
  constructor(entropy: SeedEntropy | null = null, spawnKey: readonly number[] = []) {
    this.entropy = entropy === null ? osEntropy() : coerceToUint32Array(entropy);
    this.spawnKey = [...spawnKey];
    this.mixEntropy(this.assembledEntropy());
  }

  /** The run entropy, zero-padded to the pool size when there is a spawn key, then the key. */
  private assembledEntropy(): Uint32Array {
    let run = Array.from(this.entropy);
    const spawn = Array.from(coerceToUint32Array(this.spawnKey));
    if (spawn.length > 0 && run.length < POOL_SIZE) {
      run = run.concat(new Array<number>(POOL_SIZE - run.length).fill(0));
    }
    return Uint32Array.from(run.concat(spawn));
  }

  private mixEntropy(entropy: Uint32Array): void {
    const pool = this.pool;
    const hashConst = Uint32Array.of(INIT_A);
    // Hash the first words into the pool, running the hash on zeros where entropy is short.
    for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hashConst);
    // Mix every pool word into every other, so late words reach early ones.
    for (let src = 0; src < POOL_SIZE; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) {
        if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src], hashConst));
      }
    }
    // Entropy beyond the pool size is mixed into every pool word.
    for (let src = POOL_SIZE; src < entropy.length; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src], hashConst));
    }
  }

  /** generate_state(n_words, uint32). */
  generateState(nWords: number): Uint32Array {
    const out = new Uint32Array(nWords);
    let hashConst = INIT_B;
    for (let i = 0; i < nWords; i++) {
      let value = (this.pool[i % POOL_SIZE] ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      value = Math.imul(value, hashConst) >>> 0;
      out[i] = (value ^ (value >>> 16)) >>> 0;
    }
    return out;
  }

  /** generate_state(n_words, uint64): pairs of 32-bit words, the first of each pair the low half. */
  generateState64(nWords: number): bigint[] {
    const words = this.generateState(nWords * 2);
    const out: bigint[] = [];
    for (let i = 0; i < nWords; i++) out.push((BigInt(words[2 * i + 1]) << 32n) | BigInt(words[2 * i]));
    return out;
  }
}
