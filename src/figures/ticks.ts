/**
 * Where matplotlib puts ticks and what it writes on them, reimplemented from its documented
 * behaviour: `MaxNLocator` (the "nice" steps 1, 2, 2.5, 5, 10 of `AutoLocator`, or the finer
 * staircase contour levels use), `ScalarFormatter` (as many decimals as the ticks need, an
 * offset or a power of ten when the numbers are long, a real minus sign), and decades on a log
 * axis.
 */

/** AutoLocator's steps. */
export const AUTO_STEPS = [1, 2, 2.5, 5, 10];
/** MaxNLocator's default steps (contour levels). */
export const DEFAULT_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

const FLOAT_TINY = 2.2250738585072014e-308;

/** 10 to an integer power, correctly rounded as C's `pow` gives it (V8's `10 ** -5` is one ulp off). */
export function pow10(k: number): number {
  return Number(`1e${k}`);
}

/** Python's `divmod` on floats (the floor's quotient and a remainder with the divisor's sign). */
export function floatDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else mod = y < 0 ? -0 : 0;
  let floor: number;
  if (div !== 0) {
    floor = Math.floor(div);
    if (div - floor > 0.5) floor += 1;
  } else floor = x / y < 0 ? -0 : 0;
  return [floor, mod];
}

/**
 * matplotlib's `transforms.nonsingular`: a range that is empty or nearly so (or not finite)
 * widened so ticks and scales can be made for it; a reversed range stays reversed.
 */
export function nonsingular(vmin: number, vmax: number, expander: number, tiny = 1e-15): [number, number] {
  if (!Number.isFinite(vmin) || !Number.isFinite(vmax)) return [-expander, expander];
  let swapped = false;
  if (vmax < vmin) {
    [vmin, vmax] = [vmax, vmin];
    swapped = true;
  }
  const maxAbs = Math.max(Math.abs(vmin), Math.abs(vmax));
  if (maxAbs < (1e6 / tiny) * FLOAT_TINY) {
    vmin = -expander;
    vmax = expander;
  } else if (vmax - vmin <= maxAbs * tiny) {
    if (vmax === 0 && vmin === 0) {
      vmin = -expander;
      vmax = expander;
    } else {
      vmin -= expander * Math.abs(vmin);
      vmax += expander * Math.abs(vmax);
    }
  }
  return swapped ? [vmax, vmin] : [vmin, vmax];
}

function scaleRange(vmin: number, vmax: number, n: number): { scale: number; offset: number } {
  const dv = Math.abs(vmax - vmin);
  const meanv = (vmax + vmin) / 2;
  const offset =
    Math.abs(meanv) / dv < 100 ? 0 : Math.sign(meanv) * pow10(Math.floor(Math.log10(Math.abs(meanv))));
  return { scale: pow10(Math.floor(Math.log10(dv / n))), offset };
}

/** The step ladder MaxNLocator searches: a tenth of each step, the steps, then ten times the second. */
function staircase(steps: readonly number[]): number[] {
  return [...steps.slice(0, -1).map((s) => 0.1 * s), ...steps, 10 * steps[1]];
}

function closeTo(ms: number, edge: number, step: number, offset: number): boolean {
  let tol = 1e-10;
  if (offset > 0) {
    const digits = Math.log10(offset / step);
    tol = Math.min(0.4999, Math.max(1e-10, 10 ** (digits - 12)));
  }
  return Math.abs(ms - edge) < tol;
}

export interface LocatorOptions {
  nbins: number;
  steps?: readonly number[];
  minTicks?: number;
}

/**
 * MaxNLocator's tick values for the view vmin…vmax: at most `nbins` intervals of a nice step,
 * spanning the range (the outer ones may lie beyond it, as matplotlib's do).
 */
export function maxNTicks(vmin0: number, vmax0: number, options: LocatorOptions): number[] {
  const steps = staircase(options.steps ?? AUTO_STEPS);
  const minTicks = options.minTicks ?? 2;
  const [vmin, vmax] = nonsingular(vmin0, vmax0, 1e-13, 1e-14);
  const nbins = options.nbins;
  const { scale, offset } = scaleRange(vmin, vmax, nbins);
  const lo = vmin - offset;
  const hi = vmax - offset;
  const rawStep = (hi - lo) / nbins;
  const scaled = steps.map((s) => s * scale);
  let istep = scaled.findIndex((s) => s >= rawStep);
  if (istep < 0) istep = scaled.length - 1;
  let ticks: number[] = [];
  for (; istep >= 0; istep--) {
    const step = scaled[istep];
    const bestVmin = floatDivmod(lo, step)[0] * step;
    const absOffset = Math.abs(offset);
    const [ld, lm] = floatDivmod(lo - bestVmin, step);
    const low = closeTo(lm / step, 1, step, absOffset) ? ld + 1 : ld;
    const [hd, hm] = floatDivmod(hi - bestVmin, step);
    const high = closeTo(hm / step, 0, step, absOffset) ? hd : hd + 1;
    ticks = [];
    for (let n = low; n <= high; n++) ticks.push(n * step + bestVmin);
    const shown = ticks.filter((t) => t <= hi && t >= lo).length;
    if (shown >= minTicks) break;
  }
  return ticks.map((t) => t + offset);
}

/** AutoLocator's bin count for an axis this long (points): room for a label every 3 (x) or 2 (y) font sizes. */
export function autoBins(lengthPt: number, labelSize: number, axis: "x" | "y"): number {
  const space = Math.floor(lengthPt / (labelSize * (axis === "x" ? 3 : 2)));
  return Math.min(9, Math.max(1, space));
}

/** Whether `v` lies in the view interval (either order), allowing for rounding as matplotlib does. */
export function inView(v: number, a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const slack = (hi - lo) * 1e-10;
  return v >= lo - slack && v <= hi + slack;
}

/** Tick labels, and the offset/exponent text matplotlib writes at the axis' end (`1e6`, `+1e3`). */
export interface TickLabels {
  labels: string[];
  offsetText: string;
}

const MINUS = "\u2212";

function withMinus(text: string): string {
  return text.replace(/^-/, MINUS).replace(/e-/, `e${MINUS}`);
}

/** Python's `'%1.<n>f' % x`, with the sign of a zero dropped as matplotlib's `abs(xp) < 1e-8` does. */
function fixed(x: number, decimals: number): string {
  return x.toFixed(Math.min(100, decimals));
}

/** Python's `'%d' % e` / the short form matplotlib's `format_data` gives an offset (`1e6`, `2.5e-3`). */
function formatData(value: number): string {
  const e = Math.floor(Math.log10(Math.abs(value)));
  const s = Math.round((value / pow10(e)) * 1e10) / 1e10;
  const significand = Number.isInteger(s) ? String(s) : String(Number(s.toPrecision(10)));
  return withMinus(e === 0 ? significand : `${significand}e${e}`);
}

/**
 * ScalarFormatter's labels for `locs` (all the locator's ticks) on the view vmin…vmax: a shared
 * offset when the ticks agree in their leading digits, scientific notation outside 1e-5…1e6,
 * and the fewest decimals that tell the ticks apart.
 */
export function scalarLabels(locs: readonly number[], vmin: number, vmax: number): TickLabels {
  if (locs.length === 0) return { labels: [], offsetText: "" };
  const [lo, hi] = vmin <= vmax ? [vmin, vmax] : [vmax, vmin];
  const visible = locs.filter((l) => l >= lo && l <= hi);
  const offset = computeOffset(visible);
  const order = orderOfMagnitude(visible, offset, lo, hi);
  const scaled = (locs.length < 2 ? [...locs, vmin, vmax] : locs).map((l) => (l - offset) / pow10(order));
  let range = Math.max(...scaled) - Math.min(...scaled);
  if (range === 0) range = Math.max(...scaled.map(Math.abs));
  if (range === 0) range = 1;
  const shown = locs.length < 2 ? scaled.slice(0, -2) : scaled;
  const rangeOom = Math.floor(Math.log10(range));
  let sigfigs = Math.max(0, 3 - rangeOom);
  const thresh = 1e-3 * pow10(rangeOom);
  while (sigfigs >= 0) {
    const worst = Math.max(...shown.map((l) => Math.abs(l - roundTo(l, sigfigs))));
    if (worst < thresh) sigfigs--;
    else break;
  }
  sigfigs++;
  const labels = locs.map((x) => {
    let xp = (x - offset) / pow10(order);
    if (Math.abs(xp) < 1e-8) xp = 0;
    return withMinus(fixed(xp, sigfigs));
  });
  let offsetText = "";
  if (order !== 0 || offset !== 0) {
    const offsetPart = offset === 0 ? "" : (offset > 0 ? "+" : "") + formatData(offset);
    const sciPart = order === 0 ? "" : withMinus(`1e${order}`);
    offsetText = sciPart + offsetPart;
  }
  return { labels, offsetText };
}

/** numpy's `round(x, decimals)` (to within what the comparison needs). */
function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const y = x * f;
  // round half to even, as numpy does
  let r = Math.round(y);
  if (Math.abs(y % 1) === 0.5 && r % 2 !== 0) r -= 1;
  return r / f;
}

function computeOffset(visible: readonly number[]): number {
  if (visible.length === 0) return 0;
  const lmin = Math.min(...visible);
  const lmax = Math.max(...visible);
  if (lmin === lmax || (lmin <= 0 && lmax >= 0)) return 0;
  const [absMin, absMax] = [Math.abs(lmin), Math.abs(lmax)].sort((a, b) => a - b);
  const sign = Math.sign(lmin);
  const oomMax = Math.ceil(Math.log10(absMax));
  const floorDiv = (a: number, p: number) => floatDivmod(a, pow10(p))[0];
  let oom = oomMax;
  while (floorDiv(absMin, oom) === floorDiv(absMax, oom)) oom--;
  oom += 1;
  if ((absMax - absMin) / pow10(oom) <= 1e-2) {
    oom = oomMax;
    while (floorDiv(absMax, oom) - floorDiv(absMin, oom) <= 1) oom--;
    oom += 1;
  }
  // only worth it when it saves at least 4 digits (axes.formatter.offset_threshold)
  return floorDiv(absMax, oom) >= 1000 ? sign * floorDiv(absMax, oom) * pow10(oom) : 0;
}

function orderOfMagnitude(visible: readonly number[], offset: number, lo: number, hi: number): number {
  if (visible.length === 0) return 0;
  let oom: number;
  if (offset !== 0) oom = Math.floor(Math.log10(hi - lo));
  else {
    const val = Math.max(...visible.map(Math.abs));
    oom = val === 0 ? 0 : Math.floor(Math.log10(val));
  }
  // axes.formatter.limits: scientific notation at 1e-5 and below, 1e6 and above
  return oom <= -5 || oom >= 6 ? oom : 0;
}

/** A log axis: ticks at the powers of ten in view (every k-th when there are many), labelled `10^k`. */
export function logTicks(vmin: number, vmax: number, maxTicks: number): { major: number[]; minor: number[] } {
  const lo = Math.log10(Math.min(vmin, vmax));
  const hi = Math.log10(Math.max(vmin, vmax));
  const first = Math.floor(lo);
  const last = Math.ceil(hi);
  const decades = last - first;
  const stride = Math.max(1, Math.ceil((decades + 1) / Math.max(2, maxTicks)));
  const major: number[] = [];
  for (let k = first - (((first % stride) + stride) % stride); k <= last; k += stride) major.push(pow10(k));
  const minor: number[] = [];
  if (stride === 1 && decades <= 8)
    for (let k = first; k < last; k++) for (let m = 2; m < 10; m++) minor.push(m * pow10(k));
  return { major, minor };
}

/** The exponent of a power of ten, for a log axis' `10^k` label (null: not a power of ten). */
export function decadeOf(v: number): number | null {
  const k = Math.round(Math.log10(v));
  return Math.abs(pow10(k) - v) <= 1e-9 * v ? k : null;
}
