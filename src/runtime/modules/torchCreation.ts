import type * as T from "../../engine/tensor/index";
import type { Kwargs, PyValue } from "../interpreter/objects";
import { bind, boolArg, dtypeArg, shapeFrom } from "./torchArgs";
import { checkDevice } from "./torchDevice";
import type { TorchState } from "./torchState";

/**
 * The keyword options the creation functions share (`dtype=`, `device=`, `requires_grad=`,
 * `generator=`): `device=` must name the CPU, as on a CPU-only PyTorch.
 */
export const CREATE_KEYWORDS = ["dtype", "device", "requires_grad", "generator"];

/** The options every creation function takes: `dtype=`, `device=` and `requires_grad=`. */
export function createOptions(a: Record<string, PyValue | undefined>, dtype?: T.DType): T.CreateOptions {
  checkDevice(a.device);
  return { dtype: dtypeArg(a.dtype) ?? dtype, requiresGrad: boolArg(a.requires_grad, false) };
}

/** Splits `zeros(2, 3, dtype=…)` into the size arguments and the keyword options. */
export function sizeAndOptions(
  s: TorchState,
  fname: string,
  args: PyValue[],
  kwargs: Kwargs,
  keywords = CREATE_KEYWORDS,
) {
  const a = bind(fname, [], kwargs, ["size", ...keywords]);
  const shape = shapeFrom(s.interp, a.size !== undefined ? [a.size] : args);
  return { shape, a };
}
