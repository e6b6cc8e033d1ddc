import { Tensor, type DType, type Nested } from "../../../engine/tensor/index";
import type { Interpreter } from "../../interpreter/interpreter";
import type { PyValue } from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError } from "../../interpreter/pyErrors";
import { typeName } from "../../interpreter/stringify";
import { joinGraph, NdArray, NpBuffer, NpScalar } from "./ndarray";
import { engineDtype, fromEngine } from "./npDtype";
import { numpyState } from "./numpyModule";

/**
 * numpy ↔ torch as PyTorch does it: `torch.from_numpy(a)` and `t.numpy()` share memory (a
 * write through either is seen by the other; the buffer stops being copied on write), while
 * `torch.tensor(a)` copies with a's dtype (float64 stays float64). numpy's int32 has no engine
 * type of its own: it reaches torch as int64.
 */

/** `torch.from_numpy(a)`: a tensor over a's memory, outside any graph. */
export function tensorSharing(v: PyValue): Tensor {
  if (!(v instanceof NdArray)) throw typeError(`expected np.ndarray (got ${typeName(v)})`);
  noUint8(v);
  const buffer = v.buffer;
  buffer.external = true;
  const a = v.tensor;
  return new Tensor(buffer.storage, [...a.shape], [...a.strides], a.offset, engineDtype(v.dtype));
}

/** `t.numpy()`: an array over the tensor's memory (PyTorch refuses one that requires grad). */
export function arraySharing(interp: Interpreter, t: Tensor): NdArray {
  if (t.requiresGrad)
    throw new PyError(
      "RuntimeError",
      "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
    );
  const s = numpyState(interp);
  const buffer = new NpBuffer(t.storage);
  buffer.external = true;
  const dtype = fromEngine(t.dtype);
  const view = joinGraph(new Tensor(t.storage, [...t.shape], [...t.strides], t.offset, t.dtype), dtype);
  s.note(view);
  const a = new NdArray(s.ndarrayClass, buffer, view, dtype, s.generation);
  a.ownsData = false; // the tensor's memory
  return a;
}

/** `torch.tensor(a)` for an array or numpy scalar: its values and dtype; null for anything else. */
export function numpyData(v: PyValue): { data: Nested; dtype: DType } | null {
  if (v instanceof NdArray || v instanceof NpScalar) {
    noUint8(v);
    return { data: v.tensor.toNested(), dtype: engineDtype(v.dtype) };
  }
  return null;
}

/** torch.uint8 is not modelled: a uint8 array must not reach torch as another dtype. */
function noUint8(v: NdArray | NpScalar): void {
  if (v.dtype === "uint8")
    throw new UnsupportedError(
      "torch.uint8 is not supported by GradLens: convert the array with .astype(np.int64)",
    );
}

/** A numpy scalar inside a list given to torch: its value and category (0 bool, 1 int, 2 float). */
export function numpyElement(v: PyValue): { value: number; category: number; float64: boolean } | null {
  if (!(v instanceof NpScalar)) return null;
  const category = v.dtype === "bool" ? 0 : v.dtype === "float64" || v.dtype === "float32" ? 2 : 1;
  return { value: v.value, category, float64: v.dtype === "float64" };
}
