import type { LegacySeed, RandomState } from "../../../random/numpy/index";
import {
  int,
  PyDict,
  PyInt,
  PyList,
  PyTuple,
  toBigInt,
  type Kwargs,
  type PyValue,
} from "../../../interpreter/objects";
import { dictGet, dictSet } from "../../../interpreter/collections";
import { PyError, typeError, valueError } from "../../../interpreter/pyErrors";
import { boolArg } from "../../torchArgs";
import { asArray, numberOf } from "../convert";
import { arrayFromValues } from "../creation";
import { NdArray, NpScalar } from "../ndarray";
import type { NumpyState } from "../numpyState";
import {
  bindArgs,
  broadcastDraw,
  continuous,
  countOf,
  dimsArg,
  floatParam,
  intDtypeArg,
  noKeywords,
  paramValues,
  sizeArg,
  type IntDtypeArg,
  type Param,
} from "./randomArgs";
import { integerDraw } from "./integerDraw";
import { choice, permutation, shuffle } from "./sampling";

/**
 * numpy's legacy RandomState methods — the functions of `np.random` (on the run's global
 * RandomState) and the methods of `np.random.RandomState(seed)` objects — reading their
 * arguments as numpy does and returning what numpy returns: a Python float or int for one draw
 * without `size`, else an ndarray (float64, or int64 for integer draws).
 */

export type LegacyMethod = (rs: RandomState, args: PyValue[], kwargs: Kwargs) => PyValue;

/** numpy's default for randint: Python's int (int64 arrays; one draw is a Python int). */
const RANDINT_DEFAULT: IntDtypeArg = { np: "int64", stream: "int64", python: "int" };

/** A legacy seed as `np.random.seed` takes it: None, an int, or a sequence of ints. */
export function legacySeed(s: NumpyState, v: PyValue | undefined): LegacySeed {
  if (v === undefined || v === null) return null;
  if (v instanceof PyInt) return toBigInt(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof NpScalar) {
    if (v.dtype === "float64" || v.dtype === "float32")
      throw typeError(
        `Cannot cast scalar from dtype('${v.dtype}') to dtype('int64') according to the rule 'safe'`,
      );
    return v.value;
  }
  if (typeof v === "number")
    throw typeError(
      "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'",
    );
  if (typeof v === "string")
    throw typeError(
      `Cannot cast scalar from dtype('<U${v.length}') to dtype('int64') according to the rule 'safe'`,
    );
  if (v instanceof PyList || v instanceof PyTuple)
    return v.items.map((x) => (x instanceof PyInt ? toBigInt(x) : numberOf(x)));
  if (v instanceof NdArray) {
    const values = [...s.current(v).values()];
    if (v.dtype === "float64" || v.dtype === "float32")
      throw typeError(
        `Cannot cast array data from dtype('${v.dtype}') to dtype('int64') according to the rule 'safe'`,
      );
    return v.ndim === 0 ? values[0] : values;
  }
  throw typeError(`Cannot cast scalar from dtype('O') to dtype('int64') according to the rule 'safe'`);
}

/** `get_state(legacy=True)`: ('MT19937', key, pos, has_gauss, cached_gaussian), or the dict form. */
function getState(s: NumpyState, rs: RandomState, legacy: boolean): PyValue {
  const st = rs.getState();
  const key = arrayFromValues(s, Float64Array.from(st.key), [st.key.length], "int64");
  const hasGauss = int(st.hasGauss ? 1 : 0);
  if (legacy) return new PyTuple(["MT19937", key, int(st.pos), hasGauss, st.gauss]);
  const inner = new PyDict();
  dictSet(inner, "key", key);
  dictSet(inner, "pos", int(st.pos));
  const d = new PyDict();
  dictSet(d, "bit_generator", "MT19937");
  dictSet(d, "state", inner);
  dictSet(d, "has_gauss", hasGauss);
  dictSet(d, "gauss", st.gauss);
  return d;
}

/** `set_state(state)`: the tuple get_state gives (3 or 5 items), or its dict form. */
function setState(s: NumpyState, rs: RandomState, state: PyValue): void {
  let key: PyValue;
  let pos: PyValue;
  let hasGauss: PyValue = int(0);
  let gauss: PyValue = 0;
  if (state instanceof PyDict) {
    const inner = dictGet(state, "state");
    if (dictGet(state, "bit_generator") === undefined || !(inner instanceof PyDict))
      throw valueError("state dictionary is not valid.");
    key = dictGet(inner, "key") ?? null;
    pos = dictGet(inner, "pos") ?? null;
    hasGauss = dictGet(state, "has_gauss") ?? hasGauss;
    gauss = dictGet(state, "gauss") ?? gauss;
  } else if (state instanceof PyTuple || state instanceof PyList) {
    const items = state.items;
    if (items.length === 0) throw new PyError("IndexError", "tuple index out of range");
    if (items[0] !== "MT19937")
      throw valueError("set_state can only be used with legacy MT19937state instances.");
    if (items.length < 3) throw new PyError("IndexError", "tuple index out of range");
    [, key, pos] = items;
    if (items.length > 3) {
      if (items.length < 5) throw new PyError("IndexError", "tuple index out of range");
      [, , , hasGauss, gauss] = items;
    }
  } else throw typeError("state must be a dict or a tuple.");
  const words = s.current(asArray(s, key)).values();
  rs.setState({
    key: Uint32Array.from(words),
    pos: numberOf(pos),
    hasGauss: numberOf(hasGauss) !== 0,
    gauss: numberOf(gauss),
  });
}

/** A float array of `shape`, or a Python float when there is no size. */
function floats(
  s: NumpyState,
  shape: number[] | null,
  many: (n: number) => Float64Array,
  one: () => number,
): PyValue {
  if (shape === null) return one();
  return arrayFromValues(s, many(countOf(shape)), shape, "float64");
}

function nonNegative(p: Param, name: string): void {
  for (const v of paramValues(p)) if (v < 0 || Object.is(v, -0)) throw valueError(`${name} < 0`);
}

/** The methods, by name; each reads its arguments and draws from the given RandomState. */
export function legacyMethods(s: NumpyState): Map<string, LegacyMethod> {
  const m = new Map<string, LegacyMethod>();
  m.set("seed", (rs, args, kwargs) => {
    const a = bindArgs("seed", args, kwargs, ["seed"]);
    rs.seed(legacySeed(s, a.seed));
    return null;
  });
  m.set("get_state", (rs, args, kwargs) => {
    const a = bindArgs("get_state", args, kwargs, ["legacy"]);
    return getState(s, rs, boolArg(a.legacy, true));
  });
  m.set("set_state", (rs, args, kwargs) => {
    const a = bindArgs("set_state", args, kwargs, ["state"], 1);
    setState(s, rs, a.state ?? null);
    return null;
  });
  m.set("rand", (rs, args, kwargs) => {
    noKeywords("rand", kwargs);
    const dims = dimsArg(args);
    return floats(
      s,
      args.length === 0 ? null : dims,
      (n) => rs.randomSample(n),
      () => rs.randomScalar(),
    );
  });
  m.set("randn", (rs, args, kwargs) => {
    noKeywords("randn", kwargs);
    const dims = dimsArg(args);
    return floats(
      s,
      args.length === 0 ? null : dims,
      (n) => rs.standardNormal(n),
      () => rs.standardNormalScalar(),
    );
  });
  for (const name of ["random_sample", "random", "ranf", "sample"])
    m.set(name, (rs, args, kwargs) => {
      const a = bindArgs(name, args, kwargs, ["size"]);
      return floats(
        s,
        sizeArg(s, a.size),
        (n) => rs.randomSample(n),
        () => rs.randomScalar(),
      );
    });
  m.set("standard_normal", (rs, args, kwargs) => {
    const a = bindArgs("standard_normal", args, kwargs, ["size"]);
    return floats(
      s,
      sizeArg(s, a.size),
      (n) => rs.standardNormal(n),
      () => rs.standardNormalScalar(),
    );
  });
  m.set("uniform", (rs, args, kwargs) => {
    const a = bindArgs("uniform", args, kwargs, ["low", "high", "size"]);
    const low = floatParam(s, a.low ?? 0);
    const high = floatParam(s, a.high ?? 1);
    const shape = sizeArg(s, a.size);
    if (low.tensor !== null || high.tensor !== null) {
      // numpy checks every range first
      const { values } = broadcastDraw([low, high], null, ([l, h]) => h - l);
      if (values.some((r) => !Number.isFinite(r)))
        throw new PyError("OverflowError", "Range exceeds valid bounds");
    }
    return continuous(
      s,
      [low, high],
      shape,
      (n) => rs.uniform(low.scalar, high.scalar, n),
      ([l, h]) => rs.uniformScalar(l, h),
    );
  });
  m.set("normal", (rs, args, kwargs) => {
    const a = bindArgs("normal", args, kwargs, ["loc", "scale", "size"]);
    const loc = floatParam(s, a.loc ?? 0);
    const scale = floatParam(s, a.scale ?? 1);
    nonNegative(scale, "scale");
    return continuous(
      s,
      [loc, scale],
      sizeArg(s, a.size),
      (n) => rs.normal(loc.scalar, scale.scalar, n),
      ([l, sc]) => rs.normalScalar(l, sc),
    );
  });
  m.set("standard_exponential", (rs, args, kwargs) => {
    const a = bindArgs("standard_exponential", args, kwargs, ["size"]);
    return floats(
      s,
      sizeArg(s, a.size),
      (n) => rs.standardExponential(n),
      () => rs.exponentialScalar(1),
    );
  });
  m.set("exponential", (rs, args, kwargs) => {
    const a = bindArgs("exponential", args, kwargs, ["scale", "size"]);
    const scale = floatParam(s, a.scale ?? 1);
    nonNegative(scale, "scale");
    return continuous(
      s,
      [scale],
      sizeArg(s, a.size),
      (n) => rs.exponential(scale.scalar, n),
      ([sc]) => rs.exponentialScalar(sc),
    );
  });
  m.set("standard_gamma", (rs, args, kwargs) => {
    const a = bindArgs("standard_gamma", args, kwargs, ["shape", "size"], 1);
    const shape = floatParam(s, a.shape ?? null);
    nonNegative(shape, "shape");
    return continuous(
      s,
      [shape],
      sizeArg(s, a.size),
      (n) => rs.gamma(shape.scalar, 1, n),
      ([k]) => rs.gammaScalar(k),
    );
  });
  m.set("gamma", (rs, args, kwargs) => {
    const a = bindArgs("gamma", args, kwargs, ["shape", "scale", "size"], 1);
    const shape = floatParam(s, a.shape ?? null);
    const scale = floatParam(s, a.scale ?? 1);
    nonNegative(shape, "shape");
    nonNegative(scale, "scale");
    return continuous(
      s,
      [shape, scale],
      sizeArg(s, a.size),
      (n) => rs.gamma(shape.scalar, scale.scalar, n),
      ([k, sc]) => rs.gammaScalar(k, sc),
    );
  });
  m.set("beta", (rs, args, kwargs) => {
    const a = bindArgs("beta", args, kwargs, ["a", "b", "size"], 2);
    const pa = floatParam(s, a.a ?? null);
    const pb = floatParam(s, a.b ?? null);
    for (const v of paramValues(pa)) if (v <= 0) throw valueError("a <= 0"); // NaN passes, as numpy's check lets it
    for (const v of paramValues(pb)) if (v <= 0) throw valueError("b <= 0");
    return continuous(
      s,
      [pa, pb],
      sizeArg(s, a.size),
      (n) => rs.beta(pa.scalar, pb.scalar, n),
      ([x, y]) => rs.betaScalar(x, y),
    );
  });
  m.set("randint", (rs, args, kwargs) => {
    const a = bindArgs("randint", args, kwargs, ["low", "high", "size", "dtype"], 1);
    const dtype = intDtypeArg(s, a.dtype, "randint", RANDINT_DEFAULT);
    return integerDraw(s, a.low, a.high, a.size, dtype, {
      scalar: (lo, hi, n) => rs.randint(lo, hi, n, dtype.stream),
      exact: (lo, hi, n) => rs.randintExact(lo, hi, n, dtype.stream),
      pairs: (lows, highs) => rs.randintBroadcast(lows, highs, dtype.stream),
    });
  });
  m.set("binomial", (rs, args, kwargs) => {
    const a = bindArgs("binomial", args, kwargs, ["n", "p", "size"], 2);
    const n = floatParam(s, a.n ?? null);
    const p = floatParam(s, a.p ?? null);
    const trials = (x: number) => Math.trunc(x);
    for (const x of paramValues(n)) if (trials(x) < 0) throw valueError("n < 0");
    for (const x of paramValues(p)) if (!(x >= 0 && x <= 1)) throw valueError("p < 0, p > 1 or p is NaN");
    return continuous(
      s,
      [n, p],
      sizeArg(s, a.size),
      (count) => rs.binomial(trials(n.scalar), p.scalar, count),
      ([nn, pp]) => rs.binomialScalar(trials(nn), pp),
      "int64",
    );
  });
  m.set("poisson", (rs, args, kwargs) => {
    const a = bindArgs("poisson", args, kwargs, ["lam", "size"]);
    const lam = floatParam(s, a.lam ?? 1);
    for (const x of paramValues(lam)) if (!(x >= 0)) throw valueError("lam < 0 or lam is NaN");
    return continuous(
      s,
      [lam],
      sizeArg(s, a.size),
      (count) => rs.poisson(lam.scalar, count),
      ([l]) => rs.poissonScalar(l),
      "int64",
    );
  });
  m.set("choice", (rs, args, kwargs) => {
    const a = bindArgs("choice", args, kwargs, ["a", "size", "replace", "p"], 1);
    return choice(s, rs, a.a ?? null, {
      size: a.size,
      replace: boolArg(a.replace, true),
      p: a.p,
      shuffle: true,
      legacy: true,
    });
  });
  m.set("permutation", (rs, args, kwargs) => {
    const a = bindArgs("permutation", args, kwargs, ["x"], 1);
    return permutation(s, rs, a.x ?? null, true);
  });
  m.set("shuffle", (rs, args, kwargs) => {
    const a = bindArgs("shuffle", args, kwargs, ["x"], 1);
    return shuffle(s, rs, a.x ?? null);
  });
  return m;
}

/** RandomState's methods numpy has and GradLens does not draw: named, so that they say so. */
export const LEGACY_UNSUPPORTED = (
  "bytes chisquare dirichlet f geometric gumbel hypergeometric laplace logistic " +
  "lognormal logseries multinomial multivariate_normal negative_binomial noncentral_chisquare " +
  "noncentral_f pareto power random_integers rayleigh standard_cauchy standard_t " +
  "tomaxint triangular vonmises wald weibull zipf"
).split(" ");
