/*
 * Generates src/engine/math/glibcLogTable.ts: the 128 (invc, logc) pairs of glibc's double log
 * (the algorithm of ARM's optimized-routines, glibc 2.28 and later), found rather than copied.
 *
 * The published construction: for subinterval i of [0x1.6p-1, 0x1.6p0), try the +-2^29 doubles
 * invc around 1/centre and keep one where log(1/invc) is within 2^-66 of a multiple of 2^-43
 * (so k*ln2hi + logc is exact) and nearest it, subject to a condition on c's two-double split.
 * That condition is not stated exactly enough to reproduce, so the last step is a measurement:
 * each subinterval's pick is checked against this machine's libm log (the glibc CPython and
 * numpy call) on 200,000 inputs, and where it disagrees, the nearest candidate that agrees on
 * all of them is taken.
 *
 * The search walks log(1/invc)*2^43 mod 1 as a cubic in the candidate index by forward
 * differences in 128-bit fixed point (wrapping mod 1 for free), ~1 s a subinterval.
 *
 *   gcc -O2 -mfma -o /tmp/gen scripts/glibc-log-table/generateGlibcLogTable.c -lquadmath -lm
 *   /tmp/gen > src/engine/math/glibcLogTable.ts
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
#define RANGE (1L << 29)
#define MAX_CANDIDATES 4096
#define SAMPLES 200000

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
  double zlo = asDouble(OFF + ((uint64_t)i << 45));
  double zhi = asDouble(OFF + ((uint64_t)(i + 1) << 45));
  double invc0 = 1.0 / ((zlo + zhi) / 2);
  double ulp = asDouble(asBits(invc0) + 1) - invc0;
  __float128 q0 = invc0;
  __float128 tau = (__float128)ulp / q0;
  /* 2^43 * (log(1/invc0) - log(1 + j*tau)), as a polynomial in j */
  __float128 b1 = -0x1p43Q * tau, b2 = 0x1p43Q * tau * tau / 2;
  __float128 b3 = -0x1p43Q * tau * tau * tau / 3, b4 = 0x1p43Q * tau * tau * tau * tau / 4;
  __float128 j0 = -(__float128)RANGE;
  __float128 s0 = -0x1p43Q * logq(q0) + b1 * j0 + b2 * j0 * j0 + b3 * j0 * j0 * j0 +
                  b4 * j0 * j0 * j0 * j0;
  u128 value = toFixed(s0);
  u128 d1 = toFixed(b1 + b2 * (2 * j0 + 1) + b3 * (3 * j0 * j0 + 3 * j0 + 1));
  u128 d2 = toFixed(2 * b2 + b3 * (6 * j0 + 6));
  u128 d3 = toFixed(6 * b3);
  u128 threshold = (u128)1 << (128 - 23); /* 2^-66 / 2^-43 */
  int n = 0;
  for (long j = -RANGE; j <= RANGE; j++) {
    if (value + threshold < 2 * threshold && n < MAX_CANDIDATES) {
      double invc = invc0 + j * ulp;
      __float128 exact = -logq((__float128)invc);
      candidates[n].invc = invc;
      candidates[n].logc = (double)(roundq(exact * 0x1p43Q) * 0x1p-43Q);
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
  double zlo = asDouble(OFF + ((uint64_t)i << 45)), zhi = asDouble(OFF + ((uint64_t)(i + 1) << 45));
  double m1 = fabs(zlo - chi - clo), m2 = fabs(nextafter(zhi, 0) - chi - clo);
  int e;
  frexp(m1 > m2 ? m1 : m2, &e);
  double unit = ldexp(1, e - 53);
  double r = fmod(fabs(clo), unit);
  if (r > unit / 2) r = unit - r;
  return r < 0x1p-66;
}

static const double A[5] = {-0x1.0000000000001p-1, 0x1.555555551305bp-2, -0x1.fffffffeb459p-3,
                            0x1.999b324f10111p-3, -0x1.55575e506c89fp-3};
static const double LN2_HI = 0x1.62e42fefa3800p-1, LN2_LO = 0x1.ef35793c76730p-45;

/* glibc's FMA-build log off the near-1 path, with one table entry given. */
static double logWith(double x, double invc, double logc) {
  uint64_t ix = asBits(x), tmp = ix - OFF;
  int k = (int)((int64_t)tmp >> 52);
  double z = asDouble(ix - (tmp & 0xfffULL << 52));
  double r = fma(z, invc, -1.0), kd = k;
  double w = fma(kd, LN2_HI, logc), hi = w + r, lo = fma(kd, LN2_LO, w - hi + r);
  double r2 = r * r;
  double p = fma(r2, fma(r, A[4], A[3]), fma(r, A[2], A[1]));
  return fma(r * r2, p, fma(r2, A[0], lo)) + hi;
}

static uint64_t state = 88172645463325252ULL;
static uint64_t next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }
static double xs[SAMPLES], ys[SAMPLES];

static void sample(int i) {
  uint64_t lo1 = asBits(1.0 - 0x1p-4), hi1 = asBits(1.0 + 0x1.09p-4);
  for (int t = 0; t < SAMPLES; t++) {
    double x;
    do {
      int k = (int)(next() % 7) - 3;
      x = asDouble(OFF + ((uint64_t)i << 45) + (next() & ((1ULL << 45) - 1)) + ((uint64_t)(int64_t)k << 52));
    } while (asBits(x) - lo1 < hi1 - lo1);
    xs[t] = x;
    ys[t] = log(x);
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

int main(void) {
  printf("// Generated by scripts/glibc-log-table/generateGlibcLogTable.c: do not edit.\n");
  printf("// invc, logc for each of glibc log's 128 subintervals (how they were found: see there).\n\n");
  printf("// prettier-ignore\nexport const GLIBC_LOG_TABLE = [\n");
  int measured = 0;
  for (int i = 0; i < 128; i++) {
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
  fprintf(stderr, "%d of 128 entries chosen by measurement\n", measured);
  return 0;
}
