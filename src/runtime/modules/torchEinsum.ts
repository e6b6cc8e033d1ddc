import { scalarTypeName } from "../../engine/tensor/dtype";
import type { Tensor } from "../../engine/tensor/index";
import { PyError } from "../interpreter/pyErrors";
import type { PyValue } from "../interpreter/objects";
import { typeName } from "../interpreter/stringify";
import { einsumTensors } from "./einsumPlan";
import { tensorList } from "./torchArgs";
import { TensorObject, type TorchState } from "./torchState";

/**
 * `torch.einsum(equation, *operands)` (or the operands as one list): numpy's subscripts on the
 * engine's recorded operations, so gradients flow back through it. Operands must share a dtype,
 * as PyTorch requires.
 */
export function torchEinsum(s: TorchState, args: PyValue[]): TensorObject {
  const equation = args[0];
  if (typeof equation !== "string")
    throw new PyError("TypeError", "einsum(): argument 'equation' (position 1) must be str");
  const rest = args.slice(1);
  const tensors: Tensor[] =
    rest.length === 1 && !(rest[0] instanceof TensorObject)
      ? tensorList(s.interp, rest[0], "einsum")
      : rest.map((v) => {
          if (v instanceof TensorObject) return v.tensor;
          throw new PyError(
            "TypeError",
            `einsum(): argument 'operands' (position 2) must be tuple of Tensors, not ${typeName(v)}`,
          );
        });
  const terms = equation.split("->")[0].split(",").length;
  if (terms > tensors.length)
    throw new PyError(
      "RuntimeError",
      "einsum(): fewer operands were provided than specified in the equation",
    );
  if (terms < tensors.length)
    throw new PyError("RuntimeError", "einsum(): more operands were provided than specified in the equation");
  for (const t of tensors)
    if (t.dtype !== tensors[0].dtype)
      throw new PyError(
        "RuntimeError",
        `expected scalar type ${scalarTypeName(tensors[0].dtype)} but found ${scalarTypeName(t.dtype)}`,
      );
  return s.wrap(einsumTensors(equation, tensors));
}
