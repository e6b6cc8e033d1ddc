import { OpCode, SCALAR_OPS } from "../engine/scalar/scalarOps";
import type { Tape } from "../engine/tape";
import { floatRepr } from "../format/floatFormat";
import type {
  Occurrence,
  OwnValueInfo,
  PyJson,
  Span,
  Trace,
  TraceCall,
  TraceDiagnostic,
  TraceEdge,
  TraceNode,
} from "./trace";
import { rowsToTrace, STOPPED_LIMITS } from "./rowsToTrace";
import { tensorGraph, type TensorTraceInput } from "./tensorTrace";

/** The tape's flag bit for "the exponent of `**` is a Python int" (see Tape.flags). */
const EXPONENT_INT = 4;
const EXPR_MAX = 40;

/** What a finished run hands over to become a Trace. */
export interface TraceInput {
  source: string;
  /** The text of another file a span names (a module of the program's); undefined when unknown. */
  sourceOf?(file: string): string | undefined;
  /** The files the run read or looked at (Trace.inputs). */
  inputs?: string[];
  tape: Tape;
  /** The source span of the expression that made a row, or null when unknown. */
  spanOf(row: number): Span | null;
  /** Names the program bound each row to, in binding order. */
  names: ReadonlyMap<number, string[]>;
  /** The row of the last `backward()`, or null. */
  root: number | null;
  occurrences: Occurrence[];
  ok: boolean;
  stdout: string;
  diagnostics: TraceDiagnostic[];
  variables: Record<string, PyJson>;
  /** The function calls of the run and which one made each row, when the runtime records them. */
  calls?: { list: TraceCall[]; callOf(row: number): number | null };
  /** The tensors of a run that used torch: their nodes take their rows' places among the scalars'. */
  tensors?: TensorTraceInput;
  /** The values of the program's own autograd classes, when it has any. */
  own?: OwnTraceInput;
}

/** What the runtime knows of the rows its own autograd classes made (src/runtime/ownValues). */
export interface OwnTraceInput {
  /** The class of a row such a class made; undefined for every other row. */
  classOf(row: number): string | undefined;
  /** The `label` the program gave the value, if any. */
  label(row: number): string | undefined;
  /** An opaque row's own op label. */
  opaqueOp(row: number): string | undefined;
  check(row: number): OwnValueInfo["check"];
  /** An edge whose closure sent another contribution than the chain rule. */
  edge(row: number, operand: number): TraceEdge["mismatch"];
}

/** A run's step, time or memory budget stopped it (runErrors.ts's codes; a Python MemoryError). */
function stoppedByBudget(d: TraceDiagnostic): boolean {
  if (d.severity !== "error") return false;
  return (
    d.code === "budget" ||
    d.code === "memory" ||
    (d.code === "runtime" && d.message.startsWith("MemoryError"))
  );
}

/** Source text of an expression on one line, shortened to about 40 characters. */
export function shortExpression(source: string, span: Span): string {
  const text = source.slice(span.from, span.to).replace(/\s+/g, " ").trim();
  return text.length > EXPR_MAX ? text.slice(0, EXPR_MAX - 1) + "…" : text;
}

function opLabel(tape: Tape, row: number, own: OwnTraceInput | undefined): string {
  const code = tape.op[row];
  if (code === OpCode.Opaque) return own?.opaqueOp(row) ?? "";
  if (code !== OpCode.Pow) return SCALAR_OPS[code].symbol;
  const k = tape.k[row];
  const isInt = (tape.flags[row] & EXPONENT_INT) !== 0;
  return `**${isInt && Number.isFinite(k) ? String(k) : floatRepr(k)}`;
}

/** ∂row/∂operand for every row, first and second operand. */
function localDerivatives(tape: TraceInput["tape"]): [Float64Array, Float64Array] {
  const first = new Float64Array(tape.size);
  const second = new Float64Array(tape.size);
  for (let row = 0; row < tape.size; row++) {
    if (tape.op[row] <= OpCode.Opaque) continue;
    first[row] = tape.localDerivative(row, 0);
    if (tape.b[row] >= 0) second[row] = tape.localDerivative(row, 1);
  }
  return [first, second];
}

/**
 * Turns the tape into the trace's graph, in the tape's order: one node per scalar row, with an
 * edge per operand carrying its local derivative and, when the node reaches the last
 * backward() root, the contribution ∂root/∂to · ∂to/∂from that flows back along it; and, in
 * their places among them, the tensor values that take part in autograd (tensorTrace.ts).
 */
export function buildTrace(input: TraceInput): Trace {
  const { tape, source } = input;
  // Gradients and local derivatives as of the last backward(), even if the program has
  // updated the data since (the training-loop step); the nodes show the data as it is now.
  const { rootGrads, locals } = tape.withDataAtLastBackward(() => ({
    rootGrads: input.root !== null ? tape.rootGradients(input.root) : null,
    locals: localDerivatives(tape),
  }));
  const nodes: TraceNode[] = [];
  const edges: TraceEdge[] = [];
  // A loop makes many rows from one expression: one span object and one text per expression.
  const expressions = new Map<number | string, Map<number, { span: Span; expr: string }>>();
  const expressionAt = (at: Span) => {
    const key = at.file === undefined ? at.from : `${at.file}\0${at.from}`;
    let byEnd = expressions.get(key);
    if (!byEnd) expressions.set(key, (byEnd = new Map()));
    let e = byEnd.get(at.to);
    if (!e) {
      // a span in one of the program's modules reads that module's text
      const text = at.file === undefined ? source : (input.sourceOf?.(at.file) ?? "");
      byEnd.set(at.to, (e = { span: at, expr: shortExpression(text, at) }));
    }
    return e;
  };
  // A long run keeps only the scalar rows that matter (see rowsToTrace).
  const limits = input.diagnostics.some(stoppedByBudget) ? STOPPED_LIMITS : undefined;
  const kept = rowsToTrace(tape, rootGrads?.reaches ?? null, input.occurrences, limits);
  // One root per trace: when it is a Value, a tensor backward() from before is not its ∂root/∂x.
  const tensorInput =
    input.tensors && input.root !== null
      ? { ...input.tensors, backward: null, rootId: null, output: undefined }
      : input.tensors;
  const tensors = tensorInput ? tensorGraph(tensorInput, expressionAt) : null;
  const order = nodeOrder(tape, kept, tensors?.ids ?? []);
  // Node ids follow the tape's order; a node whose id is not its row says its row.
  const nodeOfRow = new Int32Array(tape.size).fill(-1);
  const nodeOfTensor = new Map<number, number>();
  order.forEach((entry, id) => {
    if (entry >= 0) nodeOfRow[entry] = id;
    else nodeOfTensor.set(tensors!.ids[-entry - 1], id);
  });
  const tensorNodeOf = (tensorId: number) => nodeOfTensor.get(tensorId);
  for (let i = 0; i < order.length; i++) {
    const entry = order[i];
    if (entry < 0) {
      const tensorId = tensors!.ids[-entry - 1];
      const node = tensors!.node(tensorId, i, tensorNodeOf, edges);
      if (tensorId !== i && tape.isTensorBirth(tensorId)) node.row = tensorId;
      nodes.push(node);
      continue;
    }
    const row = entry;
    const code = tape.op[row];
    const at = input.spanOf(row);
    const expression = at ? expressionAt(at) : null;
    const reaches = rootGrads !== null && rootGrads.reaches[row] === 1;
    const node: TraceNode = {
      id: i,
      kind: code === OpCode.Leaf ? "leaf" : code === OpCode.Const ? "const" : "op",
      op: opLabel(tape, row, input.own),
      names: input.names.get(row)?.slice() ?? [],
      expr: expression ? expression.expr : null,
      span: expression ? expression.span : null,
      shape: [],
      data: [tape.data[row]],
      grad: [tape.grad[row]],
      rootGrad: reaches ? [rootGrads.grad[row]] : null,
      inputEdges: [],
    };
    // a birth names the value across runs even when a long run's tape dropped earlier rows
    const birth = tape.birthOf(row);
    if (kept || birth !== i) node.row = birth;
    if (input.calls) node.call = input.calls.callOf(row);
    const own = input.own;
    const ownClass = own?.classOf(row);
    if (ownClass !== undefined) {
      node.own = { class: ownClass };
      const check = own!.check(row);
      if (check !== undefined) node.own.check = check;
      const label = own!.label(row);
      if (label !== undefined) node.label = label;
    }
    if (code === OpCode.Opaque) {
      // an op without a rule: its edges carry no local derivative, and no gradient flows back
      tape.operandsOf(row).forEach((from, operand) => {
        if (nodeOfRow[from] < 0) return; // a thinned trace's operand of an operand: left out
        const edge: TraceEdge = {
          id: edges.length,
          from: nodeOfRow[from],
          to: i,
          operand,
          local: null,
          rule: `GradLens knows no local derivative for \`${node.op}\``,
          contribution: null,
        };
        node.inputEdges.push(edge.id);
        edges.push(edge);
      });
    } else if (code > OpCode.Const) {
      const rule = SCALAR_OPS[code];
      const operands = tape.b[row] >= 0 ? [tape.a[row], tape.b[row]] : [tape.a[row]];
      for (let operand = 0; operand < operands.length; operand++) {
        // an operand of an operand in a thinned trace: the edge would lead to a node left out
        if (nodeOfRow[operands[operand]] < 0) continue;
        const local = locals[operand][row];
        // a Value leaf on the root's path: the state of it its first reader there saw, for a gradient check
        const leafNode =
          reaches && tape.op[operands[operand]] === OpCode.Leaf
            ? nodes[nodeOfRow[operands[operand]]]
            : undefined;
        if (leafNode && !leafNode.parameter)
          leafNode.parameter = { dtype: "float64", version: tape.dataVersion(operands[operand], row) };
        const edge: TraceEdge = {
          id: edges.length,
          from: nodeOfRow[operands[operand]],
          to: i,
          operand,
          local: [local],
          rule: rule.rule(operand, tape.k[row]),
          contribution: reaches ? [rootGrads.grad[row] * local] : null,
        };
        const mismatch = own?.edge(row, operand);
        if (mismatch !== undefined) edge.mismatch = mismatch;
        node.inputEdges.push(edge.id);
        edges.push(edge);
      }
    }
    nodes.push(node);
  }
  let root = input.root === null ? null : nodeOfRow[input.root];
  if (root === null && tensors !== null && tensors.rootId !== null)
    root = nodeOfTensor.get(tensors.rootId) ?? null;
  let occurrences: Occurrence[] = input.occurrences.flatMap((o) =>
    nodeOfRow[o.node] >= 0 ? [{ ...o, node: nodeOfRow[o.node] }] : [],
  );
  if (tensors) {
    for (const o of tensors.occurrences) {
      const node = nodeOfTensor.get(o.id);
      if (node === undefined) continue;
      occurrences.push(
        o.statement
          ? { name: o.name, span: o.span, node, statement: o.statement }
          : { name: o.name, span: o.span, node },
      );
    }
    occurrences = occurrences.sort((x, y) => x.span.from - y.span.from);
  }
  // values left out: what the tape dropped during the run, and what this trace thinned away
  const omitted = tape.dropped + (kept ? scalarRows(tape) - kept.length : 0);
  return {
    ok: input.ok,
    stdout: input.stdout,
    diagnostics: input.diagnostics,
    nodes,
    edges,
    root,
    occurrences,
    variables: input.variables,
    ...(input.calls ? { calls: input.calls.list } : {}),
    ...(omitted > 0 ? { omitted } : {}),
    ...(input.inputs && input.inputs.length > 0 ? { inputs: input.inputs } : {}),
  };
}

/**
 * The trace's nodes in order, as entries: a scalar row (≥ 0), or −(i + 1) for the i-th of
 * `tensorIds`. Both lists ascend, so a merge gives the tape's order; a tensor made off the
 * tape has an id past every row and comes last.
 */
function nodeOrder(tape: Tape, kept: readonly number[] | null, tensorIds: readonly number[]): number[] {
  const order: number[] = [];
  const count = kept ? kept.length : tape.size;
  let t = 0;
  for (let i = 0; i < count; i++) {
    const row = kept ? kept[i] : i;
    if (tape.op[row] === OpCode.Tensor) continue;
    // tensor ids are births, in creation order with the rows' births
    const birth = tape.birthOf(row);
    while (t < tensorIds.length && tensorIds[t] < birth) order.push(-++t);
    order.push(row);
  }
  while (t < tensorIds.length) order.push(-++t);
  return order;
}

function scalarRows(tape: Tape): number {
  let n = 0;
  for (let row = 0; row < tape.size; row++) if (tape.op[row] !== OpCode.Tensor) n++;
  return n;
}
