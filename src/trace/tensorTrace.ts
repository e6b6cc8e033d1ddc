import type { RootGradients, Tensor } from "../engine/tensor/index";
import type { Span, TraceEdge, TraceNode } from "./trace";
import { tensorValuesToTrace } from "./tensorValuesToTrace";

/** What a run that used torch hands over for the tensor part of the trace. */
export interface TensorTraceInput {
  /** Every tensor the program held; operands of their operations are found through grad_fn. */
  held: readonly Tensor[];
  /** The user-code span that made a value (by tensor id), when known. */
  spanOf(id: number): Span | null;
  namesOf(id: number): readonly string[] | undefined;
  /** The innermost call (an index into the trace's calls) that made a value, when calls are recorded. */
  callOf?(id: number): number | null;
  /** The last tensor `backward()` (null when none, or when a micrograd one came after it). */
  backward: RootGradients | null;
  /** Tensor id of that backward's root. */
  rootId: number | null;
  /**
   * A value the caller chose to differentiate instead (RunOptions.output: a tape row, which for
   * a tensor is its id), and how to get the gradients of a one-element tensor whose graph is
   * still intact (null when it is not).
   */
  output?: number;
  gradientsFor?(t: Tensor): RootGradients | null;
  /** Name occurrences that stood for a tensor, by tensor id (`statement`: see Occurrence). */
  occurrences: { name: string; span: Span; id: number; statement?: Span }[];
}

/**
 * The tensor side of the trace, before it is numbered: which tensor values become nodes (by
 * id, ascending — the tape's order), and how to make each node once the caller has given every
 * value its node id. buildTrace interleaves these with the scalar rows in one pass.
 */
export interface TensorGraph {
  /** Tensor ids that become nodes, ascending. */
  ids: readonly number[];
  /** The node of tensor value `id` as node `nodeId`; its input edges are appended to `edges`. */
  node(id: number, nodeId: number, nodeOf: (id: number) => number | undefined, edges: TraceEdge[]): TraceNode;
  /** The tensor value to differentiate (the chosen output, or the last backward()'s root), if any. */
  rootId: number | null;
  /** Name occurrences that stood for a tensor, with that tensor's id in place of a node. */
  occurrences: { name: string; span: Span; id: number; statement?: Span }[];
}

/** A value of the graph: the tensor that holds (or held) it, and whether it is still that tensor's value. */
interface Held {
  tensor: Tensor;
  current: boolean;
}

/**
 * Every tensor value reachable from the held tensors through grad_fn, by id. A tensor changed
 * in place moved on to a new id; its old value lives on as the snapshot the in-place node
 * took (found as that node's operand), and a value with no snapshot falls back to its tensor.
 */
function collectValues(held: readonly Tensor[]): Map<number, Held> {
  const values = new Map<number, Held>();
  const seen = new Set<Tensor>();
  const stack = [...held];
  const stale: [number, Tensor][] = [];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    values.set(t.id, { tensor: t, current: true });
    const node = t.gradFn;
    if (node === null) continue;
    node.inputs.forEach((x, j) => {
      if (x.id !== node.inputIds[j]) stale.push([node.inputIds[j], x]);
      stack.push(x);
    });
  }
  for (const [id, t] of stale) if (!values.has(id)) values.set(id, { tensor: t, current: false });
  return values;
}

const list = (t: Tensor | null | undefined): number[] | null => (t ? Array.from(t.values()) : null);

/**
 * For each leaf, the first version of it (the count of writes to its memory) that an operation
 * on the root's path read: the state of the leaf the root's gradient is about.
 */
function leafVersionsRead(
  values: Map<number, Held>,
  contributions: Map<string, Tensor>,
): Map<number, number> {
  const read = new Map<number, number>();
  for (const [id, h] of values) {
    const node = h.current ? h.tensor.gradFn : null;
    const writes = node?.inputWrites;
    if (!node || !writes) continue;
    node.inputIds.forEach((inputId, operand) => {
      if (node.inputFns[operand] !== null || !contributions.has(`${id}:${operand}`)) return;
      const version = writes[operand];
      const known = read.get(inputId);
      if (known === undefined || version < known) read.set(inputId, version);
    });
  }
  return read;
}

/**
 * The tensor values that take part in autograd (a leaf that requires grad, an operation's
 * result, and the constants those operations read) and their nodes: an edge per operand with
 * the rule in words and, when the last backward() reached it, its contribution.
 * `expressionAt` shares one span object and text per expression with the scalar nodes.
 */
export function tensorGraph(
  input: TensorTraceInput,
  expressionAt: (span: Span) => { span: Span; expr: string },
): TensorGraph {
  const values = collectValues(input.held);
  const included = new Set<number>();
  for (const [id, h] of values) {
    if (!h.current || !h.tensor.requiresGrad) continue;
    included.add(id);
    const node = h.tensor.gradFn;
    if (node !== null) for (const inputId of node.inputIds) included.add(inputId);
  }
  const ids = tensorValuesToTrace(
    [...included].filter((id) => values.has(id)).sort((a, b) => a - b),
    values,
    input.rootId,
    input.occurrences.map((o) => o.id),
  );
  let backward = input.backward;
  let rootId = input.rootId;
  // RunOptions.output names a value by its tape row, which is a tensor's id
  const chosen = input.output !== undefined && ids.includes(input.output) ? input.output : undefined;
  const chosenGradients =
    chosen !== undefined ? (input.gradientsFor?.(values.get(chosen)!.tensor) ?? null) : null;
  if (chosenGradients !== null) {
    backward = chosenGradients;
    rootId = chosen!;
  }
  const contributions = new Map<string, Tensor>();
  for (const e of backward?.edges ?? []) contributions.set(`${e.toId}:${e.operand}`, e.contribution);
  const readAt = leafVersionsRead(values, contributions);
  const spans = new Map<number, Span | null>(ids.map((id) => [id, input.spanOf(id)]));
  // values made inside an operation (a constant `2` in `x * 2`) take the span of their consumer
  for (let i = ids.length - 1; i >= 0; i--) {
    const h = values.get(ids[i])!;
    const at = spans.get(ids[i]);
    const node = h.current ? h.tensor.gradFn : null;
    if (!at || node === null) continue;
    for (const inputId of node.inputIds) if (!spans.get(inputId)) spans.set(inputId, at);
  }
  const node = (
    id: number,
    nodeId: number,
    nodeOf: (id: number) => number | undefined,
    edges: TraceEdge[],
  ): TraceNode => {
    const h = values.get(id)!;
    const t = h.tensor;
    const gradFn = h.current ? t.gradFn : null;
    const at = spans.get(id) ?? null;
    const expression = at ? expressionAt(at) : null;
    const rootGrad = backward?.grads.get(id);
    const traceNode: TraceNode = {
      id: nodeId,
      kind: gradFn !== null ? "op" : t.requiresGrad || !t.isWrappedNumber ? "leaf" : "const",
      op: gradFn !== null ? gradFn.op : "",
      names: input.namesOf(id)?.slice() ?? [],
      expr: expression ? expression.expr : null,
      span: expression ? expression.span : null,
      shape: [...t.shape],
      data: Array.from(t.values()),
      grad: h.current ? list(t.grad) : null,
      rootGrad: list(rootGrad),
      inputEdges: [],
      tensor: true,
    };
    if (input.callOf) traceNode.call = input.callOf(id);
    if (t.cut !== null && !t.requiresGrad) traceNode.cut = t.cut;
    if (gradFn === null && h.current && t.requiresGrad)
      traceNode.parameter = { dtype: t.dtype, version: readAt.get(id) ?? null };
    if (gradFn !== null) {
      gradFn.inputIds.forEach((inputId, operand) => {
        const from = nodeOf(inputId);
        if (from === undefined) return;
        const edge: TraceEdge = {
          id: edges.length,
          from,
          to: nodeId,
          operand,
          local: null,
          rule: gradFn.rules[operand] ?? "",
          contribution: list(contributions.get(`${id}:${operand}`)),
        };
        traceNode.inputEdges.push(edge.id);
        edges.push(edge);
      });
    }
    return traceNode;
  };
  return {
    ids,
    node,
    rootId: rootId !== null && backward !== null ? rootId : null,
    occurrences: input.occurrences,
  };
}
