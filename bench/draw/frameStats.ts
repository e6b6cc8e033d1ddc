/** Summaries of frame timings: the protocol reports medians, and p95 for frame times. */

/** The nearest-rank percentile `p` (0–100) of `xs`; NaN for none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The times between consecutive frame timestamps. */
export function intervals(stamps: readonly number[]): number[] {
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}
