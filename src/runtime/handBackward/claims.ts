import type { SourceSpan } from "../../lang/ir";
import type { PyInstance } from "../interpreter/objects";

/**
 * A gradient the program computed itself, checked against the chain rule: what it claims, where
 * it was computed, and what the chain rule gives there: made while the program runs (at the step
 * the claim is made, while that step's graph is there) and reported after it.
 */
export interface CheckedClaim {
  kind: "update" | "input" | "loss";
  /** The line that computed the claimed gradient (where a warning goes). */
  span: SourceSpan | null;
  /** Where the claim was made: the update, the `backward(...)`/`*_prime(...)` call; null when the same. */
  madeAt: SourceSpan | null;
  /** The layer (an object whose `forward` and `backward` pair), by class; null outside one. */
  layer: string | null;
  /** The layer object, to name it as the program does (`network[0]`). */
  layerObject: PyInstance | null;
  /** The method that computed it (`Dense.backward`, `mse_prime`). */
  method: string | null;
  /** What it is the gradient of and with respect to: `loss`/`mse`, and `weights`/`input`/`y_pred`. */
  of: string;
  wrt: string;
  shape: number[];
  yours: Float64Array;
  expected: Float64Array;
  agrees: boolean;
  /** Wrong only because a derivative it used was wrong (reported there): no warning of its own. */
  quiet: boolean;
  /** The element with the largest difference (row-major index). */
  worst: number;
  /**
   * Whether `expected` comes from the gradient the layer itself received (so a mistake is its
   * own, not one passed down from the layer above).
   */
  local: boolean;
  /** Which of the site's claims this was (0: the first) and how many the site made in the run. */
  index: number;
  site: number;
  /** The operations (by span and operand) that read the value the claim is about: edges to mark. */
  edges: { span: SourceSpan; operand: number }[];
}

/**
 * `relative` (1e-6 in float64) to the larger of the two gradients' largest magnitudes, and
 * 1e-12 absolute, for zeros.
 */
export function compareGradients(
  yours: Float64Array,
  expected: Float64Array,
  relative = 1e-6,
): { agrees: boolean; worst: number } {
  let scale = 0;
  for (let i = 0; i < expected.length; i++)
    scale = Math.max(scale, Math.abs(expected[i]), Math.abs(yours[i]));
  let worst = 0;
  let largest = -1;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(yours[i] - expected[i]);
    const diff = Number.isNaN(d) ? Infinity : d;
    if (diff > largest) {
      largest = diff;
      worst = i;
    }
  }
  return { agrees: largest <= relative * scale + 1e-12, worst };
}
