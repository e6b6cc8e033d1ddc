import type { Tensor } from "../../engine/tensor/index";
import { sameShape } from "./programPlaces";

/** Operations that work element by element (a scalar operand broadcast at most). */
const ELEMENTWISE =
  /^(\+|-|\*|\/|neg|exp|log|log2|log10|log1p|expm1|sqrt|tanh|sigmoid|relu|abs|sin|cos|\*\*.*|pow|square|maximum|minimum|clamp|clip|where|reciprocal)$/;

/** Whether `out` was computed from `x` element by element (so its derivative is elementwise too). */
export function elementwise(out: Tensor, x: Tensor): boolean {
  const stack = [out.gradFn];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null || seen.has(node) || node.outputId === x.id) continue;
    seen.add(node);
    if (seen.size > 1000 || !ELEMENTWISE.test(node.op)) return false;
    for (let j = 0; j < node.inputs.length; j++) {
      const input = node.inputs[j];
      if (input.numel !== 1 && !sameShape(input.shape, x.shape)) return false;
      if (node.inputIds[j] !== x.id) stack.push(node.inputFns[j]);
    }
  }
  return true;
}
