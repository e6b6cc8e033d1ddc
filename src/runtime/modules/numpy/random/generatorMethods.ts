import { allocFloat64 } from "../../../../engine/memory";
import type { Generator } from "../../../random/numpy/index";
import { legacyBinomial, type BinomialCache } from "../../../random/numpy/legacyBinomial";
import { legacyPoisson, LEGACY_POISSON_LAM_MAX } from "../../../random/numpy/poisson";
import { PyInt, type Kwargs, type PyValue } from "../../../interpreter/objects";
import { PyError, UnsupportedError, valueError } from "../../../interpreter/pyErrors";
import { boolArg } from "../../torchArgs";
import { intOf } from "../convert";
import { arrayFromValues } from "../creation";
import type { NumpyState } from "../numpyState";
import { integerDraw } from "./integerDraw";
import {
  bindArgs,
  broadcastDraw,
  continuous,
  countOf,
  floatDtypeArg,
  floatParam,
  intDtypeArg,
  paramValues,
  sizeArg,
  type IntDtypeArg,
} from "./randomArgs";
import { choice, permutation, shuffle } from "./sampling";

/**
 * The methods of numpy's `Generator` (`np.random.default_rng(seed)`): floats, normals (by the
 * ziggurat), integers (Lemire's method), choice, permutation and shuffle, each returning what
 * numpy returns — a Python float for one float draw, a numpy scalar for one integer, else an
 * ndarray.
 */

export type GeneratorMethod = (g: Generator, args: PyValue[], kwargs: Kwargs) => PyValue;

const INTEGERS_DEFAULT: IntDtypeArg = { np: "int64", stream: "int64", python: null };

function noOut(fname: string, v: PyValue | undefined): void {
  if (v !== undefined && v !== null)
    throw new UnsupportedError(`${fname}(out=...) is not supported by GradLens`);
}

function axisZero(fname: string, v: PyValue | undefined): void {
  if (v !== undefined && intOf(v) !== 0)
    throw new UnsupportedError(`${fname}(axis=...) other than 0 is not supported by GradLens`);
}

const binomialCaches = new WeakMap<Generator, BinomialCache>();

function manyOf(count: number, one: () => number): Float64Array {
  const out = allocFloat64(count);
  for (let i = 0; i < count; i++) out[i] = one();
  return out;
}

export function generatorMethods(s: NumpyState): Map<string, GeneratorMethod> {
  const m = new Map<string, GeneratorMethod>();
  m.set("random", (g, args, kwargs) => {
    const a = bindArgs("random", args, kwargs, ["size", "dtype", "out"]);
    const dtype = floatDtypeArg(s, a.dtype, "random", true);
    noOut("random", a.out);
    const shape = sizeArg(s, a.size);
    if (dtype === "float32") {
      // numpy's next_float: the top 24 bits of a 32-bit word
      const values = manyOf(
        shape === null ? 1 : countOf(shape),
        () => (g.bitgen.nextUint32() >>> 8) / 16777216,
      );
      // one draw is a Python float holding the float32 value, as numpy gives it
      if (shape === null) return values[0];
      return arrayFromValues(s, values, shape, "float32");
    }
    if (shape === null) return g.randomScalar();
    return arrayFromValues(s, g.random(countOf(shape)), shape, "float64");
  });
  m.set("standard_normal", (g, args, kwargs) => {
    const a = bindArgs("standard_normal", args, kwargs, ["size", "dtype", "out"]);
    floatDtypeArg(s, a.dtype, "standard_normal", false);
    noOut("standard_normal", a.out);
    const shape = sizeArg(s, a.size);
    if (shape === null) return g.standardNormalScalar();
    return arrayFromValues(s, g.standardNormal(countOf(shape)), shape, "float64");
  });
  m.set("normal", (g, args, kwargs) => {
    const a = bindArgs("normal", args, kwargs, ["loc", "scale", "size"]);
    const loc = floatParam(s, a.loc ?? 0);
    const scale = floatParam(s, a.scale ?? 1);
    for (const v of paramValues(scale)) if (v < 0 || Object.is(v, -0)) throw valueError("scale < 0");
    return continuous(
      s,
      [loc, scale],
      sizeArg(s, a.size),
      (n) => g.normal(loc.scalar, scale.scalar, n),
      ([l, sc]) => g.normalScalar(l, sc),
    );
  });
  m.set("uniform", (g, args, kwargs) => {
    const a = bindArgs("uniform", args, kwargs, ["low", "high", "size"]);
    const low = floatParam(s, a.low ?? 0);
    const high = floatParam(s, a.high ?? 1);
    if (low.tensor !== null || high.tensor !== null) {
      const { values } = broadcastDraw([low, high], null, ([l, h]) => h - l);
      if (values.some((r) => !Number.isFinite(r)))
        throw new PyError("OverflowError", "Range exceeds valid bounds");
      if (values.some((r) => r < 0 || Object.is(r, -0))) throw valueError("high - low < 0");
    }
    return continuous(
      s,
      [low, high],
      sizeArg(s, a.size),
      (n) => g.uniform(low.scalar, high.scalar, n),
      ([l, h]) => g.uniformScalar(l, h),
    );
  });
  m.set("integers", (g, args, kwargs) => {
    const a = bindArgs("integers", args, kwargs, ["low", "high", "size", "dtype", "endpoint"], 1);
    const dtype = intDtypeArg(s, a.dtype, "integers", INTEGERS_DEFAULT);
    const endpoint = boolArg(a.endpoint, false);
    return integerDraw(s, a.low, a.high, a.size, dtype, {
      scalar: (lo, hi, n) => g.integers(lo, hi, n, dtype.stream, endpoint),
      exact: (lo, hi, n) => g.integersExact(lo, hi, n, dtype.stream, endpoint),
      pairs: (lows, highs) => g.integersBroadcast(lows, highs, dtype.stream, endpoint),
    });
  });
  m.set("binomial", (g, args, kwargs) => {
    const a = bindArgs("binomial", args, kwargs, ["n", "p", "size"], 2);
    const n = floatParam(s, a.n ?? null);
    const p = floatParam(s, a.p ?? null);
    for (const x of paramValues(n)) if (Math.trunc(x) < 0) throw valueError("n < 0");
    for (const x of paramValues(p)) if (!(x >= 0 && x <= 1)) throw valueError("p < 0, p > 1 or p is NaN");
    // numpy's Generator runs the same sampler as RandomState, with a cache of its own
    let cache = binomialCaches.get(g);
    if (cache === undefined) binomialCaches.set(g, (cache = { n: -1, p: NaN }));
    const one = ([nn, pp]: number[]) => legacyBinomial(g.bitgen, pp, Math.trunc(nn), cache);
    return continuous(
      s,
      [n, p],
      sizeArg(s, a.size),
      (count) => manyOf(count, () => one([n.scalar, p.scalar])),
      one,
      "int64",
    );
  });
  m.set("poisson", (g, args, kwargs) => {
    const a = bindArgs("poisson", args, kwargs, ["lam", "size"]);
    const lam = floatParam(s, a.lam ?? 1);
    for (const x of paramValues(lam)) {
      if (!(x >= 0)) throw valueError("lam < 0 or lam is NaN");
      if (!(x <= LEGACY_POISSON_LAM_MAX)) throw valueError("lam value too large");
    }
    const one = ([l]: number[]) => legacyPoisson(g.bitgen, l);
    return continuous(
      s,
      [lam],
      sizeArg(s, a.size),
      (count) => manyOf(count, () => one([lam.scalar])),
      one,
      "int64",
    );
  });
  m.set("choice", (g, args, kwargs) => {
    const a = bindArgs("choice", args, kwargs, ["a", "size", "replace", "p", "axis", "shuffle"], 1);
    // an int population has no axis to speak of: numpy ignores it there
    if (!(a.a instanceof PyInt)) axisZero("choice", a.axis);
    return choice(s, g, a.a ?? null, {
      size: a.size,
      replace: boolArg(a.replace, true),
      p: a.p,
      shuffle: boolArg(a.shuffle, true),
      legacy: false,
    });
  });
  m.set("permutation", (g, args, kwargs) => {
    const a = bindArgs("permutation", args, kwargs, ["x", "axis"], 1);
    axisZero("permutation", a.axis);
    return permutation(s, g, a.x ?? null, false);
  });
  m.set("shuffle", (g, args, kwargs) => {
    const a = bindArgs("shuffle", args, kwargs, ["x", "axis"], 1);
    axisZero("shuffle", a.axis);
    return shuffle(s, g, a.x ?? null);
  });
  return m;
}

/** Generator methods numpy has and GradLens does not draw: named, so that they say so. */
export const GENERATOR_UNSUPPORTED = (
  "beta bytes chisquare dirichlet exponential f gamma geometric gumbel hypergeometric " +
  "laplace logistic lognormal logseries multinomial multivariate_hypergeometric " +
  "multivariate_normal negative_binomial noncentral_chisquare noncentral_f pareto permuted " +
  "power rayleigh standard_cauchy standard_exponential standard_gamma standard_t " +
  "triangular vonmises wald weibull zipf spawn"
).split(" ");
