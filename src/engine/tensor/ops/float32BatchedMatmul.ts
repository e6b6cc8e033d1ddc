import { record } from "../autograd/gradNode";
import { withNoGrad } from "../autograd/gradMode";
import { type FloatArray } from "../floatArray";
import { broadcastShapes, numelOf } from "../shapeMath";
import { Tensor } from "../tensor";
import { sumToShape } from "./broadcast";
import { batchOperand, bmmFloat32, foldedRows, type BatchOperand } from "./float32Bmm";
import {
  float32Tensor,
  float32Values,
  mmFloat32,
  mmGradLeft,
  mmGradRight,
  operandOf,
  transposed,
  type Operand,
} from "./float32Mm";

/**
 * The float32 products with a ≥3-d operand that PyTorch 1.13 does not fold into one `mm` of a
 * ≥3-d left operand: `torch.bmm`, `a @ b` of two ≥3-d operands (batch dims broadcast, then
 * `bmm`), and a 2-d `a` @ ≥3-d `b` (computed as `(bᵀ folded to rows) · aᵀ` and transposed back).
 * Forward and backward sum as PyTorch does (float32Bmm.ts, float32Mm.ts). Like the float64 path,
 * the forward makes one tensor (see Operand in float32Mm.ts).
 */

/** `a @ b` (or `bmm`) of two float32 operands with ≥3 dims each. */
export function batchedMatmulFloat32(a: Tensor, b: Tensor, op: string, rules: string[]): Tensor {
  const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const m = a.shape[a.ndim - 2];
  const k = a.shape[a.ndim - 1];
  const n = b.shape[b.ndim - 1];
  const out = float32Tensor(bmmFloat32(batchOperand(a, batch), batchOperand(b, batch)), [...batch, m, n]);
  return record(
    out,
    op,
    [a, b],
    (g, needs) =>
      withNoGrad(() => {
        // bmm's backward: g.bmm(b'ᵀ) and a'ᵀ.bmm(g), a' and b' the broadcast, folded operands;
        // then the sum over the dims the broadcast repeated.
        const grad = batchOperand(g, batch);
        const ga = needs[0]
          ? sumToShape(
              float32Tensor(bmmFloat32(grad, batchOperand(b, batch, true)), [...batch, m, k]),
              a.shape,
            )
          : null;
        const gb = needs[1]
          ? sumToShape(
              float32Tensor(bmmFloat32(batchOperand(a, batch, true), grad), [...batch, k, n]),
              b.shape,
            )
          : null;
        return [ga, gb];
      }),
    rules,
    [a, b],
  );
}

/** A batch folded into the rows of one row-major matrix, as an operand. */
function rowsOperand(o: BatchOperand): Operand {
  const f = foldedRows(o);
  return { data: f.data, offset: 0, row: f.cols, col: 1, rows: f.rows, cols: f.cols };
}

/** [count · p, q] row-major → [count, q, p] row-major (each block of p rows transposed). */
function unfoldTransposed(x: ArrayLike<number>, count: number, p: number, q: number): FloatArray {
  const out = float32Values(count * p * q);
  for (let c = 0; c < count; c++) {
    const base = c * p * q;
    for (let i = 0; i < p; i++) for (let j = 0; j < q; j++) out[base + j * p + i] = x[base + i * q + j];
  }
  return out;
}

/** A float32 2-d `a` @ ≥3-d `b`: PyTorch's `matmul(bᵀ, aᵀ)ᵀ`, bᵀ folded into rows for one `mm`. */
export function leftMatrixMatmulFloat32(a: Tensor, b: Tensor, rules: string[]): Tensor {
  const batch = b.shape.slice(0, -2);
  const m = a.shape[0];
  const k = a.shape[1];
  const n = b.shape[b.ndim - 1];
  const left = rowsOperand(batchOperand(b, batch, true)); // [count · n, k]
  const right = transposed(operandOf(a)); // aᵀ, [k, m]
  const count = numelOf(batch);
  const product = mmFloat32(left, right); // [count · n, m]
  const out = float32Tensor(unfoldTransposed(product, count, n, m), [...batch, m, n]);
  return record(
    out,
    "@",
    [a, b],
    (g, needs) =>
      withNoGrad(() => {
        // The gradient reaches `mm` as gᵀ folded into rows (a copy: the view cannot fold).
        const g2 = rowsOperand(batchOperand(g, batch, true));
        const ga = needs[0]
          ? float32Tensor(unfoldTransposed(mmGradRight(g2, left, right), 1, k, m), a.shape)
          : null;
        const gb = needs[1]
          ? float32Tensor(unfoldTransposed(mmGradLeft(g2, left, right), count, n, k), b.shape)
          : null;
        return [ga, gb];
      }),
    rules,
    [a, b],
  );
}
