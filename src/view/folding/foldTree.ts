import { sameSpan, spanKey } from "../../trace/spans";
import { backwardOfForward, callTitle, layerCallMask, methodOf } from "../../trace/layerCalls";
import type { Span, Trace } from "../../trace/trace";
import { traceIndex } from "../traceIndex";

/**
 * What can fold: a box per function or method call (`MLP` → its `Layer`s → `Neuron`s) and,
 * inside each call (or at the top level), a group per source span that made more than one
 * thing — the values one expression made in a loop, or the calls one call expression made.
 * The folds form a tree; each trace node sits in its innermost fold. It depends only on the
 * trace, so it is built once per trace and reused for every expand/collapse.
 */
export interface Fold {
  /** Stable across runs of the same source: `g<from>:<to>`, `c<call>`, `c<call>/g<from>:<to>`. */
  key: string;
  kind: "span" | "call";
  /** Index of the enclosing fold; -1 at the top level. */
  parent: number;
  /** 1 at the top level. */
  depth: number;
  /** The expression (span folds) or the callee (call folds), as the group's title reads. */
  label: string;
  span: Span | null;
  /** What `×N` counts: the values or calls the span made; 1 for a call. */
  items: number;
  /** Trace values inside, at any depth. */
  size: number;
  /** Trace values directly inside (not in a nested fold). */
  direct: number;
  /** The last trace node inside: its output, what a click on the group reveals. */
  last: number;
  /**
   * Edges from one of its values into the next evaluation of the same expression (same op):
   * a recurrence such as `h = h * w` or `sum(…)`, which open makes the graph that many columns wide.
   */
  chain: number;
  /**
   * A hand-written layer's forward or backward call (`Dense (network[0])`): closed until the
   * user opens it, so a network of layers reads as its layers whatever the graph's size. Also
   * a loop of calls that only ran the layers forward (the predictions after training): one box,
   * apart from the training step's forward and backward pass.
   */
  shut: boolean;
}

export interface FoldTree {
  folds: Fold[];
  /** Per trace node (by position in `trace.nodes`): its innermost fold, or -1. */
  owner: Int32Array;
  byKey: Map<string, number>;
  /** Position in `trace.nodes` by node id (ids are usually positions already). */
  indexOfId: (id: number) => number;
}

const cache = new WeakMap<Trace, FoldTree>();

/** The fold tree of `trace`, built on first use and cached for as long as the trace lives. */
export function foldTree(trace: Trace): FoldTree {
  let tree = cache.get(trace);
  if (!tree) {
    tree = buildFoldTree(trace);
    cache.set(trace, tree);
  }
  return tree;
}

/**
 * Calls with fewer values than this draw no box: a box around one value says nothing — except
 * a layer's, which says which layer made it (`Tanh (network[1])` around its one `tanh`).
 */
const MIN_CALL_VALUES = 2;

function buildFoldTree(trace: Trace): FoldTree {
  const nodes = trace.nodes;
  const n = nodes.length;
  const indexOfId = traceIndex(trace).position;
  const calls = trace.calls ?? [];
  const layerCall = layerCallMask(calls);

  // Values per call, including nested calls (a call starts after its parent: ids grow).
  const callSize = new Int32Array(calls.length);
  for (const node of nodes) if (node.call != null && node.call < calls.length) callSize[node.call]++;
  for (let c = calls.length - 1; c >= 0; c--) {
    const p = calls[c].parent;
    if (p !== null && p < c) callSize[p] += callSize[c];
  }
  const inference = inferenceCalls(calls, layerCall);
  const boxed = (c: number) => callSize[c] >= (layerCall[c] ? 1 : MIN_CALL_VALUES);
  // The nearest enclosing call that gets a box, or -1 (the top level).
  const boxOf = new Int32Array(calls.length);
  for (let c = 0; c < calls.length; c++) {
    const p = calls[c].parent;
    const up = p !== null && p < c ? boxOf[p] : -1;
    boxOf[c] = boxed(c) ? c : up;
  }
  const scopeOfNode = (i: number) => {
    const c = nodes[i].call;
    return c == null || c >= calls.length ? -1 : boxOf[c];
  };

  const folds: Fold[] = [];
  const byKey = new Map<string, number>();
  const addFold = (
    fold: Omit<Fold, "depth" | "size" | "direct" | "last" | "chain" | "shut">,
    shut = false,
  ) => {
    byKey.set(fold.key, folds.length);
    folds.push({ ...fold, depth: 0, size: 0, direct: 0, last: -1, chain: 0, shut });
    return folds.length - 1;
  };
  const callFold = new Int32Array(calls.length).fill(-1);
  for (let c = 0; c < calls.length; c++) {
    if (boxOf[c] !== c) continue;
    callFold[c] = addFold(
      {
        key: `c${c}`,
        kind: "call",
        parent: -1,
        label: callTitle(calls[c]),
        span: calls[c].span,
        items: 1,
      },
      layerCall[c] === 1,
    );
  }

  // Constants go where their first consumer goes (the `2` in `x * 2` belongs to that product).
  const consumer = new Int32Array(n).fill(-1);
  for (const edge of trace.edges) {
    const from = indexOfId(edge.from);
    if (from >= 0 && consumer[from] < 0 && nodes[from].kind === "const") consumer[from] = indexOfId(edge.to);
  }

  // Bucket what each scope holds (its values and its child boxes) by source span.
  interface Bucket {
    scope: number;
    span: Span;
    values: number[];
    calls: number[];
  }
  const buckets = new Map<string, Bucket>();
  // a fold's key stays short: a module's file is numbered in the order its values come
  const fileTags = new Map<string, number>();
  const fileTag = (file: string) => {
    let tag = fileTags.get(file);
    if (tag === undefined) fileTags.set(file, (tag = fileTags.size + 1));
    return tag;
  };
  // Code inside micrograd.nn carries the user's call expression as its span: inside a call,
  // what shares the call's own span is the call's body, not a loop of the user's.
  const sameAsScope = (scope: number, span: Span) => scope >= 0 && sameSpan(calls[scope].span, span);
  const bucketOf = (scope: number, span: Span) => {
    const k = `${scope}|${spanKey(span)}`;
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = { scope, span, values: [], calls: [] }));
    return b;
  };
  const owner = new Int32Array(n).fill(-1);
  const callParent = new Int32Array(calls.length).fill(-1);
  for (let i = 0; i < n; i++) {
    if (consumer[i] >= 0) continue;
    const scope = scopeOfNode(i);
    owner[i] = scope < 0 ? -1 : callFold[scope];
    const span = nodes[i].span;
    if (span && !sameAsScope(scope, span)) bucketOf(scope, span).values.push(i);
  }
  for (let c = 0; c < calls.length; c++) {
    if (callFold[c] < 0) continue;
    const p = calls[c].parent;
    const scope = p !== null && p < c ? boxOf[p] : -1;
    callParent[c] = scope < 0 ? -1 : callFold[scope];
    const span = calls[c].span;
    if (span && !sameAsScope(scope, span)) bucketOf(scope, span).calls.push(c);
  }
  for (const b of buckets.values()) {
    const items = b.values.length + b.calls.length;
    if (items < 2) continue;
    const parent = b.scope < 0 ? -1 : callFold[b.scope];
    const at = `g${b.span.from}:${b.span.to}${b.span.file === undefined ? "" : `f${fileTag(b.span.file)}`}`;
    const label =
      b.calls.length > 0
        ? callsLabel(b.calls.map((c) => callTitle(calls[c])))
        : (nodes[b.values[b.values.length - 1]].expr ?? nodes[b.values[0]].op);
    const f = addFold({
      key: b.scope < 0 ? at : `c${b.scope}/${at}`,
      kind: "span",
      parent,
      label,
      span: b.span,
      // A loop of calls counts its calls; the values the call expression itself made (a `sum`'s
      // additions) ride along.
      items: b.calls.length > 0 ? b.calls.length : evaluations(nodes, b.values),
    });
    for (const i of b.values) owner[i] = f;
    for (const c of b.calls) callParent[c] = f;
    if (b.calls.length > 0 && b.calls.every((c) => inference[c] === 1)) folds[f].shut = true;
  }
  // What the expression round the predictions made of their results (`float(predict(…)[0, 0])`'s
  // indexing) goes into their box too: one box for the predictions, no loose ends beside it.
  for (const b of buckets.values()) {
    if (b.values.length === 0) continue;
    for (const p of buckets.values()) {
      if (p === b || p.scope !== b.scope || p.calls.length < 2 || !p.calls.every((c) => inference[c] === 1))
        continue;
      if (p.span.file !== b.span.file || b.span.from > p.span.from || p.span.to > b.span.to) continue;
      const fold = callParent[p.calls[0]];
      if (fold >= 0 && folds[fold].shut) for (const i of b.values) owner[i] = fold;
    }
  }
  for (let c = 0; c < calls.length; c++) if (callFold[c] >= 0) folds[callFold[c]].parent = callParent[c];
  for (let i = 0; i < n; i++) {
    // Follow chains of constants (rare) to the first consumer that is not one.
    let j = i;
    for (let hops = 0; consumer[j] >= 0 && hops < 8; hops++) j = consumer[j];
    if (j !== i) owner[i] = owner[j];
  }

  for (let f = 0; f < folds.length; f++) {
    let depth = 1;
    for (let p = folds[f].parent; p >= 0; p = folds[p].parent) depth++;
    folds[f].depth = depth;
  }
  for (let i = 0; i < n; i++) {
    const o = owner[i];
    if (o < 0) continue;
    folds[o].direct++;
    for (let p = o; p >= 0; p = folds[p].parent) {
      folds[p].size++;
      if (i > folds[p].last) folds[p].last = i;
    }
  }
  for (const edge of trace.edges) {
    const a = indexOfId(edge.from);
    const b = indexOfId(edge.to);
    if (a < 0 || b < 0 || owner[a] < 0 || owner[a] !== owner[b]) continue;
    if (folds[owner[a]].kind === "span" && nodes[a].op === nodes[b].op && nodes[a].kind === "op")
      folds[owner[a]].chain++;
  }
  return { folds, owner, byKey, indexOfId };
}

/**
 * How many times an expression ran, from the values it made: micrograd's `a - b` makes two per
 * run (`b * -1`, then the sum), so count those made by the same op as the last, the result.
 */
function evaluations(nodes: Trace["nodes"], values: readonly number[]): number {
  const op = nodes[values[values.length - 1]].op;
  let count = 0;
  for (const i of values) if (nodes[i].op === op) count++;
  return Math.max(1, count);
}

/**
 * A loop of calls named by what it called: `Neuron ×4`; a loop over different layers by each
 * of them, in order (`Dense (network[0]) · Tanh (network[1])`), shortened later if long.
 */
function callsLabel(titles: readonly string[]): string {
  const distinct = [...new Set(titles)];
  if (distinct.length > 4) return `${distinct[0]} · … · ${distinct[distinct.length - 1]}`;
  return distinct.join(" · ");
}

/**
 * Per call, 1 when it ran a hand-written layer's forward (itself or inside) and no forward in it
 * was followed by that layer's backward: a prediction, not a training step. The program's own
 * order says which is which, so the final predictions fold apart from the last training sample.
 */
function inferenceCalls(calls: Trace["calls"] & object, layerCall: Uint8Array): Uint8Array {
  const paired = backwardOfForward(calls);
  // 1: holds an unpaired layer forward; 2: holds a trained one (then it is not a prediction)
  const seen = new Uint8Array(calls.length);
  for (let c = calls.length - 1; c >= 0; c--) {
    const method = methodOf(calls[c]);
    if (layerCall[c] && method !== null && (method === "forward" || method === "__call__"))
      seen[c] |= paired.has(c) ? 2 : 1;
    const p = calls[c].parent;
    if (p !== null && p < c) seen[p] |= seen[c];
  }
  return seen.map((s) => (s === 1 ? 1 : 0));
}
