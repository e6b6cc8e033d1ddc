import { OpCode } from "../../engine/scalar/scalarOps";
import { chargeMemory } from "../../engine/memory";
import type { Tape } from "../../engine/tape";
import type { SourceSpan } from "../../lang/ir";
import { PyFunction, type PyValue } from "../interpreter/objects";
import type { BackwardPass, ClosureRun, GradWrite } from "./backwardPass";
import type { ClosureSource, Finding } from "./findings";

/** Gradients agree within this relative difference (float64 sums in another order differ far less). */
export const RELATIVE_TOLERANCE = 1e-6;
/** … or this absolute one, for sums that cancel to about zero. */
const ABSOLUTE_TOLERANCE = 1e-12;

export function agrees(yours: number, expected: number): boolean {
  if (Number.isNaN(yours) || Number.isNaN(expected)) return Number.isNaN(yours) && Number.isNaN(expected);
  if (yours === expected) return true;
  const diff = Math.abs(yours - expected);
  return (
    diff <= RELATIVE_TOLERANCE * Math.max(Math.abs(yours), Math.abs(expected)) || diff <= ABSOLUTE_TOLERANCE
  );
}

/** A value's `.grad` after the program's backward() beside ∂root/∂x. */
export interface NodeCheck {
  yours: number;
  expected: number;
  agrees: boolean;
}

/** An edge whose closure sent another contribution than the chain rule: what it sent. */
export interface EdgeCheck {
  given: number;
  expected: number;
  span: SourceSpan | null;
}

export interface PassCheck {
  /** The rows the root reaches with a known ∂root/∂x (no opaque operation on the way), ascending. */
  rows: Int32Array;
  /** For each of `rows`: its `.grad` after the pass, ∂root/∂x, and whether they agree. */
  yours: Float64Array;
  expected: Float64Array;
  agrees: Uint8Array;
  /** By `row * 2 + operand`. */
  edges: Map<number, EdgeCheck>;
  findings: Finding[];
}

/** A row's check in `check`, if the pass reached it with a known ∂root/∂x. */
export function checkOf(check: PassCheck, row: number): NodeCheck | undefined {
  const rows = check.rows;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] === row)
      return { yours: check.yours[mid], expected: check.expected[mid], agrees: check.agrees[mid] === 1 };
    if (rows[mid] < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** What the check needs to know beyond the tape. */
export interface PassContext {
  tape: Tape;
  /** The method of the program's class whose call made a value (`__mul__`), if any. */
  makerOf(row: number): PyFunction | null;
  /** The name a closure's enclosing scope gives a value (`self`, `other`), if any. */
  nameInClosure(closure: PyValue, row: number): string | null;
}

/**
 * Scratch arrays by tape row, kept from pass to pass: a training loop runs backward() every
 * step over a tape that keeps growing, so a pass must cost what it reaches, not the tape. A
 * row's `mark` is the stamp of the last pass that reached it; its `grad` is valid only then.
 */
export class PassScratch {
  private stamp = 0;
  mark = new Int32Array(0);
  grad = new Float64Array(0);

  /** A new stamp, with room for `size` rows. */
  next(size: number): number {
    if (this.mark.length < size) {
      const capacity = Math.max(size, this.mark.length * 2, 1024);
      chargeMemory(capacity * 12);
      const mark = new Int32Array(capacity);
      mark.set(this.mark);
      this.mark = mark;
      this.grad = new Float64Array(capacity);
    }
    return ++this.stamp;
  }
}

/**
 * Compares a finished backward() of the program's own class with the chain rule: ∂root/∂x by
 * GradLens's own local derivatives against each value's `.grad`, then, where they disagree,
 * the place that caused it — a closure whose contribution to an operand is not upstream ×
 * local derivative (the closure's own line), else how backward() ran the closures (the root's
 * grad not 1, a closure run before its gradient was complete or twice, or never; grads not
 * zeroed before). A value whose gradient is wrong only because a value it feeds had a wrong one
 * is explained by that one's finding, not reported again.
 */
export function checkPass(pass: BackwardPass, ctx: PassContext, scratch: PassScratch): PassCheck {
  const { tape } = ctx;
  const { rows, expected } = expectedGradients(tape, pass.root, scratch);
  const yours = new Float64Array(rows.length);
  const agreed = new Uint8Array(rows.length);
  let disagreements = 0;
  for (let i = 0; i < rows.length; i++) {
    yours[i] = tape.grad[rows[i]];
    agreed[i] = agrees(yours[i], expected[i]) ? 1 : 0;
    if (agreed[i] === 0) disagreements++;
  }
  const result: PassCheck = { rows, yours, expected, agrees: agreed, edges: new Map(), findings: [] };
  if (disagreements > 0) explain(pass, ctx, result);
  return result;
}

/**
 * ∂root/∂x by the rule table over the rows the root reaches, summed in the tape's reverse
 * order as Tape.rootGradients sums it (so the trace's numbers are these); a row below an opaque
 * operation has no known gradient and is left out.
 */
function expectedGradients(
  tape: Tape,
  root: number,
  scratch: PassScratch,
): { rows: Int32Array; expected: Float64Array } {
  const stamp = scratch.next(tape.size);
  const { mark, grad } = scratch;
  const reached: number[] = [root];
  const stack = [root];
  mark[root] = stamp;
  grad[root] = 1;
  let opaque = false;
  const visit = (x: number) => {
    if (mark[x] === stamp) return;
    mark[x] = stamp;
    grad[x] = 0;
    reached.push(x);
    stack.push(x);
  };
  while (stack.length > 0) {
    const row = stack.pop()!;
    const code = tape.op[row];
    if (code === OpCode.Opaque) {
      opaque = true;
      for (const x of tape.operandsOf(row)) visit(x);
    } else if (code > OpCode.Opaque) {
      visit(tape.a[row]);
      if (tape.b[row] >= 0) visit(tape.b[row]);
    }
  }
  const sorted = Int32Array.from(reached).sort();
  const unknown = opaque ? new Set<number>() : null;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const row = sorted[i];
    const code = tape.op[row];
    if (unknown !== null && (unknown.has(row) || code === OpCode.Opaque)) {
      for (const x of tape.operandsOf(row)) unknown.add(x);
      continue;
    }
    if (code <= OpCode.Opaque) continue;
    const g = grad[row];
    const x = tape.a[row];
    const y = tape.b[row];
    grad[x] += tape.localDerivative(row, 0) * g;
    if (y >= 0) grad[y] += tape.localDerivative(row, 1) * g;
  }
  const rows = unknown === null ? sorted : sorted.filter((row) => !unknown.has(row));
  const expected = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) expected[i] = grad[rows[i]];
  return { rows, expected };
}

/** Where the pass went wrong: findings and the edges whose closures sent the wrong contribution. */
function explain(pass: BackwardPass, ctx: PassContext, result: PassCheck): void {
  const { tape } = ctx;
  const nodes = new Map<number, NodeCheck>();
  result.rows.forEach((row, i) =>
    nodes.set(row, { yours: result.yours[i], expected: result.expected[i], agrees: result.agrees[i] === 1 }),
  );
  const explained = new Set<number>();
  const runsOf = new Map<number, ClosureRun[]>();
  for (const run of pass.runs()) {
    const list = runsOf.get(run.node);
    if (list) list.push(run);
    else runsOf.set(run.node, [run]);
    closureFindings(run, ctx, nodes, result, explained);
  }
  const reported = new Set<string>();
  const report = (finding: Finding) => {
    const key = `${finding.kind}:${finding.span?.from}:${finding.span?.to}:${finding.span?.file ?? ""}`;
    if (reported.has(key)) return;
    reported.add(key);
    result.findings.push(finding);
  };
  const methodSpan = defSpan(pass.method);
  const before = pass.gradsBefore();
  const consumers = consumersOf(tape, pass.root);
  const root = pass.root;
  for (const row of [...consumers.rows].reverse()) {
    const check = nodes.get(row);
    if (explained.has(row)) {
      for (const x of tape.operandsOf(row)) explained.add(x);
      continue;
    }
    if (check === undefined || check.agrees) continue;
    explained.add(row);
    for (const x of tape.operandsOf(row)) explained.add(x);
    if (row === root) {
      report({ kind: "seed", span: methodSpan, root, yours: check.yours });
      continue;
    }
    const held = before.get(row) ?? check.yours;
    if (held !== 0 && agrees(check.yours - held, check.expected)) {
      report({ kind: "stale", span: pass.callSpan, node: row, before: held, expected: check.expected, root });
      continue;
    }
    const cause = consumerCause(consumers.of.get(row) ?? [], runsOf, nodes, tape, methodSpan, root);
    report(cause ?? { kind: "differs", span: pass.callSpan, node: row, ...check, root });
  }
}

/** The rows the root reaches (itself included), ascending, and which rows consume each. */
function consumersOf(tape: Tape, root: number): { rows: number[]; of: Map<number, number[]> } {
  const seen = new Set<number>([root]);
  const of = new Map<number, number[]>();
  const stack = [root];
  while (stack.length > 0) {
    const row = stack.pop()!;
    for (const x of tape.operandsOf(row)) {
      const list = of.get(x);
      if (list) {
        if (!list.includes(row)) list.push(row);
      } else of.set(x, [row]);
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(x);
    }
  }
  return { rows: [...seen].sort((a, b) => a - b), of };
}

/**
 * One closure run against the op's rule: each operand's grad must have grown by upstream ×
 * ∂node/∂operand. Writes go to operands in order (the k-th write to `a` is `a`'s k-th place
 * among the operands, for `a * a`).
 */
function closureFindings(
  run: ClosureRun,
  ctx: PassContext,
  nodes: ReadonlyMap<number, NodeCheck>,
  result: PassCheck,
  explained: Set<number>,
): void {
  const { tape } = ctx;
  const node = run.node;
  const code = tape.op[node];
  if (code <= OpCode.Opaque) return;
  const operands = tape.operandsOf(node);
  const slots: GradWrite[][] = operands.map(() => []);
  const stray: GradWrite[] = [];
  const writesSoFar = new Map<number, number>();
  for (const w of run.writes) {
    const places = operands.flatMap((x, i) => (x === w.row ? [i] : []));
    if (places.length === 0) {
      stray.push(w);
      continue;
    }
    const k = writesSoFar.get(w.row) ?? 0;
    writesSoFar.set(w.row, k + 1);
    slots[places[Math.min(k, places.length - 1)]].push(w);
  }
  // A wrong gradient is what makes a closure worth reporting (or one GradLens cannot check).
  const wrong = (row: number) => nodes.get(row)?.agrees !== true;
  const closure = closureSource(run.closure);
  operands.forEach((child, i) => {
    const local = tape.localDerivative(node, i);
    const expected = run.upstream * local;
    const writes = slots[i];
    const given = writes.reduce((sum, w) => sum + (w.value - w.old), 0);
    if (agrees(given, expected) || !wrong(child)) return;
    explained.add(child);
    const operandName = ctx.nameInClosure(run.closure, child);
    if (writes.length === 0) {
      const maker = ctx.makerOf(node);
      const definedIn = run.closure instanceof PyFunction ? run.closure.closure.func : null;
      const unset = maker !== null && definedIn !== maker ? { maker: shortName(maker) } : null;
      const span = unset !== null ? defSpan(maker!) : closureSpan(run.closure);
      result.edges.set(node * 2 + i, { given, expected, span });
      result.findings.push({
        kind: "missing",
        span,
        closure,
        node,
        child,
        operandName,
        expected,
        upstream: run.upstream,
        local,
        unset,
      });
      return;
    }
    const culprit = writes.find((w) => !w.augmented && w.old !== 0) ?? writes[writes.length - 1];
    const other = operands.length === 2 ? operands[1 - i] : -1;
    result.edges.set(node * 2 + i, { given, expected, span: culprit.span });
    result.findings.push({
      kind: "local",
      span: culprit.span,
      closure,
      node,
      child,
      operandName,
      otherName: other >= 0 && other !== child ? ctx.nameInClosure(run.closure, other) : null,
      operand: i,
      code,
      k: tape.k[node],
      given,
      expected,
      upstream: run.upstream,
      local,
      discarded: !culprit.augmented && culprit.old !== 0 ? culprit.old : null,
    });
  });
  for (const w of stray) {
    if (w.value === w.old || !wrong(w.row)) continue;
    explained.add(w.row);
    result.findings.push({
      kind: "stray",
      span: w.span,
      closure,
      node,
      child: w.row,
      given: w.value - w.old,
    });
  }
}

/** Why a value's gradient is wrong when every closure did its own part right: how they ran. */
function consumerCause(
  consumers: readonly number[],
  runsOf: ReadonlyMap<number, ClosureRun[]>,
  nodes: ReadonlyMap<number, NodeCheck>,
  tape: Tape,
  methodSpan: SourceSpan | null,
  root: number,
): Finding | null {
  for (const consumer of consumers) {
    if (tape.op[consumer] <= OpCode.Opaque) continue;
    const runs = runsOf.get(consumer) ?? [];
    const check = nodes.get(consumer);
    if (runs.length === 0) {
      if (check === undefined || check.expected === 0) continue;
      return { kind: "skipped", span: methodSpan, node: consumer, expected: check.expected, root };
    }
    if (runs.length > 1)
      return { kind: "repeated", span: runs[1].callSpan, node: consumer, times: runs.length };
    const final = tape.grad[consumer];
    const early = runs.find((run) => !agrees(run.upstream, final));
    if (early)
      return { kind: "order", span: early.callSpan, node: consumer, upstream: early.upstream, final, root };
  }
  return null;
}

function closureSource(closure: PyValue): ClosureSource {
  if (!(closure instanceof PyFunction)) return { method: "_backward", name: "_backward" };
  const name = shortName(closure);
  const outer = closure.closure.func;
  return { method: outer !== null ? shortName(outer) : name, name };
}

/** `Value.__mul__` → `__mul__`; `Value.__mul__.<locals>._backward` has no dots in GradLens: `_backward`. */
function shortName(fn: PyFunction): string {
  return fn.name.slice(fn.name.lastIndexOf(".") + 1);
}

function defSpan(fn: PyFunction): SourceSpan | null {
  const body = fn.body;
  return body.k === "def" ? body.nameSpan : body.span;
}

/** A closure's first line: the statement that should have written the gradient. */
function closureSpan(closure: PyValue): SourceSpan | null {
  if (!(closure instanceof PyFunction)) return null;
  return defSpan(closure);
}
