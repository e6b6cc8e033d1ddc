import type { Tape } from "../../engine/tape";
import { Tensor } from "../../engine/tensor/index";
import type { SourceSpan } from "../../lang/ir";
import { numpyStateOf } from "../modules/numpy/numpyModule";
import { torchStateOf } from "../modules/torchState";
import type { Interpreter } from "./interpreter";
import { liveRows } from "./liveRows";
import type { PyInstance, ValueRef } from "./objects";

/** Below this many rows the tape is never compacted: small programs keep every value. */
const FIRST_RECLAIM_ROWS = 1 << 20;

/**
 * Below this many rows a run of the program's own Value objects keeps every value. Such a value
 * is a Python object of its own beside its row (its dict, its `_prev` set, its `_backward`
 * closure, often numpy scalars: kilobytes), and a new graph each step holds a few hundred
 * thousand rows: the old steps' rows go sooner, before the tables by row double to 2**19 rows.
 */
const OWN_RECLAIM_ROWS = 200_000;

/**
 * Below this many rows a run whose rows are mostly tensors' (numpy, torch) keeps every row. A
 * tensor's row only marks its place (its storage goes when the program lets the tensor go), and
 * the trace draws only the tensors held and their graphs, which a compaction keeps; a per-sample
 * numpy loop makes a million rows, ~60 MB of tables, in a few thousand epochs.
 */
const TENSOR_RECLAIM_ROWS = 200_000;

/** After a walk that met something opaque (a loop's iterator), rows made before the next try. */
const OWN_RETRY_ROWS = 1 << 14;

/**
 * Keeps a long run's tape bounded. A training loop makes a new graph every step and the
 * program lets the old ones go; at a statement of the program's own top level (where nothing
 * half-evaluated is held anywhere but in the loops running), once the tape has grown to twice
 * what was kept last time, the rows the program can no longer reach are dropped
 * (Tape.compact) and everything that names rows moves with them. What the trace needs stays:
 * every value the program still holds, the last backward()'s graph, the values names stood
 * for. The trace says how many were dropped.
 */
export class Reclaimer {
  private nextAt = FIRST_RECLAIM_ROWS;
  /** The same for a run of the program's own Values. */
  private nextOwnAt = OWN_RECLAIM_ROWS;
  /** The same for a run whose rows are mostly tensors'. */
  private nextTensorAt = TENSOR_RECLAIM_ROWS;
  /** The statement at which values were first dropped (the loop that made them), for the trace. */
  firstAt: SourceSpan | null = null;

  constructor(private readonly interp: Interpreter) {}

  /** Called before each top-level statement of the program's own module. */
  maybeReclaim(at: SourceSpan): void {
    const interp = this.interp;
    const tape = interp.tape;
    // the program's own Value objects hold their rows: the walk finds the live ones, to move them
    const own = interp.ownValues.madeNodes;
    const tensorRun = tape.tensorRows * 2 > tape.born;
    const next = Math.min(
      this.nextAt,
      own ? this.nextOwnAt : Infinity,
      tensorRun ? this.nextTensorAt : Infinity,
    );
    if (tape.size < next) return;
    const instances: PyInstance[] = [];
    const tensors: Tensor[] = [];
    // numpy arrays and torch tensors hold rows of their own (one per tensor made): the walk
    // finds the live ones, so a long numpy or torch loop's old tensors' rows go too
    const reached = (x: PyInstance) => {
      if (own && x.nodeRow >= 0) instances.push(x);
      const t = (x as { tensor?: unknown }).tensor;
      if (t instanceof Tensor) tensors.push(t);
    };
    const keep = liveRows(interp.liveRoots(), tape.size, reached);
    if (keep === null) {
      this.nextAt = tape.size * 2; // something opaque holds values now; look again later
      this.nextTensorAt = tape.size * 2;
      // (an own Value's graph costs a few kilobytes a row: a little later, past the loop running)
      this.nextOwnAt = tape.size + OWN_RETRY_ROWS;
      return;
    }
    // what the trace shows: the last backward()'s graph, and what each name last stood for
    if (interp.lastRoot !== null) keep[interp.lastRoot] = 1;
    for (const row of interp.occurrenceRows) if (row >= 0) keep[row] = 1;
    if (own) {
      for (const inst of instances) keep[inst.nodeRow] = 1;
      interp.ownValues.markKept(keep);
    }
    // every numpy or torch op makes a tensor row (a run of the program's own Values with
    // np.float64 data, one per op): rows of tensors nothing holds any more go with the graph
    const torch = torchStateOf(interp);
    const torchIds = torch
      ? [...torch.occurrences.values(), ...(torch.lastRootId !== null ? [torch.lastRootId] : [])]
      : [];
    markTensors(keep, tape, [...tensors, ...heldTensors(interp)], torchIds);
    const before = tape.size;
    const moved = tape.compact(keep, true);
    const movedCalls = interp.moveRows(moved, torch?.calls.values());
    if (movedCalls !== null) torch?.moveCalls(movedCalls);
    if (own) interp.ownValues.moveRows(moved, tape.size, instances);
    this.nextAt = Math.max(FIRST_RECLAIM_ROWS, tape.size * 2);
    this.nextOwnAt = Math.max(OWN_RECLAIM_ROWS, tape.size * 2);
    this.nextTensorAt = Math.max(TENSOR_RECLAIM_ROWS, tape.size * 2);
    if (tape.size < before) this.firstAt ??= at;
  }
}

/** The tensors numpy and torch hold for the trace (their recent values, what names stand for). */
function heldTensors(interp: Interpreter): Tensor[] {
  const held: Tensor[] = [];
  const numpy = numpyStateOf(interp);
  if (numpy !== null) held.push(...numpy.heldValues(), ...numpy.occurrences.values());
  const torch = torchStateOf(interp);
  if (torch !== null) held.push(...torch.held);
  return held;
}

/**
 * Marks the rows of `tensors`, of every tensor their graphs reach (the trace walks those) and of
 * the tensor `ids` torch keeps by number.
 */
function markTensors(keep: Uint8Array, tape: Tape, tensors: Tensor[], ids: Iterable<number>): void {
  const seen = new Set<Tensor>();
  const mark = (id: number) => {
    const row = tape.rowOfBirth(id);
    if (row >= 0) keep[row] = 1;
  };
  const stack = tensors;
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    mark(t.id);
    const node = t.gradFn;
    if (node === null) continue;
    for (const id of node.inputIds) mark(id);
    for (const input of node.inputs) stack.push(input);
  }
  for (const id of ids) mark(id);
}

/** The ValueRefs by row after a compaction: each moves to its row's new place, or is left with -1. */
export function moveValueRefs(
  refs: (ValueRef | undefined)[],
  moved: Int32Array,
  size: number,
): (ValueRef | undefined)[] {
  const next: (ValueRef | undefined)[] = new Array<ValueRef | undefined>(size);
  for (let row = 0; row < refs.length; row++) {
    const ref = refs[row];
    if (ref === undefined) continue;
    const to = row < moved.length ? moved[row] : -1;
    ref.row = to;
    if (to >= 0) next[to] = ref;
  }
  return next;
}
