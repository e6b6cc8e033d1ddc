import { expect } from "vitest";

/**
 * One `expect:` line of an example, checked: numbers to 1e-12 relative (NaN and ±∞ exactly),
 * arrays element by element, anything else equal; `<`, `<=`, `>`, `>=` compare numbers.
 */
export function compare(actual: unknown, op: string, wanted: unknown, where: string): void {
  if (typeof actual === "number" && typeof wanted === "number") {
    const tolerance = 1e-12 * Math.max(Math.abs(wanted), Number.MIN_VALUE);
    if (op === "==") {
      if (Number.isNaN(wanted)) expect(actual, where).toBeNaN();
      else if (!Number.isFinite(wanted)) expect(actual, where).toBe(wanted);
      else
        expect(Math.abs(actual - wanted), `${where}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(tolerance);
    } else if (op === "<") expect(actual, where).toBeLessThan(wanted);
    else if (op === "<=") expect(actual, where).toBeLessThanOrEqual(wanted);
    else if (op === ">") expect(actual, where).toBeGreaterThan(wanted);
    else expect(actual, where).toBeGreaterThanOrEqual(wanted);
    return;
  }
  if (Array.isArray(actual) && Array.isArray(wanted) && op === "==") {
    expect(actual.length, where).toBe(wanted.length);
    actual.forEach((a, k) => compare(a, op, wanted[k], `${where}[${k}]`));
    return;
  }
  expect(op, `${where}: only == compares non-numbers`).toBe("==");
  expect(actual, where).toEqual(wanted);
}
