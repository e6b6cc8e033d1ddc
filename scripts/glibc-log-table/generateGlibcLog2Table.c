/*
 * Generates src/engine/math/glibcLog2Table.ts: the 64 (invc, logc) pairs of glibc's double log2,
 * found the way generateGlibcLogTable.c finds log's (see there), with log2's constants: logc a
 * multiple of 2^-42 within 2^-68 of log2(1/invc), candidates within 2^30 ulps of 1/centre (the
 * published table reaches 1e9 ulps), each pick checked against this machine's libm log2.
 *
 *   gcc -O2 -mfma -o /tmp/gen2 scripts/glibc-log-table/generateGlibcLog2Table.c -lquadmath -lm
 *   /tmp/gen2 > src/engine/math/glibcLog2Table.ts
 * (`/tmp/gen2 FIRST LAST` does subintervals FIRST..LAST-1 only, to run parts in parallel.)
 */
#include <math.h>
#include <quadmath.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

#define OFF 0x3fe6000000000000ULL
#define RANGE (1L << 30)
#define MAX_CANDIDATES 16384
#define SAMPLES 200000
#define BITS 6
#define NSUB (1 << BITS)
#define SHIFT (52 - BITS)

static double asDouble(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
static uint64_t asBits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

/* frac(x) * 2^128, x of either sign (mod 1). */
static u128 toFixed(__float128 x) {
  if (x < 0) return -toFixed(-x);
  __float128 f = x - floorq(x);
  __float128 hi = floorq(f * 0x1p64Q);
  __float128 lo = (f * 0x1p64Q - hi) * 0x1p64Q;
  return ((u128)(uint64_t)hi << 64) + (u128)(uint64_t)lo;
}

typedef struct { double invc; double logc; double distance; } Candidate;

static Candidate candidates[MAX_CANDIDATES];

/* Every invc within RANGE ulps of 1/centre whose log(1/invc) lies within 2^-66 of k*2^-43. */
static int search(int i) {
  double zlo = asDouble(OFF + ((uint64_t)i << SHIFT));
  double zhi = asDouble(OFF + ((uint64_t)(i + 1) << SHIFT));
  double invc0 = 1.0 / ((zlo + zhi) / 2);
  double ulp = asDouble(asBits(invc0) + 1) - invc0;
  __float128 q0 = invc0;
  __float128 tau = (__float128)ulp / q0;
  const __float128 LN2 = logq(2.0Q);
  /* 2^43 * (log(1/invc0) - log(1 + j*tau)), as a polynomial in j */
  __float128 b1 = -0x1p42Q * tau / LN2, b2 = 0x1p42Q * tau * tau / 2 / LN2;
  __float128 b3 = -0x1p42Q * tau * tau * tau / 3 / LN2, b4 = 0x1p42Q * tau * tau * tau * tau / 4 / LN2;
  __float128 j0 = -(__float128)RANGE;
  __float128 s0 = -0x1p42Q * logq(q0) / LN2 + b1 * j0 + b2 * j0 * j0 + b3 * j0 * j0 * j0 +
                  b4 * j0 * j0 * j0 * j0;
  u128 value = toFixed(s0);
  u128 d1 = toFixed(b1 + b2 * (2 * j0 + 1) + b3 * (3 * j0 * j0 + 3 * j0 + 1));
  u128 d2 = toFixed(2 * b2 + b3 * (6 * j0 + 6));
  u128 d3 = toFixed(6 * b3);
  u128 threshold = (u128)1 << (128 - 26); /* 2^-68 / 2^-42 */
  int n = 0;
  for (long j = -RANGE; j <= RANGE; j++) {
    if (value + threshold < 2 * threshold && n < MAX_CANDIDATES) {
      double invc = invc0 + j * ulp;
      __float128 exact = -logq((__float128)invc) / logq(2.0Q);
      candidates[n].invc = invc;
      candidates[n].logc = (double)(roundq(exact * 0x1p42Q) * 0x1p-42Q);
      candidates[n].distance = fabs((double)(exact - candidates[n].logc));
      n++;
    }
    value += d1;
    d1 += d2;
    d2 += d3;
  }
  return n;
}

/* The published split condition as read here: |((z - chi) - clo) rounding error| < 2^-66. */
static int splitIsExactEnough(int i, double invc) {
  __float128 c = 1 / (__float128)invc;
  double chi = (double)c, clo = (double)(c - chi);
  double zlo = asDouble(OFF + ((uint64_t)i << SHIFT)), zhi = asDouble(OFF + ((uint64_t)(i + 1) << SHIFT));
  double m1 = fabs(zlo - chi - clo), m2 = fabs(nextafter(zhi, 0) - chi - clo);
  int e;
  frexp(m1 > m2 ? m1 : m2, &e);
  double unit = ldexp(1, e - 53);
  double r = fmod(fabs(clo), unit);
  if (r > unit / 2) r = unit - r;
  return r < 0x1p-64;
}

static const double A[6] = {-0x1.71547652b8339p-1, 0x1.ec709dc3a04bep-2, -0x1.7154764702ffbp-2,
                            0x1.2776c50034c48p-2, -0x1.ec7b328ea92bcp-3, 0x1.a6225e117f92ep-3};
static const double INVLN2_HI = 0x1.7154765200000p+0, INVLN2_LO = 0x1.705fc2eefa200p-33;

static double logWith(double x, double invc, double logc) {
  uint64_t ix = asBits(x), tmp = ix - OFF;
  int k = (int)((int64_t)tmp >> 52);
  double z = asDouble(ix - (tmp & 0xfffULL << 52));
  double kd = k;
  double r = fma(z, invc, -1.0);
  double t1 = r * INVLN2_HI;
  double t2 = fma(r, INVLN2_LO, fma(r, INVLN2_HI, -t1));
  double t3 = kd + logc;
  double hi = t3 + t1;
  double lo = t3 - hi + t1 + t2;
  double r2 = r * r, r4 = r2 * r2;
  double p = fma(r4, fma(r, A[5], A[4]), fma(r2, fma(r, A[3], A[2]), fma(r, A[1], A[0])));
  return fma(r2, p, lo) + hi;
}

static uint64_t state = 88172645463325252ULL;
static uint64_t next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }
static double xs[SAMPLES], ys[SAMPLES];

static void sample(int i) {
  uint64_t lo1 = asBits(1.0 - 0x1.5b51p-5), hi1 = asBits(1.0 + 0x1.6ab2p-5);
  for (int t = 0; t < SAMPLES; t++) {
    double x;
    do {
      int k = (int)(next() % 7) - 3;
      x = asDouble(OFF + ((uint64_t)i << SHIFT) + (next() & ((1ULL << SHIFT) - 1)) + ((uint64_t)(int64_t)k << 52));
    } while (asBits(x) - lo1 < hi1 - lo1);
    xs[t] = x;
    ys[t] = log2(x);
  }
}

static int agrees(Candidate *c) {
  for (int t = 0; t < SAMPLES; t++)
    if (logWith(xs[t], c->invc, c->logc) != ys[t]) return 0;
  return 1;
}

static int byDistance(const void *a, const void *b) {
  double d = ((const Candidate *)a)->distance - ((const Candidate *)b)->distance;
  return d < 0 ? -1 : d > 0;
}

int main(int argc, char **argv) {
  int first = argc > 2 ? atoi(argv[1]) : 0, last = argc > 2 ? atoi(argv[2]) : NSUB;
  printf("// Generated by scripts/glibc-log-table/generateGlibcLog2Table.c: do not edit.\n");
  printf("// invc, logc for each of glibc log2's 64 subintervals (how they were found: see there).\n\n");
  printf("// prettier-ignore\nexport const GLIBC_LOG2_TABLE = [\n");
  int measured = 0;
  for (int i = first; i < last; i++) {
    int n = search(i);
    qsort(candidates, n, sizeof(Candidate), byDistance);
    Candidate *pick = NULL;
    for (int t = 0; t < n && !pick; t++)
      if (splitIsExactEnough(i, candidates[t].invc)) pick = &candidates[t];
    sample(i);
    if (!pick || !agrees(pick)) {
      pick = NULL;
      for (int t = 0; t < n && !pick; t++)
        if (agrees(&candidates[t])) pick = &candidates[t];
      if (!pick) { fprintf(stderr, "subinterval %d: no candidate agrees with libm\n", i); return 1; }
      measured++;
    }
    printf("  %.17g, %.17g,\n", pick->invc, pick->logc);
    fprintf(stderr, "%d: %d candidates\n", i, n);
  }
  printf("];\n");
  fprintf(stderr, "%d of 64 entries chosen by measurement\n", measured);
  return 0;
}
