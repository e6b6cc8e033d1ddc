// numpy.linspace for a float range as numpy 1.24 computes it: i * step + start with
// step = (stop - start) / div, and the last point set to stop exactly when endpoint=True.
// Computed the same way, the points are the same doubles, which sin and cos then see.

import { allocFloat64 } from "../../../engine/memory";

export function linspace(start: number, stop: number, num: number, endpoint = true): Float64Array {
  const out = allocFloat64(num);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  if (div > 0) {
    const step = delta / div;
    // numpy divides first and multiplies after when the step underflows to zero
    for (let i = 0; i < num; i++) out[i] = (step === 0 ? (i / div) * delta : i * step) + start;
  } else {
    for (let i = 0; i < num; i++) out[i] = i * delta + start;
  }
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}
