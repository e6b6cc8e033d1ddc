/**
 * The reference answers from WORKLOADS.md. A float64 engine must reproduce them to ~1e-12
 * relative; a mismatch means the workload did not run as specified, so its timing is void.
 */
export const REFERENCE = {
  W1: { n: 100000, loss: 15.01425454337721, leafGradSum: 47.693577016987035, checksum: 990739499 },
  W2: { warmup: 2, steps: 10, lossFirst: 1.2841234810223028, lossLast: 0.24681882669625108, accLast: 0.86 },
  W3: { warmup: 3, steps: 10, lossFirst: 2.3113936114983376, lossLast: 2.208466814034479 },
} as const;

export const RELATIVE_TOLERANCE = 1e-12;

/** Collects the mismatches of one run, each named with the value seen and the value expected. */
export class ReferenceCheck {
  readonly failures: string[] = [];

  close(name: string, actual: number, expected: number, tolerance = RELATIVE_TOLERANCE): void {
    const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
    if (!(Math.abs(actual - expected) / scale <= tolerance)) {
      this.failures.push(`${name} ${actual} differs from the reference ${expected}`);
    }
  }

  equal(name: string, actual: number, expected: number): void {
    if (actual !== expected) this.failures.push(`${name} ${actual} differs from the reference ${expected}`);
  }
}
