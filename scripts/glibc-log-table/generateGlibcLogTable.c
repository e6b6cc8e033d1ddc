/*
 * Generates the tables of glibc's double log and log2 (the algorithm of ARM's optimized-routines,
 * glibc 2.28 and later), found rather than copied: src/engine/math/glibcLogTable.ts (128 pairs
 * invc, logc) and src/engine/math/glibcLog2Table.ts (64 pairs).
 *
 * The published construction: for subinterval i of [0x1.6p-1, 0x1.6p0), try the doubles invc
 * around 1/centre and keep one where log(1/invc) (log2 for log2) is within 2^-66 (2^-68) of a
 * multiple of 2^-43 (2^-42), so k*ln2hi + logc (k + logc) is exact, and nearest it, subject to a
 * condition on c's two-double split. That condition is not stated exactly enough to reproduce,
 * so the last step is a measurement: each subinterval's pick is checked against this machine's
 * libm (the glibc CPython and numpy call) on 200,000 inputs, and where it disagrees, the nearest
 * candidate that agrees on all of them is taken. log's candidates lie within 2^29 ulps of
 * 1/centre; log2's within 2^30 (its published table reaches 1e9 ulps).
 *
 * The search walks the scaled log(1/invc) mod 1 as a cubic in the candidate index by forward
 * differences in 128-bit fixed point (wrapping mod 1 for free), 1 to 10 s a subinterval.
 *
 *   gcc -O2 -mfma -o /tmp/gen scripts/glibc-log-table/generateGlibcLogTable.c -lquadmath -lm
 *   /tmp/gen log > src/engine/math/glibcLogTable.ts
 *   /tmp/gen log2 > src/engine/math/glibcLog2Table.ts
 * (`/tmp/gen log2 FIRST LAST` does subintervals FIRST..LAST-1 only, to run parts in parallel.)
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
#define MAX_CANDIDATES 16384
#define SAMPLES 200000

static double asDouble(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
static uint64_t asBits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

typedef struct {
  const char *name, *table;
  int bits;           /* the table has 2^bits subintervals */
  long range;         /* candidates this many ulps either side of 1/centre */
  int scale;          /* logc is a multiple of 2^-scale */
  int closeBits;      /* |log(1/invc) - logc| < 2^-(scale + closeBits) */
  double splitLimit;  /* the split condition's bound */
  double nearLo, nearHi; /* the near-1 path, which does not read the table */
  int base2;          /* 0: log(1/invc); 1: log2(1/invc) = log(1/invc) / logq(2) */
  double (*evaluate)(double x, double invc, double logc);
  double (*libm)(double);
} Variant;

static const Variant *V;

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

/* Every invc within range ulps of 1/centre whose scaled log lies close to an integer. */
static int search(int i) {
  int shift = 52 - V->bits;
  double zlo = asDouble(OFF + ((uint64_t)i << shift));
  double zhi = asDouble(OFF + ((uint64_t)(i + 1) << shift));
  double invc0 = 1.0 / ((zlo + zhi) / 2);
  double ulp = asDouble(asBits(invc0) + 1) - invc0;
  __float128 q0 = invc0;
  __float128 tau = (__float128)ulp / q0;
  __float128 scale = ldexpq(1.0Q, V->scale), base = V->base2 ? logq(2.0Q) : 1.0Q;
  /* 2^scale * (log(1/invc0) - log(1 + j*tau)) / base, as a polynomial in j */
  __float128 b1 = -scale * tau / base, b2 = scale * tau * tau / 2 / base;
  __float128 b3 = -scale * tau * tau * tau / 3 / base, b4 = scale * tau * tau * tau * tau / 4 / base;
  __float128 j0 = -(__float128)V->range;
  __float128 s0 = -scale * logq(q0) / base + b1 * j0 + b2 * j0 * j0 + b3 * j0 * j0 * j0 +
                  b4 * j0 * j0 * j0 * j0;
  u128 value = toFixed(s0);
  u128 d1 = toFixed(b1 + b2 * (2 * j0 + 1) + b3 * (3 * j0 * j0 + 3 * j0 + 1));
  u128 d2 = toFixed(2 * b2 + b3 * (6 * j0 + 6));
  u128 d3 = toFixed(6 * b3);
  u128 threshold = (u128)1 << (128 - V->closeBits);
  int n = 0;
  for (long j = -V->range; j <= V->range; j++) {
    if (value + threshold < 2 * threshold && n < MAX_CANDIDATES) {
      double invc = invc0 + j * ulp;
      __float128 exact = -logq((__float128)invc) / base;
      candidates[n].invc = invc;
      candidates[n].logc = (double)(roundq(exact * scale) / scale);
      candidates[n].distance = fabs((double)(exact - candidates[n].logc));
      n++;
    }
    value += d1;
    d1 += d2;
    d2 += d3;
  }
  return n;
}

/* The published split condition as read here: |((z - chi) - clo) rounding error| < splitLimit. */
static int splitIsExactEnough(int i, double invc) {
  __float128 c = 1 / (__float128)invc;
  double chi = (double)c, clo = (double)(c - chi);
  int shift = 52 - V->bits;
  double zlo = asDouble(OFF + ((uint64_t)i << shift)), zhi = asDouble(OFF + ((uint64_t)(i + 1) << shift));
  double m1 = fabs(zlo - chi - clo), m2 = fabs(nextafter(zhi, 0) - chi - clo);
  int e;
  frexp(m1 > m2 ? m1 : m2, &e);
  double unit = ldexp(1, e - 53);
  double r = fmod(fabs(clo), unit);
  if (r > unit / 2) r = unit - r;
  return r < V->splitLimit;
}

static const double LOG_A[5] = {-0x1.0000000000001p-1, 0x1.555555551305bp-2, -0x1.fffffffeb459p-3,
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
  double p = fma(r2, fma(r, LOG_A[4], LOG_A[3]), fma(r, LOG_A[2], LOG_A[1]));
  return fma(r * r2, p, fma(r2, LOG_A[0], lo)) + hi;
}

static const double A[6] = {-0x1.71547652b8339p-1, 0x1.ec709dc3a04bep-2, -0x1.7154764702ffbp-2,
                            0x1.2776c50034c48p-2, -0x1.ec7b328ea92bcp-3, 0x1.a6225e117f92ep-3};
static const double INVLN2_HI = 0x1.7154765200000p+0, INVLN2_LO = 0x1.705fc2eefa200p-33;

/* glibc's FMA-build log2 off the near-1 path, with one table entry given. */
static double log2With(double x, double invc, double logc) {
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
  uint64_t lo1 = asBits(V->nearLo), hi1 = asBits(V->nearHi);
  int shift = 52 - V->bits;
  for (int t = 0; t < SAMPLES; t++) {
    double x;
    do {
      int k = (int)(next() % 7) - 3;
      x = asDouble(OFF + ((uint64_t)i << shift) + (next() & ((1ULL << shift) - 1)) + ((uint64_t)(int64_t)k << 52));
    } while (asBits(x) - lo1 < hi1 - lo1);
    xs[t] = x;
    ys[t] = V->libm(x);
  }
}

static int agrees(Candidate *c) {
  for (int t = 0; t < SAMPLES; t++)
    if (V->evaluate(xs[t], c->invc, c->logc) != ys[t]) return 0;
  return 1;
}

static int byDistance(const void *a, const void *b) {
  double d = ((const Candidate *)a)->distance - ((const Candidate *)b)->distance;
  return d < 0 ? -1 : d > 0;
}

static const Variant VARIANTS[] = {
    {"log", "GLIBC_LOG_TABLE", 7, 1L << 29, 43, 23, 0x1p-66, 1.0 - 0x1p-4, 1.0 + 0x1.09p-4, 0, logWith, log},
    {"log2", "GLIBC_LOG2_TABLE", 6, 1L << 30, 42, 26, 0x1p-64, 1.0 - 0x1.5b51p-5, 1.0 + 0x1.6ab2p-5, 1, log2With,
     log2},
};

int main(int argc, char **argv) {
  for (size_t v = 0; v < sizeof VARIANTS / sizeof VARIANTS[0]; v++)
    if (argc > 1 && strcmp(argv[1], VARIANTS[v].name) == 0) V = &VARIANTS[v];
  if (!V) { fprintf(stderr, "usage: %s log|log2 [FIRST LAST]\n", argv[0]); return 2; }
  int count = 1 << V->bits;
  int first = argc > 3 ? atoi(argv[2]) : 0, last = argc > 3 ? atoi(argv[3]) : count;
  printf("// Generated by scripts/glibc-log-table/generateGlibcLogTable.c: do not edit.\n");
  printf("// invc, logc for each of glibc %s's %d subintervals (how they were found: see there).\n\n", V->name, count);
  printf("// prettier-ignore\nexport const %s = [\n", V->table);
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
  fprintf(stderr, "%d of %d entries chosen by measurement\n", measured, last - first);
  return 0;
}
