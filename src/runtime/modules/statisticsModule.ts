import { toArray } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import {
  bigInt,
  int,
  PyClass,
  PyInt,
  PyList,
  PyModule,
  toBigInt,
  type PyValue,
} from "../interpreter/objects";
import { binaryOp, equals } from "../interpreter/operators";
import { PyError, typeError } from "../interpreter/pyErrors";
import { sortValues } from "../interpreter/sorting";
import { typeName } from "../interpreter/stringify";
import * as R from "./exactRatio";
import { bindArgs, defineFunction } from "./native";

/**
 * Python's `statistics` for int and float data, computed as CPython 3.11 computes it: sums are
 * exact (rationals), rounded once to the result, so `mean([0.1, 0.2, 0.3])` is 0.2, and an
 * all-int mean that is whole stays an int; `stdev` is the correctly rounded square root.
 */

interface Sum {
  /** "int" when every item was an int (or bool), else "float". */
  type: "int" | "float";
  total: R.Ratio;
  /** The sum of the infinities and NaNs, when there were any (then the result is that float). */
  special: number | null;
  count: number;
}

function exact(v: PyValue): { ratio: R.Ratio | null; float: number; isFloat: boolean } {
  if (v instanceof PyInt) return { ratio: R.ratio(toBigInt(v)), float: 0, isFloat: false };
  if (typeof v === "boolean") return { ratio: R.ratio(v ? 1n : 0n), float: 0, isFloat: false };
  if (typeof v === "number")
    return Number.isFinite(v)
      ? { ratio: R.fromFloat(v), float: 0, isFloat: true }
      : { ratio: null, float: v, isFloat: true };
  throw typeError(`can't convert type '${typeName(v)}' to numerator/denominator`);
}

function sum(interp: Interpreter, items: PyValue[]): Sum {
  let total = R.ratio(0n);
  let special: number | null = null;
  let type: "int" | "float" = "int";
  for (const item of items) {
    interp.step();
    const e = exact(item);
    if (e.isFloat) type = "float";
    if (e.ratio === null) special = (special ?? 0) + e.float;
    else total = R.add(total, e.ratio);
  }
  return { type, total, special, count: items.length };
}

/** The sum of squared deviations from the mean, exactly (CPython's `_ss`). */
function squares(interp: Interpreter, items: PyValue[], center: PyValue | undefined): Sum {
  if (center !== undefined && center !== null) {
    const deviations = items.map((x) => {
      const d = binaryOp(interp, "-", x, center);
      return binaryOp(interp, "*", d, d);
    });
    return sum(interp, deviations);
  }
  const s = sum(interp, items);
  if (s.special !== null || s.count === 0) return s;
  let sxx = R.ratio(0n);
  for (const item of items) {
    const r = exact(item).ratio!;
    sxx = R.add(sxx, R.mul(r, r));
  }
  const n = R.ratio(BigInt(s.count));
  return { ...s, total: R.div(R.sub(R.mul(n, sxx), R.mul(s.total, s.total)), n) };
}

/** CPython's `_convert`: an int when every item was and the value is whole, else the nearest float. */
function convert(value: R.Ratio, type: "int" | "float"): PyValue {
  if (type === "int" && value.d === 1n) return bigInt(value.n);
  return R.toFloat(value);
}

export function makeStatisticsModule(interp: Interpreter): PyModule {
  const m = new PyModule("statistics");
  const statisticsError = new PyClass(
    "StatisticsError",
    interp.builtins.get("ValueError") as PyClass,
    "statistics",
  );
  m.attrs.set("StatisticsError", statisticsError);
  const fail = (message: string): never => {
    const error = new PyError("StatisticsError", message);
    error.value = interp.call(statisticsError, [message]);
    throw error;
  };
  const data = (v: PyValue | undefined) => toArray(interp, v ?? null);

  defineFunction(m, "mean", ([xs]) => {
    const s = sum(interp, data(xs));
    if (s.count < 1) fail("mean requires at least one data point");
    if (s.special !== null) return s.special / s.count;
    return convert(R.div(s.total, R.ratio(BigInt(s.count))), s.type);
  });
  defineFunction(m, "fmean", (args, kwargs) => {
    const a = bindArgs("fmean", args, kwargs, ["data", "weights"], 1);
    const items = data(a.data);
    const floats = (vs: PyValue[]) => {
      const s = sum(
        interp,
        vs.map((v) => (typeof v === "number" ? v : R.toFloat(exact(v).ratio!))),
      );
      return s.special !== null ? s.special : R.toFloat(s.total);
    };
    if (a.weights === undefined || a.weights === null) {
      if (items.length === 0) fail("fmean requires at least one data point");
      return floats(items) / items.length;
    }
    const weights = data(a.weights);
    const products = items.map((x, i) => binaryOp(interp, "*", x, weights[i] ?? 0));
    const num = floats(products.slice(0, Math.min(items.length, weights.length)));
    if (items.length !== weights.length) fail("data and weights must be the same length");
    const den = floats(weights);
    if (den === 0) fail("sum of weights must be non-zero");
    return num / den;
  });
  const sorted = (xs: PyValue | undefined, what: string) => {
    const items = sortValues(interp, data(xs), null, false);
    if (items.length === 0) fail(`no ${what} for empty data`);
    return items;
  };
  defineFunction(m, "median", ([xs]) => {
    const items = sorted(xs, "median");
    const n = items.length;
    if (n % 2 === 1) return items[(n - 1) / 2];
    return binaryOp(interp, "/", binaryOp(interp, "+", items[n / 2 - 1], items[n / 2]), int(2));
  });
  defineFunction(m, "median_low", ([xs]) => {
    const items = sorted(xs, "median");
    const n = items.length;
    return n % 2 === 1 ? items[(n - 1) / 2] : items[n / 2 - 1];
  });
  defineFunction(m, "median_high", ([xs]) => {
    const items = sorted(xs, "median");
    return items[Math.floor(items.length / 2)];
  });
  /** Values with their counts, in first-seen order. */
  const counts = (xs: PyValue | undefined) => {
    const out: { value: PyValue; count: number }[] = [];
    for (const x of data(xs)) {
      const found = out.find((c) => c.value === x || equals(interp, c.value, x));
      if (found) found.count++;
      else out.push({ value: x, count: 1 });
    }
    return out;
  };
  defineFunction(m, "mode", ([xs]) => {
    const c = counts(xs);
    if (c.length === 0) fail("no mode for empty data");
    return c.reduce((best, x) => (x.count > best.count ? x : best)).value;
  });
  defineFunction(m, "multimode", ([xs]) => {
    const c = counts(xs);
    const most = Math.max(0, ...c.map((x) => x.count));
    return new PyList(c.filter((x) => x.count === most).map((x) => x.value));
  });
  const spread = (name: string, population: boolean, root: boolean) =>
    defineFunction(m, name, (args, kwargs) => {
      const a = bindArgs(name, args, kwargs, ["data", population ? "mu" : "xbar"], 1);
      const s = squares(interp, data(a.data), population ? a.mu : a.xbar);
      const minimum = population ? 1 : 2;
      if (s.count < minimum)
        fail(`${name} requires at least ${population ? "one data point" : "two data points"}`);
      const divisor = population ? s.count : s.count - 1;
      if (s.special !== null) {
        if (root) throw new PyError("AttributeError", "'float' object has no attribute 'numerator'");
        return s.special / divisor;
      }
      const value = R.div(s.total, R.ratio(BigInt(divisor)));
      return root ? R.sqrtToFloat(value) : convert(value, s.type);
    });
  spread("variance", false, false);
  spread("pvariance", true, false);
  spread("stdev", false, true);
  spread("pstdev", true, true);
  return m;
}
