/**
 * numpy's `histogram` as `plt.hist` calls it, reimplemented from numpy 1.24's documented
 * algorithm so the bins and counts are numpy's to the last bit: equal-width edges from
 * `linspace(first, last, bins + 1)` (first == last widened by 0.5 each way), each value placed
 * by its scaled offset and then corrected against the edges, the last bin closed on the right;
 * explicit edges by binary search. float32 data (a torch tensor) has its edges computed in
 * float32, as numpy does for a float32 array.
 */

export interface HistogramResult {
  counts: number[];
  edges: number[];
}

export class HistogramError extends Error {
  constructor(
    readonly pythonType: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * numpy's `linspace(start, stop, num)` (endpoint included). It computes in float64 even for
 * float32 ends; a float32 result (`float32`) is that rounded.
 */
export function linspace(start: number, stop: number, num: number, float32 = false): number[] {
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  const out: number[] = [];
  for (let i = 0; i < num; i++) out.push((step === 0 ? (i / div) * delta : i * step) + start);
  if (num > 1) out[num - 1] = stop;
  return float32 ? out.map(Math.fround) : out;
}

export interface HistogramOptions {
  /** A bin count, or the edges themselves. */
  bins: number | number[];
  range: [number, number] | null;
  weights: number[] | null;
  density: boolean;
  float32: boolean;
}

export function histogram(values: readonly number[], options: HistogramOptions): HistogramResult {
  const { weights, range } = options;
  const r = options.float32 ? Math.fround : (x: number) => x;
  if (weights !== null && weights.length !== values.length)
    throw new HistogramError("ValueError", "weights should have the same shape as a.");
  let counts: number[];
  let edges: number[];
  if (typeof options.bins === "number") {
    const n = options.bins;
    if (!Number.isInteger(n) || n < 1)
      throw new HistogramError("ValueError", "`bins` must be positive, when an integer");
    let first: number;
    let last: number;
    if (range !== null) {
      [first, last] = range;
      if (first > last)
        throw new HistogramError("ValueError", "max must be larger than min in range parameter.");
      if (!Number.isFinite(first) || !Number.isFinite(last))
        throw new HistogramError("ValueError", `supplied range of [${first}, ${last}] is not finite`);
    } else if (values.length === 0) {
      [first, last] = [0, 1];
    } else {
      first = Infinity;
      last = -Infinity;
      for (const v of values) {
        if (Number.isNaN(v)) first = last = NaN;
        if (v < first) first = v;
        if (v > last) last = v;
      }
      if (!Number.isFinite(first) || !Number.isFinite(last))
        throw new HistogramError("ValueError", `autodetected range of [${first}, ${last}] is not finite`);
    }
    if (first === last) {
      // numpy widens in float64 even for float32 data
      first -= 0.5;
      last += 0.5;
    }
    edges = linspace(first, last, n + 1, options.float32);
    counts = new Array<number>(n).fill(0);
    // the values' own precision: a float32 array keeps float32 through numpy's arithmetic
    const lo = r(first);
    const denom = r(r(last) - lo);
    values.forEach((v, i) => {
      if (!(v >= first && v <= last)) return;
      let k = Math.trunc(r(r(r(v - lo) / denom) * n));
      if (k === n) k -= 1;
      if (v < edges[k]) k -= 1;
      else if (v >= edges[k + 1] && k !== n - 1) k += 1;
      counts[k] += weights === null ? 1 : weights[i];
    });
  } else {
    edges = options.bins;
    for (let i = 1; i < edges.length; i++)
      if (!(edges[i] >= edges[i - 1]))
        throw new HistogramError("ValueError", "`bins` must increase monotonically, when an array");
    counts = new Array<number>(Math.max(0, edges.length - 1)).fill(0);
    const lastEdge = edges[edges.length - 1];
    values.forEach((v, i) => {
      if (!(v >= edges[0] && v <= lastEdge)) return;
      // the bin whose left edge is the last one ≤ v; the rightmost bin includes its right edge
      let lo = 0;
      let hi = edges.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (edges[mid] <= v) lo = mid;
        else hi = mid;
      }
      let k = lo;
      if (v === lastEdge) k = edges.length - 2;
      counts[k] += weights === null ? 1 : weights[i];
    });
  }
  if (options.density) {
    const total = counts.reduce((s, c) => s + c, 0);
    // the widths are a difference of the edges in their own precision
    counts = counts.map((c, k) => c / r(edges[k + 1] - edges[k]) / total);
  }
  return { counts, edges };
}
