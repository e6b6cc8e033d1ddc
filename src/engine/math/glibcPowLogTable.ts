/**
 * The table of glibc's pow's log (Szabolcs Nagy's): z in [0x1.69555p-1, 0x1.69555p0) is cut into
 * 128 subintervals; for the ith, c is near its centre with 1/c = round(128/centre)/128 (or /256
 * at and above 1, so z/c − 1 stays exact), log c is split into logc (a multiple of 2^-43, so
 * k·ln2hi + logc is exact) and the double nearest the rest. Computed here in 200-bit fixed point
 * rather than copied; the test compares a few entries with the published ones.
 */

export const POW_LOG_TABLE_BITS = 7;
const N = 1 << POW_LOG_TABLE_BITS;
/** The high word of 0x1.69555p-1, where subinterval 0 starts. */
export const POW_LOG_OFF_HIGH = 0x3fe69555;
const P = 200n;

/** log(m / 256) in P-bit fixed point: 2·atanh((m − 256)/(m + 256)) by its series. */
function logOver256(m: bigint): bigint {
  // the series on |t| (atanh is odd): a negative BigInt shifted right floors to −1, never 0
  const d = m - 256n;
  const t = ((d < 0n ? -d : d) << P) / (m + 256n);
  const t2 = (t * t) >> P;
  let term = t;
  let sum = t;
  for (let n = 3n; term !== 0n; n += 2n) {
    term = (term * t2) >> P;
    sum += term / n;
  }
  return d < 0n ? -2n * sum : 2n * sum;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** The double whose high word is `high` and low word 0. */
function fromHigh(high: number): number {
  u32[1] = high;
  u32[0] = 0;
  return f64[0];
}

function build(): { invc: Float64Array; logc: Float64Array; logctail: Float64Array } {
  const invc = new Float64Array(N);
  const logc = new Float64Array(N);
  const logctail = new Float64Array(N);
  const step = 1 << (20 - POW_LOG_TABLE_BITS);
  for (let i = 0; i < N; i++) {
    const centre = (fromHigh(POW_LOG_OFF_HIGH + i * step) + fromHigh(POW_LOG_OFF_HIGH + (i + 1) * step)) / 2;
    const m = centre < 1 ? 2 * Math.round(N / centre) : Math.round((2 * N) / centre); // 1/c = m/256
    invc[i] = m / 256;
    const logC = -logOver256(BigInt(m));
    const high = (logC + (1n << (P - 44n))) >> (P - 43n); // nearest multiple of 2^-43
    logc[i] = Number(high) / 2 ** 43;
    logctail[i] = Number(logC - (high << (P - 43n))) / 2 ** Number(P);
  }
  return { invc, logc, logctail };
}

const table = build();
/** 1/c, a multiple of 2^-8. */
export const POW_LOG_INVC = table.invc;
/** log c rounded to a multiple of 2^-43. */
export const POW_LOG_LOGC = table.logc;
/** log c − logc, rounded to the nearest double. */
export const POW_LOG_LOGCTAIL = table.logctail;
