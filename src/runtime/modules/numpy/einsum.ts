import type { Kwargs, PyValue } from "../../interpreter/objects";
import { typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { einsumTensors } from "../einsumPlan";
import { asArray, castTensor, dtypeArg } from "./convert";
import type { NdArray, NpScalar } from "./ndarray";
import { promote, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";

/**
 * `np.einsum(subscripts, *operands, dtype=None)`: the operands promoted to one dtype (booleans
 * summed as numbers, then made booleans again, as numpy's logical sum of products).
 */
export function einsum(s: NumpyState, args: PyValue[], kwargs: Kwargs): NdArray | NpScalar {
  if (args.length < 2)
    throw valueError("must specify the einstein sum subscripts string and at least one operand");
  const spec = args[0];
  if (typeof spec !== "string")
    throw new UnsupportedError(
      "np.einsum with operands and sublists (the interleaved form) is not supported: pass a subscripts string",
    );
  for (const key of kwargs?.keys() ?? [])
    if (key !== "dtype" && key !== "optimize")
      throw typeError(`einsum() got an unexpected keyword argument '${key}'`);
  const arrays = args.slice(1).map((v) => asArray(s, v));
  let dtype: NpDtype = arrays.map((a) => a.dtype).reduce(promote);
  const asked = dtypeArg(s, kwargs?.get("dtype") ?? undefined);
  if (asked !== undefined) dtype = asked;
  const work: NpDtype = dtype === "bool" ? "int64" : dtype;
  const tensors = arrays.map((a) => castTensor(s.read(a), a.dtype, work));
  const out = einsumTensors(spec, tensors);
  return s.result(castTensor(out, work, dtype), dtype);
}
