import type { Tensor } from "../engine/tensor/index";

/** Up to this many numbers, the trace keeps every tensor value of the run. */
export const FULL_TENSOR_NUMBERS = 200_000;

interface HeldValue {
  tensor: Tensor;
  current: boolean;
}

/**
 * Which tensor values (by id, ascending) the trace keeps. A training loop makes a new graph
 * every step; past FULL_TENSOR_NUMBERS only the last backward()'s graph, the values names stood
 * for, and the operands of those are kept, as rowsToTrace does for micrograd Values.
 */
export function tensorValuesToTrace(
  ids: number[],
  values: ReadonlyMap<number, HeldValue>,
  rootId: number | null,
  named: Iterable<number>,
): number[] {
  let numbers = 0;
  for (const id of ids) numbers += values.get(id)?.tensor.numel ?? 0;
  if (numbers <= FULL_TENSOR_NUMBERS) return ids;
  const keep = new Set<number>();
  const operandsOf = (id: number): readonly number[] => {
    const h = values.get(id);
    return h && h.current && h.tensor.gradFn ? h.tensor.gradFn.inputIds : [];
  };
  const stack = rootId !== null ? [rootId] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (keep.has(id)) continue;
    keep.add(id);
    stack.push(...operandsOf(id));
  }
  for (const id of named) {
    keep.add(id);
    for (const operand of operandsOf(id)) keep.add(operand);
  }
  return ids.filter((id) => keep.has(id));
}
