import { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";

/** `F.one_hot(t, num_classes=-1)`: int64 indices → int64 one-hot vectors along a new last dim. */
export function oneHot(t: Tensor, numClasses = -1): Tensor {
  if (t.dtype !== "int64")
    throw runtimeError("one_hot is only applicable to index tensor of type LongTensor.");
  const v = t.values();
  let classes = numClasses;
  if (classes === -1) {
    if (v.length === 0) throw runtimeError("Can not infer total number of classes from empty tensor.");
    classes = Math.max(...v) + 1;
  }
  const out = new Float64Array(v.length * classes);
  for (let i = 0; i < v.length; i++) {
    if (v[i] < 0) throw runtimeError("Class values must be non-negative.");
    if (v[i] >= classes) throw runtimeError("Class values must be smaller than num_classes.");
    out[i * classes + v[i]] = 1;
  }
  return Tensor.fromValues(out, [...t.shape, classes], "int64");
}
