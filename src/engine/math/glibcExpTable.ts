/**
 * The table glibc's double exp and pow share: 2^(j/128) ≈ H[j]·(1 + T[j]), with H[j] the
 * nearest double to 2^(j/128) and T[j] the nearest double to the relative rest, so that
 * scale + scale·(T + p(r)) carries 2^(j/128) to ~2^-106. Computed here in 200-bit fixed point
 * (seven square roots of 2, then successive products) rather than copied; the test compares a
 * few entries with the published ones.
 */

export const EXP_TABLE_BITS = 7;
const N = 1 << EXP_TABLE_BITS;
const P = 200n; // fractional bits of the fixed-point values
const ONE = 1n << P;

/** floor(sqrt(v)) for a positive BigInt, by Newton's iteration from above. */
function isqrt(v: bigint): bigint {
  let x = 1n << BigInt(Math.ceil(v.toString(2).length / 2));
  for (;;) {
    const next = (x + v / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/** A fixed-point value (P fractional bits) rounded to the nearest double. */
const toDouble = (v: bigint): number => Number(v) / 2 ** Number(P);

function build(): { high: Float64Array; tail: Float64Array } {
  let root = 2n * ONE;
  for (let i = 0; i < EXP_TABLE_BITS; i++) root = isqrt(root << P); // 2^(1/128)
  const high = new Float64Array(N);
  const tail = new Float64Array(N);
  let power = ONE;
  for (let j = 0; j < N; j++) {
    const h = toDouble(power);
    const hFixed = BigInt(h * 2 ** 52) << (P - 52n);
    high[j] = h;
    tail[j] = toDouble(((power - hFixed) << P) / hFixed);
    power = (power * root) >> P;
  }
  return { high, tail };
}

const table = build();
/** H[j]: 2^(j/128) rounded to the nearest double. */
export const EXP_HIGH = table.high;
/** T[j]: (2^(j/128) − H[j]) / H[j], rounded to the nearest double. */
export const EXP_TAIL = table.tail;
