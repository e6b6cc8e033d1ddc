import type { Trace } from "../../trace/trace";
import type { FoldTree } from "./foldTree";

/**
 * The trace seen through the closed folds: every trace node maps to one unit — itself, or the
 * group that stands for the outermost closed fold around it. Folding one expression's values
 * across a loop can close a cycle (`h = (h * w).tanh()`: the `h * w` group feeds the `tanh`
 * group, which feeds the `h * w` group), so groups on a cycle merge into one group that marks
 * the loop, and the graph stays a DAG for the layering.
 */
export interface FoldedGraph {
  /** Per trace node (by position): its unit. */
  unitOf: Int32Array;
  units: Unit[];
}

export type Unit =
  | { kind: "node"; node: number }
  | {
      kind: "group";
      /** Fold indices it stands for, first the one it is named after. */
      folds: number[];
      /** Trace edges inside it that feed a later iteration (drawn as a loop marker). */
      loopEdges: number[];
    };

export function foldGraph(trace: Trace, tree: FoldTree, closed: Uint8Array): FoldedGraph {
  const { folds, owner, indexOfId } = tree;
  const n = trace.nodes.length;
  // The outermost closed fold around each fold (itself included), or -1.
  const shownAs = new Int32Array(folds.length).fill(-1);
  for (let f = 0; f < folds.length; f++) {
    for (let p = f; p >= 0; p = folds[p].parent) if (closed[p]) shownAs[f] = p;
  }
  const units: Unit[] = [];
  const groupUnit = new Int32Array(folds.length).fill(-1);
  const unitOf = new Int32Array(n);
  /** The first trace node of each unit: an edge to an earlier unit runs back round a loop. */
  const firstNode: number[] = [];
  for (let i = 0; i < n; i++) {
    const o = owner[i];
    const g = o >= 0 ? shownAs[o] : -1;
    if (g < 0) {
      unitOf[i] = units.length;
      firstNode.push(i);
      units.push({ kind: "node", node: i });
    } else {
      if (groupUnit[g] < 0) {
        groupUnit[g] = units.length;
        firstNode.push(i);
        units.push({ kind: "group", folds: [g], loopEdges: [] });
      }
      unitOf[i] = groupUnit[g];
    }
  }
  if (units.length === n) return { unitOf, units };

  const from = new Int32Array(trace.edges.length);
  const to = new Int32Array(trace.edges.length);
  trace.edges.forEach((e, k) => {
    from[k] = unitOf[indexOfId(e.from)] ?? -1;
    to[k] = unitOf[indexOfId(e.to)] ?? -1;
  });
  const component = strongComponents(units.length, from, to);
  const merged = mergeComponents(units, component);
  const finalOf = (u: number) => merged.unitOf[u];
  for (let i = 0; i < n; i++) unitOf[i] = finalOf(unitOf[i]);

  trace.edges.forEach((e, k) => {
    if (from[k] < 0 || to[k] < 0) return;
    const u = finalOf(from[k]);
    const unit = merged.units[u];
    if (unit.kind !== "group" || u !== finalOf(to[k])) return;
    // Between two parts of a merged cycle, the edge back to the earlier part closes the loop;
    // inside one fold, an edge into a later iteration does.
    const before = units[from[k]];
    const loops =
      from[k] !== to[k]
        ? firstNode[from[k]] > firstNode[to[k]]
        : before.kind === "group" &&
          feedsNextIteration(trace, tree, before.folds[0], indexOfId(e.from), indexOfId(e.to));
    if (loops) unit.loopEdges.push(k);
  });
  return { unitOf, units: merged.units };
}

/**
 * Within span fold `g`, whether `a → b` carries a value into a later iteration: from one call (or
 * nested fold) of a loop into another, or — between two values an expression made directly —
 * into its next evaluation (`h = h * w` run again), not between the steps of one evaluation
 * (micrograd's `a - b` is `a + (b * -1)`: two values, one span). One evaluation makes each
 * kind of step once, so two values of the same op are two evaluations.
 */
function feedsNextIteration(trace: Trace, tree: FoldTree, g: number, a: number, b: number): boolean {
  // A call runs once: edges inside it are its data flow, whichever nested call they join.
  if (tree.folds[g].kind === "call") return false;
  const itemA = childOf(tree, g, a);
  const itemB = childOf(tree, g, b);
  if (itemA >= 0 || itemB >= 0) return itemA !== itemB;
  return trace.nodes[a].op === trace.nodes[b].op;
}

/** The fold directly inside `g` that holds trace node `i`; -1 when `i` sits in `g` itself. */
function childOf(tree: FoldTree, g: number, i: number): number {
  let f = tree.owner[i];
  let child = -1;
  while (f >= 0 && f !== g) {
    child = f;
    f = tree.folds[f].parent;
  }
  return child;
}

/** Tarjan's strongly connected components, iterative (traces run 40,000 deep). */
function strongComponents(count: number, from: Int32Array, to: Int32Array): Int32Array {
  const start = new Int32Array(count + 1);
  for (let k = 0; k < from.length; k++)
    if (from[k] >= 0 && to[k] >= 0 && from[k] !== to[k]) start[from[k] + 1]++;
  for (let u = 0; u < count; u++) start[u + 1] += start[u];
  const list = new Int32Array(start[count]);
  const fill = start.slice(0, count);
  for (let k = 0; k < from.length; k++)
    if (from[k] >= 0 && to[k] >= 0 && from[k] !== to[k]) list[fill[from[k]]++] = to[k];

  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const component = new Int32Array(count).fill(-1);
  const stack: number[] = [];
  const callStack: number[] = [];
  const edgeAt = new Int32Array(count);
  let next = 0;
  let components = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] >= 0) continue;
    callStack.push(root);
    index[root] = low[root] = next++;
    edgeAt[root] = start[root];
    stack.push(root);
    onStack[root] = 1;
    while (callStack.length > 0) {
      const u = callStack[callStack.length - 1];
      if (edgeAt[u] < start[u + 1]) {
        const v = list[edgeAt[u]++];
        if (index[v] < 0) {
          index[v] = low[v] = next++;
          edgeAt[v] = start[v];
          stack.push(v);
          onStack[v] = 1;
          callStack.push(v);
        } else if (onStack[v]) low[u] = Math.min(low[u], index[v]);
        continue;
      }
      callStack.pop();
      if (callStack.length > 0) {
        const parent = callStack[callStack.length - 1];
        low[parent] = Math.min(low[parent], low[u]);
      }
      if (low[u] === index[u]) {
        let v: number;
        do {
          v = stack.pop()!;
          onStack[v] = 0;
          component[v] = components;
        } while (v !== u);
        components++;
      }
    }
  }
  return component;
}

/** One unit per component; a component of several units becomes one group over all their folds. */
function mergeComponents(units: Unit[], component: Int32Array): { units: Unit[]; unitOf: Int32Array } {
  const size = new Int32Array(units.length);
  for (let u = 0; u < units.length; u++) size[component[u]]++;
  const firstOf = new Int32Array(units.length).fill(-1);
  const result: Unit[] = [];
  const unitOf = new Int32Array(units.length);
  for (let u = 0; u < units.length; u++) {
    const c = component[u];
    if (size[c] === 1) {
      unitOf[u] = result.length;
      result.push(units[u]);
      continue;
    }
    if (firstOf[c] < 0) {
      firstOf[c] = result.length;
      result.push({ kind: "group", folds: [], loopEdges: [] });
    }
    unitOf[u] = firstOf[c];
    const group = result[firstOf[c]];
    const unit = units[u];
    // An individual value caught on the cycle joins the group; it shows again once the group opens.
    if (group.kind === "group" && unit.kind === "group") group.folds.push(...unit.folds);
  }
  for (const unit of result) if (unit.kind === "group") unit.folds.sort((a, b) => a - b);
  return { units: result, unitOf };
}
