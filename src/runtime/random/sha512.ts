// SHA-512 (FIPS 180-4) in BigInt arithmetic. Only used to turn str/bytes seeds into integers,
// where inputs are short, so clarity wins over speed. The round constants are derived here from
// their definition (fractional bits of prime roots) instead of being pasted in as tables.

const MASK64 = (1n << 64n) - 1n;

function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let n = 2; primes.length < count; n++) {
    if (primes.every((p) => n % p !== 0)) primes.push(n);
  }
  return primes;
}

/** floor(x^(1/k)) for a non-negative BigInt, by Newton's method. */
function integerRoot(x: bigint, k: bigint): bigint {
  if (x < 2n) return x;
  let r = 1n << (BigInt(x.toString(2).length) / k + 1n); // an overestimate
  for (;;) {
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
    if (next >= r) return r;
    r = next;
  }
}

/** First 64 fractional bits of p^(1/k): floor(root(p * 2^(64k))) mod 2^64. */
function fractionalRootBits(p: number, k: bigint): bigint {
  return integerRoot(BigInt(p) << (64n * k), k) & MASK64;
}

let roundConstants: bigint[] | undefined;
let initialHash: bigint[] | undefined;

function constants(): { k: bigint[]; h: bigint[] } {
  if (!roundConstants || !initialHash) {
    const primes = firstPrimes(80);
    roundConstants = primes.map((p) => fractionalRootBits(p, 3n));
    initialHash = primes.slice(0, 8).map((p) => fractionalRootBits(p, 2n));
  }
  return { k: roundConstants, h: initialHash };
}

const rotr = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & MASK64;

export function sha512(message: Uint8Array): Uint8Array {
  const { k: K, h: H0 } = constants();
  // Padding: 0x80, zeros, then the 128-bit big-endian bit length, to a multiple of 128 bytes.
  const padded = new Uint8Array(Math.ceil((message.length + 17) / 128) * 128);
  padded.set(message);
  padded[message.length] = 0x80;
  let bitLength = BigInt(message.length) * 8n;
  for (let i = padded.length - 1; bitLength > 0n; i--) {
    padded[i] = Number(bitLength & 0xffn);
    bitLength >>= 8n;
  }

  const h = H0.slice();
  const w: bigint[] = new Array<bigint>(80);
  for (let block = 0; block < padded.length; block += 128) {
    for (let t = 0; t < 16; t++) {
      let word = 0n;
      for (let b = 0; b < 8; b++) word = (word << 8n) | BigInt(padded[block + t * 8 + b]);
      w[t] = word;
    }
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(w[t - 15], 1n) ^ rotr(w[t - 15], 8n) ^ (w[t - 15] >> 7n);
      const s1 = rotr(w[t - 2], 19n) ^ rotr(w[t - 2], 61n) ^ (w[t - 2] >> 6n);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & MASK64;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 80; t++) {
      const sum1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const choose = (e & f) ^ (~e & MASK64 & g);
      const t1 = (hh + sum1 + choose + K[t] + w[t]) & MASK64;
      const sum0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (sum0 + majority) & MASK64;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) & MASK64;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) & MASK64;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i] + add[i]) & MASK64;
  }

  const digest = new Uint8Array(64);
  for (let i = 0; i < 8; i++) {
    let word = h[i];
    for (let b = 7; b >= 0; b--) {
      digest[i * 8 + b] = Number(word & 0xffn);
      word >>= 8n;
    }
  }
  return digest;
}
