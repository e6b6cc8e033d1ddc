// Turning a Python seed into the non-negative integer CPython feeds to init_by_array, and that
// integer into 32-bit key words. Mirrors Random.seed (version 1 and 2) and _random's seeding.

import { PyRandomError } from "./pyRandomError";
import { sha512 } from "./sha512";

const MASK64 = (1n << 64n) - 1n;
const HASH_MODULUS = (1n << 61n) - 1n; // CPython's numeric hashes live modulo the prime 2^61 - 1
const HASH_INF = 314159n;

/** Little-endian 32-bit words of |n|; zero gives the single word [0], as in CPython. */
export function intToKeyWords(n: bigint): number[] {
  let rest = n < 0n ? -n : n;
  if (rest === 0n) return [0];
  const words: number[] = [];
  while (rest > 0n) {
    words.push(Number(rest & 0xffffffffn));
    rest >>= 32n;
  }
  return words;
}

const floatBits = new DataView(new ArrayBuffer(8));

/**
 * CPython's hash() of a finite or infinite float (NaN hashes by identity there, so callers treat
 * it as unseedable). A float m * 2^e hashes to m * 2^e mod (2^61 - 1), with 2^61 = 1 making the
 * power cheap for negative e too, and the sign applied afterwards; -1 is reserved so becomes -2.
 */
export function hashFloat(x: number): bigint {
  if (x === Infinity) return HASH_INF;
  if (x === -Infinity) return -HASH_INF;
  if (x === 0) return 0n;
  floatBits.setFloat64(0, Math.abs(x));
  const high = floatBits.getUint32(0);
  const low = floatBits.getUint32(4);
  const biased = high >>> 20;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent: number;
  if (biased === 0) {
    exponent = -1074; // subnormal: no implicit leading bit
  } else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  const shift = BigInt(((exponent % 61) + 61) % 61);
  let h = ((mantissa % HASH_MODULUS) << shift) % HASH_MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** The unsigned integer _random seeds with for a float: its hash cast to a 64-bit size_t. */
export function floatSeedInt(x: number): bigint {
  return hashFloat(x) & MASK64;
}

/** Code points of a str, rejecting lone surrogates as str.encode() would. */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) ?? 0);
  return out;
}

export function utf8Encode(s: string): Uint8Array {
  const bytes: number[] = [];
  const cps = codePoints(s);
  for (let position = 0; position < cps.length; position++) {
    const cp = cps[position];
    if (cp >= 0xd800 && cp <= 0xdfff) {
      throw new PyRandomError(
        "UnicodeEncodeError",
        `'utf-8' codec can't encode character '\\u${cp.toString(16)}' in position ${position}: surrogates not allowed`,
      );
    }
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(bytes);
}

function bytesToBigEndianInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** Version 2 (the default): the bytes followed by their SHA-512, read as one big-endian integer. */
export function strSeedIntV2(a: string | Uint8Array): bigint {
  const bytes = typeof a === "string" ? utf8Encode(a) : a;
  const joined = new Uint8Array(bytes.length + 64);
  joined.set(bytes);
  joined.set(sha512(bytes), bytes.length);
  return bytesToBigEndianInt(joined);
}

/** Version 1 (Python 2 compatible): an FNV-like fold of the code points (bytes read as latin-1). */
export function strSeedIntV1(a: string | Uint8Array): bigint {
  const cps = typeof a === "string" ? codePoints(a) : Array.from(a);
  let x = cps.length ? BigInt(cps[0]) << 7n : 0n;
  for (const c of cps) x = ((1000003n * x) ^ BigInt(c)) & MASK64;
  return x ^ BigInt(cps.length);
}
