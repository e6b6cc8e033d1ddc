import { toArray } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import { binaryOp } from "../interpreter/operators";
import { bigInt, int, PyBuiltin, PyInt, type PyModule, type PyValue, toBigInt } from "../interpreter/objects";
import { typeError, valueError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import * as R from "./exactRatio";
import { realOf } from "./mathReal";
import { bindArgs } from "./native";

/**
 * The parts of `math` beyond the elementary functions: `isclose` with its tolerances, `prod`
 * with `start`, the exact integer functions `comb`, `perm`, `isqrt`, `lcm`, `dist` (correctly
 * rounded, as CPython 3.11's is in practice), and `nextafter`/`ulp`.
 */

function integer(v: PyValue | undefined): bigint {
  if (v instanceof PyInt) return toBigInt(v);
  if (typeof v === "boolean") return v ? 1n : 0n;
  throw typeError(`'${typeName(v ?? null)}' object cannot be interpreted as an integer`);
}

function bits(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigInt64(0);
}

function fromBits(b: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigInt64(0, b);
  return view.getFloat64(0);
}

/** The next double after x towards y (C's nextafter). */
function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  const up = y > x === x > 0;
  return fromBits(bits(x) + (up ? 1n : -1n));
}

export function addMathExtras(interp: Interpreter, m: PyModule): void {
  const real = realOf(interp);
  const def = (name: string, f: (args: PyValue[], kwargs: Map<string, PyValue> | null) => PyValue) =>
    m.attrs.set(name, new PyBuiltin(name, f));
  def("isclose", (args, kwargs) => {
    const a = bindArgs("isclose", args, kwargs, ["a", "b", "*", "rel_tol", "abs_tol"], 2);
    const x = real(a.a);
    const y = real(a.b);
    const rel = a.rel_tol === undefined ? 1e-9 : real(a.rel_tol);
    const abs = a.abs_tol === undefined ? 0 : real(a.abs_tol);
    if (rel < 0 || abs < 0) throw valueError("tolerances must be non-negative");
    if (x === y) return true;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    const diff = Math.abs(y - x);
    return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs;
  });
  def("prod", (args, kwargs) => {
    const a = bindArgs("prod", args, kwargs, ["iterable", "*", "start"], 1);
    let acc: PyValue = a.start ?? int(1);
    for (const x of interp.iterate(a.iterable!)) acc = binaryOp(interp, "*", acc, x);
    return acc;
  });
  def("comb", (args) => {
    if (args.length !== 2) throw typeError(`comb expected 2 arguments, got ${args.length}`);
    const n = integer(args[0]);
    let k = integer(args[1]);
    if (n < 0n) throw valueError("n must be a non-negative integer");
    if (k < 0n) throw valueError("k must be a non-negative integer");
    if (k > n) return int(0);
    if (k > n - k) k = n - k;
    let r = 1n;
    for (let i = 1n; i <= k; i++) {
      interp.step();
      r = (r * (n - k + i)) / i;
    }
    return bigInt(r);
  });
  def("perm", (args) => {
    if (args.length < 1 || args.length > 2)
      throw typeError(`perm expected at most 2 arguments, got ${args.length}`);
    const n = integer(args[0]);
    const k = args[1] === undefined || args[1] === null ? n : integer(args[1]);
    if (n < 0n) throw valueError("n must be a non-negative integer");
    if (k < 0n) throw valueError("k must be a non-negative integer");
    if (k > n) return int(0);
    let r = 1n;
    for (let i = n - k + 1n; i <= n; i++) {
      interp.step();
      r *= i;
    }
    return bigInt(r);
  });
  def("isqrt", ([n]) => {
    const v = integer(n);
    if (v < 0n) throw valueError("isqrt() argument must be nonnegative");
    return bigInt(R.isqrt(v));
  });
  def("lcm", (args) => {
    let l = 1n;
    for (const a of args) {
      let v = integer(a);
      if (v < 0n) v = -v;
      if (v === 0n) return int(0);
      let [x, y] = [l, v];
      while (y) [x, y] = [y, x % y];
      l = (l / x) * v;
    }
    return bigInt(l);
  });
  def("dist", ([p, q]) => {
    const a = toArray(interp, p ?? null).map(real);
    const b = toArray(interp, q ?? null).map(real);
    if (a.length !== b.length) throw valueError("both points must have the same number of dimensions");
    const diffs = a.map((x, i) => Math.abs(x - b[i]));
    if (diffs.some((d) => d === Infinity)) return Infinity;
    if (diffs.some((d) => Number.isNaN(d))) return NaN;
    let sum = R.ratio(0n);
    for (const d of diffs) {
      const r = R.fromFloat(d);
      sum = R.add(sum, R.mul(r, r));
    }
    return R.sqrtToFloat(sum);
  });
  def("nextafter", ([x, y]) => nextafter(real(x), real(y)));
  def("ulp", ([x]) => {
    const v = Math.abs(real(x));
    if (Number.isNaN(v) || v === Infinity) return v;
    if (v === Number.MAX_VALUE) return v - nextafter(v, 0);
    return nextafter(v, Infinity) - v;
  });
}
