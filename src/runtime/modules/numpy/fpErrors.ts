import type { Tensor } from "../../../engine/tensor/index";
import type { NumpyState } from "./numpyState";

/**
 * numpy's floating-point error reporting with its default `np.seterr` (warn on divide,
 * overflow and invalid; ignore underflow): an operation whose finite inputs made an infinity
 * or a NaN warns once, as numpy's RuntimeWarning, without stopping the program.
 */

/** How an infinity from finite operands is named: `divide by zero` for a pole, else `overflow`. */
export type PoleTest = (index: number) => boolean;

/** Broadcast reader: element i of the output read from an operand of possibly smaller shape. */
function reader(t: Tensor, shape: readonly number[]): (i: number) => number {
  const v = t.values();
  if (v.length === 1) return () => v[0];
  const nd = shape.length;
  const strides = new Array<number>(nd).fill(0);
  let s = 1;
  for (let d = t.ndim - 1; d >= 0; d--) {
    const od = nd - t.ndim + d;
    strides[od] = t.shape[d] === 1 ? 0 : s;
    s *= t.shape[d];
  }
  return (i) => {
    let p = 0;
    for (let d = nd - 1; d >= 0; d--) {
      const size = shape[d];
      p += (i % size) * strides[d];
      i = Math.floor(i / size);
    }
    return v[p];
  };
}

/**
 * Checks an operation's result for new infinities and NaNs and warns as numpy does:
 * `divide by zero encountered in log`, `overflow encountered in exp`, `invalid value
 * encountered in sqrt`. `pole(i)` says whether the i-th infinity came from a division by zero.
 */
export function checkFloatErrors(
  s: NumpyState,
  name: string,
  out: Tensor,
  inputs: readonly Tensor[],
  pole: ((read: ((i: number) => number)[], i: number) => boolean) | null,
): void {
  const o = out.values();
  let suspicious = false;
  for (let i = 0; i < o.length; i++) {
    const x = o[i];
    if (x !== x || x === Infinity || x === -Infinity) {
      suspicious = true;
      break;
    }
  }
  if (!suspicious) return;
  const read = inputs.map((t) => reader(t, out.shape));
  let divide = false;
  let overflow = false;
  let invalid = false;
  for (let i = 0; i < o.length; i++) {
    const x = o[i];
    if (x === x && x !== Infinity && x !== -Infinity) continue;
    let anyNan = false;
    let allFinite = true;
    for (const r of read) {
      const v = r(i);
      if (v !== v) anyNan = true;
      if (!Number.isFinite(v)) allFinite = false;
    }
    if (x !== x) {
      if (!anyNan) invalid = true;
    } else if (allFinite) {
      if (pole !== null && pole(read, i)) divide = true;
      else overflow = true;
    }
  }
  if (divide) s.fpError("divide", `divide by zero encountered in ${name}`);
  if (overflow) s.fpError("over", `overflow encountered in ${name}`);
  if (invalid) s.fpError("invalid", `invalid value encountered in ${name}`);
}
