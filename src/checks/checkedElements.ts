import type { Trace, TraceNode } from "../trace/trace";

/**
 * What a gradient check differentiates with respect to: every parameter that reaches the root —
 * a micrograd `Value` leaf (one element), or a tensor leaf that requires grad
 * (`torch.tensor(..., requires_grad=True)`, an `nn.Parameter`) element by element — and which of
 * their elements it checks when there are too many to check them all.
 */
export interface CheckedParameter {
  node: TraceNode;
  /** Row-major indices of the elements to check. */
  elements: number[];
}

/** The parameters of a run that reach its root: scalar leaves and tensor leaves that require grad. */
export function parametersOf(trace: Trace): TraceNode[] {
  return trace.nodes.filter(
    (n) =>
      n.kind === "leaf" && n.rootGrad !== null && n.parameter !== undefined && n.parameter.version !== null,
  );
}

/**
 * Every element when there are at most `budget` in all. Otherwise `budget` of them: one of each
 * parameter, the rest shared out in proportion to size (largest remainders), evenly spaced within
 * a parameter so its rows and columns are visited alike; past `budget` parameters, every so many
 * elements across them all. Deterministic: the same program gets the same sample.
 */
export function sampleElements(parameters: readonly TraceNode[], budget: number): CheckedParameter[] {
  const sizes = parameters.map((p) => p.data.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= budget) return parameters.map((node, i) => ({ node, elements: range(sizes[i]) }));
  if (parameters.length >= budget) return evenlyAcross(parameters, sizes, total, budget);
  const extra = budget - parameters.length;
  const rest = total - parameters.length;
  const exact = sizes.map((n) => (extra * (n - 1)) / rest);
  const quotas = exact.map((x) => 1 + Math.floor(x));
  let left = budget - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((_, i) => i).sort((a, b) => (exact[b] % 1) - (exact[a] % 1) || a - b);
  for (const i of byRemainder) {
    if (left === 0) break;
    quotas[i]++;
    left--;
  }
  return parameters.map((node, i) => ({
    node,
    elements: Array.from({ length: quotas[i] }, (_, k) => Math.floor((k * sizes[i]) / quotas[i])),
  }));
}

/** `budget` elements evenly spaced over all parameters' elements laid end to end. */
function evenlyAcross(
  parameters: readonly TraceNode[],
  sizes: readonly number[],
  total: number,
  budget: number,
): CheckedParameter[] {
  const out = parameters.map((node) => ({ node, elements: [] as number[] }));
  let p = 0;
  let start = 0;
  for (let k = 0; k < budget; k++) {
    const at = Math.floor((k * total) / budget);
    while (at >= start + sizes[p]) start += sizes[p++];
    out[p].elements.push(at - start);
  }
  return out.filter((c) => c.elements.length > 0);
}

/** `W[0, 1]` for element 1 of a 2×2 tensor named W; the bare name for a scalar. */
export function elementName(name: string, shape: readonly number[], element: number): string {
  if (shape.length === 0) return name;
  return `${name}[${multiIndex(element, shape).join(", ")}]`;
}

export function multiIndex(element: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = element % shape[d];
    element = Math.floor(element / shape[d]);
  }
  return index;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
