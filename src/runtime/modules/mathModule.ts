import { binaryOp } from "../interpreter/operators";
import {
  bigInt,
  int,
  PyBuiltin,
  PyInt,
  PyModule,
  PyTuple,
  toBigInt,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError, valueError } from "../interpreter/pyErrors";
import type { Runtime } from "../interpreter/runtime";
import { typeName } from "../interpreter/stringify";
import { realOf } from "./mathReal";
import { glibcExp } from "../../engine/math/glibcExp";
import { glibcExpm1 } from "../../engine/math/glibcExpm1";
import { glibcCosh, glibcSinh, glibcTanh } from "../../engine/math/glibcHyperbolic";
import * as E from "../../engine/math/elementaryFunctions";
import { glibcLog } from "../../engine/math/glibcLog";
import { glibcLog1p } from "../../engine/math/glibcLog1p";
import { glibcPow } from "../../engine/math/glibcPow";
import { glibcCos as cos, glibcSin as sin } from "../../engine/math/glibcSinCos";
import { glibcCbrt } from "../../engine/math/glibcCbrt";
import { glibcErf, glibcErfc } from "../../engine/math/glibcErf";
import { glibcExp2 } from "../../engine/math/glibcExp2";
import { cpythonGamma, cpythonLgamma } from "../../engine/math/cpythonGamma";
import { frexp, ldexp, remainder } from "../../engine/math/floatParts";

/**
 * Python's `math` module on JS's Math, with CPython's errors: a domain error is ValueError
 * ("math domain error"), a finite argument with an infinite result is OverflowError
 * ("math range error"). A micrograd Value is not a real number here, as in Python.
 */

function checked(f: (x: number) => number): (x: number) => number {
  return (x) => {
    const r = f(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) throw valueError("math domain error");
    if (!Number.isFinite(r) && Number.isFinite(x)) {
      if (r === -Infinity || (r === Infinity && (f === Math.log || f === Math.log2 || f === Math.log10))) {
        throw valueError("math domain error");
      }
      throw new PyError("OverflowError", "math range error");
    }
    return r;
  };
}

function toIntegral(x: number, round: (x: number) => number): PyInt {
  if (Number.isNaN(x)) throw valueError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
  const r = round(x);
  return Number.isSafeInteger(r) ? int(r) : bigInt(BigInt(r));
}

function log(v: PyValue, real: (v: PyValue) => number): number {
  // an int past the float range works in Python: log(m·2**e) = log(m) + e·log(2), m in [0.5, 1)
  if (v instanceof PyInt && v.big !== null && v.big > 0n && !Number.isFinite(Number(v.big))) {
    let e = v.big.toString(2).length;
    const shift = e - 60;
    let m = Number(roundedShift(v.big, shift)) * 2 ** (shift - e); // rounded once to 53 bits
    if (m === 1) [m, e] = [0.5, e + 1]; // rounded up to the next power of two
    return glibcLog(m) + glibcLog(2) * e;
  }
  const x = real(v);
  if (x <= 0) throw valueError("math domain error");
  return glibcLog(x);
}

/** n / 2^shift, keeping a sticky bit so that converting to a double rounds once, as from n. */
function roundedShift(n: bigint, shift: number): bigint {
  const kept = n >> BigInt(shift);
  return kept << BigInt(shift) === n ? kept : kept | 1n;
}

export function makeMathModule(rt: Runtime): PyModule {
  const m = new PyModule("math");
  const real = realOf(rt);
  // arity [n, n]: argument clinic's message ("ldexp expected 2 arguments, got 1")
  const def = (name: string, f: (args: PyValue[]) => PyValue, arity: number | [number, number]) => {
    const [min, max] = typeof arity === "number" ? [arity, arity] : arity;
    m.attrs.set(
      name,
      new PyBuiltin(
        name,
        (args, kwargs) => {
          if (kwargs && kwargs.size) throw typeError(`math.${name}() takes no keyword arguments`);
          if (args.length < min || args.length > max) {
            throw typeError(
              typeof arity !== "number" && min === max
                ? `${name} expected ${min} arguments, got ${args.length}`
                : min === max
                  ? `math.${name}() takes exactly ${min === 1 ? "one argument" : `${min} arguments`} (${args.length} given)`
                  : `${name} expected at most ${max} arguments, got ${args.length}`,
            );
          }
          return f(args);
        },
        [],
      ),
    );
  };
  const unary = (name: string, f: (x: number) => number) => def(name, ([x]) => checked(f)(real(x)), 1);
  unary("sqrt", Math.sqrt);
  unary("exp", glibcExp);
  unary("expm1", glibcExpm1);
  unary("log2", (x) => (x <= 0 ? NaN : E.log2(x)));
  unary("log10", (x) => (x <= 0 ? NaN : E.log10(x)));
  unary("log1p", (x) => (x <= -1 ? NaN : glibcLog1p(x)));
  unary("sin", sin);
  unary("cos", cos);
  unary("tan", E.tan);
  unary("asin", E.asin);
  unary("acos", E.acos);
  unary("atan", E.atan);
  unary("sinh", glibcSinh);
  unary("cosh", glibcCosh);
  unary("tanh", glibcTanh);
  unary("asinh", E.asinh);
  unary("acosh", E.acosh);
  unary("atanh", (x) => (Math.abs(x) >= 1 ? NaN : E.atanh(x)));
  unary("exp2", glibcExp2);
  unary("cbrt", glibcCbrt);
  unary("erf", glibcErf);
  unary("erfc", glibcErfc);
  // gamma's and lgamma's poles are domain errors (ValueError), their overflows range errors
  const poles = (f: (x: number) => number) => (x: number) =>
    Number.isFinite(x) && x === Math.floor(x) && x <= 0 ? NaN : f(x);
  unary("gamma", poles(cpythonGamma));
  unary("lgamma", poles(cpythonLgamma));
  unary("fabs", Math.abs);
  unary("degrees", (x) => (x * 180) / Math.PI);
  unary("radians", (x) => (x * Math.PI) / 180);
  def("log", ([x, base]) => (base === undefined ? log(x, real) : log(x, real) / log(base, real)), [1, 2]);
  def(
    "pow",
    ([x, y]) => {
      const a = real(x);
      const b = real(y);
      if (a === 0 && b < 0) throw valueError("math domain error");
      return checked((v) => glibcPow(v, b))(a);
    },
    2,
  );
  def("atan2", ([y, x]) => E.atan2(real(y), real(x)), 2);
  def("hypot", (args) => Math.hypot(...args.map(real)), [0, 1000]);
  def(
    "copysign",
    ([x, y]) => {
      const a = Math.abs(real(x));
      const b = real(y);
      return b < 0 || Object.is(b, -0) ? -a : a;
    },
    2,
  );
  def(
    "fmod",
    ([x, y]) => {
      const b = real(y);
      if (b === 0) throw valueError("math domain error");
      return real(x) % b;
    },
    2,
  );
  def("floor", ([x]) => (x instanceof PyInt ? x : toIntegral(real(x), Math.floor)), 1);
  def("ceil", ([x]) => (x instanceof PyInt ? x : toIntegral(real(x), Math.ceil)), 1);
  def("trunc", ([x]) => (x instanceof PyInt ? x : toIntegral(real(x), Math.trunc)), 1);
  def("isnan", ([x]) => Number.isNaN(real(x)), 1);
  def("isinf", ([x]) => Math.abs(real(x)) === Infinity, 1);
  def("isfinite", ([x]) => Number.isFinite(real(x)), 1);
  def(
    "isclose",
    ([a, b]) => {
      const x = real(a);
      const y = real(b);
      return x === y || Math.abs(x - y) <= Math.max(1e-9 * Math.max(Math.abs(x), Math.abs(y)), 0);
    },
    2,
  );
  def(
    "factorial",
    ([n]) => {
      if (!(n instanceof PyInt))
        throw typeError(`'${typeName(n)}' object cannot be interpreted as an integer`);
      if (n.v < 0) throw valueError("factorial() not defined for negative values");
      let r = 1n;
      for (let i = 2n; i <= toBigInt(n); i++) {
        rt.step();
        r *= i;
      }
      return bigInt(r);
    },
    1,
  );
  def(
    "gcd",
    (args) => {
      let g = 0n;
      for (const a of args) {
        if (!(a instanceof PyInt))
          throw typeError(`'${typeName(a)}' object cannot be interpreted as an integer`);
        let x = toBigInt(a);
        if (x < 0n) x = -x;
        while (x) [g, x] = [x, g % x];
      }
      return bigInt(g);
    },
    [0, 1000],
  );
  def("fsum", ([xs]) => fsum([...rt.iterate(xs)].map(real)), 1);
  def(
    "prod",
    ([xs]) => {
      let acc: PyValue = int(1);
      for (const x of rt.iterate(xs)) acc = binaryOp(rt, "*", acc, x);
      return acc;
    },
    1,
  );
  def(
    "frexp",
    ([x]) => {
      const [mantissa, e] = frexp(real(x));
      return new PyTuple([mantissa, int(e)]);
    },
    1,
  );
  def(
    "ldexp",
    ([x, i]) => {
      const v = real(x);
      if (!(i instanceof PyInt) && typeof i !== "boolean")
        throw typeError("Expected an int as second argument to ldexp.");
      const big = typeof i === "boolean" ? BigInt(i) : toBigInt(i);
      // past ±2^31 the result is 0 or inf whatever the double (CPython clamps to a C long)
      const n = big > 1n << 31n ? 1 << 30 : big < -(1n << 31n) ? -(1 << 30) : Number(big);
      const r = ldexp(v, n);
      if (!Number.isFinite(r) && Number.isFinite(v)) throw new PyError("OverflowError", "math range error");
      return r;
    },
    [2, 2],
  );
  def(
    "remainder",
    ([x, y]) => {
      const a = real(x);
      const b = real(y);
      const r = remainder(a, b);
      if (Number.isNaN(r) && !Number.isNaN(a) && !Number.isNaN(b)) throw valueError("math domain error");
      return r;
    },
    [2, 2],
  );
  def(
    "modf",
    ([x]) => {
      const v = real(x);
      const whole = Math.trunc(v);
      // C's modf: ±inf has fraction ±0; the fraction keeps the sign of x, even when it is 0
      const fraction = Number.isFinite(v)
        ? v - whole === 0
          ? v < 0 || Object.is(v, -0)
            ? -0
            : 0
          : v - whole
        : v !== v
          ? v
          : v < 0
            ? -0
            : 0;
      return new PyTuple([fraction, whole]);
    },
    1,
  );
  m.attrs.set("pi", Math.PI);
  m.attrs.set("e", Math.E);
  m.attrs.set("tau", 2 * Math.PI);
  m.attrs.set("inf", Infinity);
  m.attrs.set("nan", NaN);
  return m;
}

/** Shewchuk's exact summation, as CPython's math.fsum. */
function fsum(xs: number[]): number {
  const partials: number[] = [];
  for (let x of xs) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  return partials.reduce((a, b) => a + b, 0);
}
