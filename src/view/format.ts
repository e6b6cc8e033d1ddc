/**
 * Every number the graph shows goes through here, so a value reads the same in a node, on an
 * edge and in a tooltip. Scalars print like micrograd's `f"{x:.4f}"` (`138.8338`, `-11.0000`);
 * very small or very large magnitudes switch to 4 significant digits in Python's exponent
 * style (`1.235e-05`), because `0.0000` would hide a vanishing gradient.
 */

/** How a number (or every element of a tensor) should look: normal, exactly zero, or not finite. */
export type NumberStatus = "normal" | "zero" | "nonfinite";

const FIXED_MIN = 1e-3;
const FIXED_MAX = 1e6;

/** One scalar, e.g. `138.8338`, `1.235e-05`, `NaN`, `∞`, `−∞`. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "−∞";
  if (value === 0) return "0.0000"; // also -0: a signed zero only confuses a learner
  const magnitude = Math.abs(value);
  if (magnitude >= FIXED_MIN && magnitude < FIXED_MAX) return value.toFixed(4);
  return pythonExponential(value);
}

/** `x.toExponential(3)` with Python's two-digit, signed exponent: `1.235e-05`, `-4.000e+07`. */
function pythonExponential(value: number): string {
  const [mantissa, exponent] = value.toExponential(3).split("e");
  const sign = exponent.startsWith("-") ? "-" : "+";
  const digits = exponent.replace(/^[+-]/, "").padStart(2, "0");
  return `${mantissa}e${sign}${digits}`;
}

/** A shape as people write it: `3×4`; a scalar has none. */
export function formatShape(shape: readonly number[]): string {
  return shape.join("×");
}

/**
 * A value of any shape in one short string: the number itself for a scalar, otherwise the
 * Euclidean norm and the shape (`‖5.4772‖ 2×3`). Non-finite elements win, since they are the
 * thing to notice.
 */
export function formatValues(values: readonly number[], shape: readonly number[]): string {
  if (shape.length === 0 && values.length === 1) return formatNumber(values[0]);
  if (values.some((v) => Number.isNaN(v))) return `NaN ${formatShape(shape)}`;
  return `‖${formatNumber(euclideanNorm(values))}‖ ${formatShape(shape)}`;
}

export function euclideanNorm(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v * v;
  return Math.sqrt(sum);
}

/** Normal, all zero, or containing NaN/±∞. */
export function numberStatus(values: readonly number[]): NumberStatus {
  let allZero = true;
  for (const v of values) {
    if (!Number.isFinite(v)) return "nonfinite";
    if (v !== 0) allZero = false;
  }
  return allZero ? "zero" : "normal";
}

/** Magnitude used to weigh a value against others: |x| for a scalar, the norm for a tensor. */
export function magnitude(values: readonly number[]): number {
  return values.length === 1 ? Math.abs(values[0]) : euclideanNorm(values);
}
