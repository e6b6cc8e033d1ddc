import { arg, emit, log, median, round } from "./report";

/** A workload in three phases: the engine runs, the baseline runs, the lines are printed. */
export interface Plan {
  name: string;
  engine(): void;
  baseline(): void;
  report(): void;
}

/** The closure-per-value micrograd port's name in the result lines. */
export const BASELINE = "naive-js";

let failures = 0;

/** Prints the protocol's error line for a configuration that could not run or was wrong. */
export function fail(workload: string, impl: string, error: string): void {
  failures++;
  log(`${workload} ${impl}: ${error}`);
  emit({ workload, impl, error });
}

export function hasFailed(): boolean {
  return failures > 0;
}

/** A whole-number option, `--name n`. */
export function count(name: string, fallback: number, least = 0): number {
  const v = Number(arg(name, String(fallback)));
  if (!Number.isInteger(v) || v < least) throw new Error(`--${name} must be a whole number ≥ ${least}`);
  return v;
}

/** Median of the summed regions of each repetition. */
export const medianSum = (xs: number[], ys: number[]) => median(xs.map((x, i) => x + ys[i]));

/** How many times the baseline's CPU time the engine's is, by medians. */
export const ratio = (baseline: number, engine: number) => round(baseline / engine, 1);

/** The CPU time of every timed repetition, for stderr: shows warm-up and noise at a glance. */
export const perRep = (xs: number[], scale: number) => xs.map((x) => (x * scale).toFixed(1)).join(" ");
