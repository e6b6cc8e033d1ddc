import type { ArtistSpec, AxesSpec, Scale } from "./figureSpec";
import { nonsingular } from "./ticks";

/**
 * The view limits of an axes as matplotlib's `autoscale_view` finds them: the data's extent,
 * widened by the margin (5%) except past a "sticky" edge — the base of a bar, the border of an
 * image or a filled contour — where drawing stops flush; an empty axes shows 0…1. Limits the
 * program set win, and an inverted axis keeps its direction.
 */

/** Displayed limits of one axis: `[bottom, top]` or `[left, right]` (reversed when inverted). */
export type Limits = [number, number];

interface Extent {
  values: number[];
  sticky: number[];
}

function extents(artists: readonly ArtistSpec[]): { x: Extent; y: Extent } {
  const x: Extent = { values: [], sticky: [] };
  const y: Extent = { values: [], sticky: [] };
  const range = (into: Extent, values: readonly number[]) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo <= hi) into.values.push(lo, hi);
  };
  for (const a of artists) {
    switch (a.kind) {
      case "line":
        if (a.coords !== "xaxes") range(x, a.x);
        if (a.coords !== "yaxes") range(y, a.y);
        x.sticky.push(...(a.sticky?.x ?? []));
        y.sticky.push(...(a.sticky?.y ?? []));
        break;
      case "fill":
        range(x, a.x);
        range(y, a.y);
        x.sticky.push(...(a.sticky?.x ?? []));
        y.sticky.push(...(a.sticky?.y ?? []));
        break;
      case "scatter":
        range(x, a.x);
        range(y, a.y);
        break;
      case "bars":
        for (const r of a.rects) {
          range(x, [r.x, r.x + r.width]);
          range(y, [r.y, r.y + r.height]);
        }
        x.sticky.push(...a.sticky.x);
        y.sticky.push(...a.sticky.y);
        break;
      case "image": {
        const [l, r, b, t] = a.extent;
        range(x, [l, r]);
        range(y, [b, t]);
        x.sticky.push(l, r);
        y.sticky.push(b, t);
        break;
      }
      case "contour": {
        range(x, a.x);
        range(y, a.y);
        const xs = a.x.filter(Number.isFinite);
        const ys = a.y.filter(Number.isFinite);
        if (a.filled && xs.length > 0) {
          x.sticky.push(Math.min(...xs), Math.max(...xs));
          y.sticky.push(Math.min(...ys), Math.max(...ys));
        }
        break;
      }
      case "text":
      case "line3d":
      case "scatter3d":
      case "poly3d":
        break;
    }
  }
  return { x, y };
}

function autoscaleAxis(extent: Extent, margin: number, scale: Scale): [number, number] {
  let values = extent.values;
  if (scale === "log") values = values.filter((v) => v > 0);
  if (values.length === 0) return scale === "log" ? [1, 10] : [0, 1];
  let x0 = Math.min(...values);
  let x1 = Math.max(...values);
  [x0, x1] = nonsingular(x0, x1, 0.05);
  if (scale === "log" && x0 <= 0) x0 = Math.min(...values);
  const tol = 1e-5 * Math.max(Math.abs(x0), Math.abs(x1), Math.abs(x1 - x0));
  const sticky = [...extent.sticky].sort((a, b) => a - b);
  const below = sticky.filter((s) => s <= x0 + tol);
  const above = sticky.filter((s) => s >= x1 - tol);
  const lowBound = below.length > 0 ? below[below.length - 1] : null;
  const highBound = above.length > 0 ? above[0] : null;
  if (scale === "log") {
    const l0 = Math.log10(x0);
    const l1 = Math.log10(x1);
    const delta = (l1 - l0) * margin;
    x0 = 10 ** (l0 - delta);
    x1 = 10 ** (l1 + delta);
  } else {
    const delta = (x1 - x0) * margin;
    if (Number.isFinite(delta)) {
      x0 -= delta;
      x1 += delta;
    }
  }
  if (lowBound !== null) x0 = Math.max(x0, lowBound);
  if (highBound !== null) x1 = Math.min(x1, highBound);
  return nonsingular(x0, x1, 1e-12, 1e-13);
}

/** The axes' displayed x and y limits. */
export function viewLimits(axes: AxesSpec): { x: Limits; y: Limits } {
  if (axes.view3d) return viewLimits3d(axes);
  const ext = extents(axes.artists);
  const one = (which: "x" | "y"): Limits => {
    const spec = axes[which];
    if (spec.limits !== null) return [spec.limits[0], spec.limits[1]];
    const [lo, hi] = autoscaleAxis(ext[which], axes.margins[which], spec.scale);
    return spec.inverted ? [hi, lo] : [lo, hi];
  };
  return { x: one("x"), y: one("y") };
}

/**
 * A 3-D axes' limits as mplot3d's `autoscale_view` finds them: each axis over all its
 * artists' data, widened by its margin (5%), with no sticky edges.
 */
export function viewLimits3d(axes: AxesSpec): { x: Limits; y: Limits; z: Limits } {
  const ext: Record<"x" | "y" | "z", Extent> = {
    x: { values: [], sticky: [] },
    y: { values: [], sticky: [] },
    z: { values: [], sticky: [] },
  };
  const add = (into: Extent, v: number) => {
    if (!Number.isFinite(v)) return;
    if (into.values.length === 0) into.values.push(v, v);
    else {
      if (v < into.values[0]) into.values[0] = v;
      if (v > into.values[1]) into.values[1] = v;
    }
  };
  for (const a of axes.artists) {
    if (a.kind === "line3d" || a.kind === "scatter3d") {
      a.x.forEach((v) => add(ext.x, v));
      a.y.forEach((v) => add(ext.y, v));
      a.z.forEach((v) => add(ext.z, v));
    } else if (a.kind === "poly3d") {
      for (const piece of a.bounds ? [a.bounds] : a.pieces)
        for (let k = 0; k + 2 < piece.length; k += 3) {
          add(ext.x, piece[k]);
          add(ext.y, piece[k + 1]);
          add(ext.z, piece[k + 2]);
        }
    }
  }
  const z = axes.view3d?.z;
  const margin = { x: axes.margins.x, y: axes.margins.y, z: axes.view3d?.zMargin ?? 0 };
  const one = (which: "x" | "y" | "z"): Limits => {
    const spec = which === "z" ? z : axes[which];
    if (spec?.limits) return [spec.limits[0], spec.limits[1]];
    const [lo, hi] = autoscaleAxis(ext[which], margin[which], "linear");
    return spec?.inverted ? [hi, lo] : [lo, hi];
  };
  return { x: one("x"), y: one("y"), z: one("z") };
}
