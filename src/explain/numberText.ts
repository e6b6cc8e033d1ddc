import { euclideanNorm, formatNumber, formatShape } from "../view/format";

/**
 * Numbers at a precision the user chose (the `gradlens.precision` setting). At the default of 4
 * decimals this is exactly `view/format`'s `formatNumber`, so inline text reads like the graph;
 * other precisions keep its rules: fixed decimals for ordinary magnitudes, Python's exponent
 * style where fixed decimals would print a small gradient as zero.
 */
export const DEFAULT_PRECISION = 4;

export function numberText(value: number, precision = DEFAULT_PRECISION): string {
  const p = Math.max(1, Math.min(12, Math.round(precision)));
  if (p === DEFAULT_PRECISION || !Number.isFinite(value)) return formatNumber(value);
  if (value === 0) return (0).toFixed(p); // also -0: a signed zero only confuses a learner
  const magnitude = Math.abs(value);
  // Below 10^-(p-1) fixed decimals keep at most one significant digit.
  if (magnitude >= 10 ** -(p - 1) && magnitude < 1e6) return value.toFixed(p);
  const [mantissa, exponent] = value.toExponential(Math.max(1, p - 1)).split("e");
  const sign = exponent.startsWith("-") ? "-" : "+";
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, "").padStart(2, "0")}`;
}

/** A scalar as a number; a tensor as its norm and shape (`‖5.4772‖ 2×3`), NaN winning. */
export function valuesText(values: readonly number[], shape: readonly number[], precision?: number): string {
  if (shape.length === 0 && values.length === 1) return numberText(values[0], precision);
  if (values.some((v) => Number.isNaN(v))) return `NaN ${formatShape(shape)}`;
  return `‖${numberText(euclideanNorm(values), precision)}‖ ${formatShape(shape)}`;
}
