import type { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";

/** `x.retain_grad()`: a non-leaf keeps its gradient in `.grad` at the next backward (a no-op on leaves). */
export function retainGrad(t: Tensor): void {
  if (!t.requiresGrad) throw runtimeError("can't retain_grad on Tensor that has requires_grad=False");
  if (t.gradFn !== null) {
    t.retainsGrad = true;
    t.gradFn.retainTarget = t;
  }
}
