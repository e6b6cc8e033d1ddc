import type { FloatArray } from "../floatArray";
/**
 * NaN/±Inf watch: remembers the first operation whose forward result or backward gradient
 * holds a non-finite number, so the interpreter can point at the line that made it.
 */
export interface Anomaly {
  phase: "forward" | "backward";
  /** The operation's symbol (`log`, `/`, …). */
  op: string;
  /** Id of the tensor the operation produced. */
  tensorId: number;
  /** For backward: the operand position whose gradient went non-finite. */
  operand: number | null;
  /** Flat index of the first non-finite element and its value. */
  index: number;
  value: number;
}

let enabled = false;
/** Depth of VJP calls: their inner arithmetic is checked as the VJP's result, not as forward ops. */
let suspended = 0;
let first: Anomaly | null = null;

/** Turns the watch on or off (off by default: it costs a scan of every result). */
export function setAnomalyDetection(on: boolean): void {
  enabled = on;
}

export function isAnomalyDetectionEnabled(): boolean {
  return enabled;
}

export function firstAnomaly(): Anomaly | null {
  return first;
}

export function resetAnomaly(): void {
  first = null;
}

/** Records `values` if the watch is on, nothing is recorded yet, and one of them is not finite. */
export function checkFinite(
  values: FloatArray,
  phase: Anomaly["phase"],
  op: string,
  tensorId: number,
  operand: number | null,
): void {
  if (!enabled || first !== null || (phase === "forward" && suspended > 0)) return;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v !== 0) {
      first = { phase, op, tensorId, operand, index: i, value: v };
      return;
    }
  }
}

/** Runs a VJP: operations inside it are not reported as forward anomalies of their own. */
export function whileBackward<T>(body: () => T): T {
  suspended++;
  try {
    return body();
  } finally {
    suspended--;
  }
}
