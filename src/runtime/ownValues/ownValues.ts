import { chargeMemory } from "../../engine/memory";
import { OpCode } from "../../engine/scalar/scalarOps";
import type { Tape } from "../../engine/tape";
import type { SourceSpan } from "../../lang/ir";
import {
  PyClass,
  PyClassMethod,
  PyFunction,
  PyInstance,
  PyInt,
  PyProperty,
  PyStaticMethod,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import type { OwnTraceInput } from "../../trace/buildTrace";
import { BackwardPass } from "./backwardPass";
import type { Finding } from "./findings";
import { childrenOf, collectionItems, nodeShape, numericValue, type NodeShape } from "./nodeShape";
import { isBinary, knownOp } from "./opLabels";
import {
  checkOf,
  checkPass,
  PassScratch,
  type EdgeCheck,
  type PassCheck,
  type PassContext,
} from "./passCheck";

/** What the registry needs from the running interpreter. */
export interface OwnValuesHost {
  readonly tape: Tape;
  /** The user-code span being evaluated. */
  readonly at: SourceSpan | null;
  /** The root of the last backward(), for the trace. */
  lastRoot: number | null;
  call(callee: PyValue, args: PyValue[], kwargs?: Kwargs): PyValue;
  /** The function whose frame is running, or null at the top level. */
  currentFunction(): PyFunction | null;
}

/** What `enter` returns: not the class's own code, inside it, or the start of its backward(). */
export const NOT_OWN = -1;
const INSIDE = 0;
const BACKWARD = 1;

/**
 * The learner's own autograd classes (the micrograd lecture's `Value`, or a `Scalar`, `Node`,
 * `Tensor` of their own): an instance with a numeric `data`, a numeric `grad` and the values it
 * was made from (see nodeShape.ts) becomes a row on the run's tape when its constructor
 * returns — its data its own `data`, its op the one its op label names (opLabels.ts), or an
 * opaque op — so hovers, inline values, the graph, Check Gradients and the CLI work as for
 * micrograd's `Value`. The instance keeps living as the program's object: GradLens follows
 * its `data`, `grad` and `label` as the program sets them.
 *
 * The class's own code (its methods and the closures they define) is machinery, not the
 * learner's model: the values it makes take the span of the expression that called it (`a * b`)
 * and the call box of its caller, and its local names (`self`, `other`, `out`) name no value.
 *
 * The program's own `backward()` is watched as it runs (backwardPass.ts) and checked against
 * GradLens's own local derivatives when it returns (passCheck.ts).
 */
export class OwnValues {
  /** Name occurrences inside an autograd class's own methods (their names name no value). */
  readonly internalOccurrences: Uint8Array;
  /** The `label` the program gave a value (the lecture's `Value(2.0, label='a')`), by row. */
  readonly labels = new Map<number, string>();
  /** The op label of each opaque row (an op GradLens has no rule for). */
  readonly opaqueOps = new Map<number, string>();
  /** The last backward()'s check of the values it reached. */
  lastCheck: PassCheck | null = null;
  /** Every backward()'s edges whose closures sent a wrong contribution, by `row * 2 + operand`. */
  readonly wrongEdges = new Map<number, EdgeCheck>();
  /** What every backward() found, one per place (a later pass's replaces an earlier one's there). */
  readonly findings = new Map<string, Finding>();

  private readonly shapes = new Map<PyClass, NodeShape>();
  /** The recognised classes and their bases: whose methods are the machinery. */
  private readonly machineryClasses = new Set<PyClass>();
  private readonly classNames: string[] = [""];
  private readonly classIds = new Map<PyClass, number>();
  /** By row: the index of its class in `classNames` (0: not the program's own value). */
  private classOf = new Uint16Array(1024);
  /** By row: 1 + the index in `makers` of the method whose call made it (0: none). */
  private makerOf = new Int32Array(1024);
  private readonly makers: PyFunction[] = [];
  private readonly makerIds = new Map<PyFunction, number>();
  /** Calls of the classes' own code running now. */
  private depth = 0;
  private pass: BackwardPass | null = null;
  private readonly context: PassContext;
  private readonly scratch = new PassScratch();

  constructor(
    private readonly host: OwnValuesHost,
    private readonly occurrences: readonly { span: SourceSpan }[],
  ) {
    this.internalOccurrences = new Uint8Array(occurrences.length);
    this.context = {
      tape: host.tape,
      makerOf: (row) =>
        row < this.makerOf.length && this.makerOf[row] > 0 ? this.makers[this.makerOf[row] - 1] : null,
      nameInClosure,
    };
  }

  /**
   * Whether the program made values of its own autograd class. Their rows live here and in the
   * instances themselves (`nodeRow`): a compaction of the tape moves both (see moveRows).
   */
  get madeNodes(): boolean {
    return this.classNames.length > 1;
  }

  /** Marks the rows a compaction must keep: the values the findings name (a few, one a place). */
  markKept(keep: Uint8Array): void {
    for (const finding of this.findings.values()) for (const row of findingRows(finding)) keep[row] = 1;
    if (this.lastCheck) for (const row of this.lastCheck.rows) keep[row] = 1;
  }

  /**
   * Moves what names rows after Tape.compact (`moved[row]`: the new place, or -1): the live
   * instances' rows (`instances`, every one the program can still reach), the tables by row,
   * the last check and the findings. What dropped rows had is forgotten, as CPython forgets
   * the old graphs a training loop lets go.
   */
  moveRows(moved: Int32Array, size: number, instances: Iterable<PyInstance>): void {
    const to = (row: number) => (row >= 0 && row < moved.length ? moved[row] : -1);
    for (const inst of instances) inst.nodeRow = to(inst.nodeRow);
    const classOf = new Uint16Array(Math.max(1024, size));
    const makerOf = new Int32Array(classOf.length);
    for (let row = 0; row < moved.length && row < this.classOf.length; row++) {
      const next = moved[row];
      if (next < 0) continue;
      classOf[next] = this.classOf[row];
      makerOf[next] = this.makerOf[row];
    }
    this.classOf = classOf;
    this.makerOf = makerOf;
    for (const map of [this.labels, this.opaqueOps] as Map<number, string>[]) {
      const entries = [...map];
      map.clear();
      for (const [row, v] of entries) if (to(row) >= 0) map.set(to(row), v);
    }
    const edges = [...this.wrongEdges];
    this.wrongEdges.clear();
    for (const [key, edge] of edges) {
      const row = to(Math.floor(key / 2));
      if (row >= 0) this.wrongEdges.set(row * 2 + (key % 2), edge);
    }
    const check = this.lastCheck;
    if (check) {
      // its rows were kept (markKept), and a compaction keeps their order
      const rows = check.rows.map(to);
      const edgesOfCheck = new Map<number, EdgeCheck>();
      for (const [key, edge] of check.edges) {
        const row = to(Math.floor(key / 2));
        if (row >= 0) edgesOfCheck.set(row * 2 + (key % 2), edge);
      }
      this.lastCheck = {
        ...check,
        rows,
        edges: edgesOfCheck,
        findings: check.findings.map((f) => moveFinding(f, to)),
      };
    }
    for (const [place, finding] of this.findings) this.findings.set(place, moveFinding(finding, to));
  }

  /** Whether the classes' own code is running (its rows are stamped by the caller's expression). */
  get inside(): boolean {
    return this.depth > 0;
  }

  /** The class name of a row the program's own class made, or undefined. */
  classNameOf(row: number): string | undefined {
    return row < this.classOf.length && this.classOf[row] > 0
      ? this.classNames[this.classOf[row]]
      : undefined;
  }

  /** What the trace needs of the rows the classes made; undefined when the program has no such class. */
  traceInput(): OwnTraceInput | undefined {
    if (this.classNames.length === 1) return undefined;
    return {
      classOf: (row) => this.classNameOf(row),
      label: (row) => this.labels.get(row),
      opaqueOp: (row) => this.opaqueOps.get(row),
      check: (row) => {
        const check = this.lastCheck && checkOf(this.lastCheck, row);
        return check ? { yours: check.yours, agrees: check.agrees } : undefined;
      },
      edge: (row, operand) => this.wrongEdges.get(row * 2 + operand),
    };
  }

  /** A constructor call of a user class returned: registers the instance if it is a graph value. */
  constructed(inst: PyInstance, args: readonly PyValue[], kwargs: Kwargs): void {
    if (inst.attrCount < 3) return;
    const shape = nodeShape(inst, this.shapes.get(inst.cls), isNode);
    if (shape === null) return;
    if (!this.shapes.has(inst.cls)) this.recognise(inst.cls, shape);
    this.register(inst, shape, args, kwargs);
  }

  /**
   * A Python function is called: returns a token for `exit` — NOT_OWN unless it is the classes'
   * own code; a call of their `backward` method on a value starts watching the pass.
   */
  enter(fn: PyFunction, args: readonly PyValue[]): number {
    if (this.machineryClasses.size === 0 || !this.isMachinery(fn)) return NOT_OWN;
    this.depth++;
    const self = args[0];
    if (this.pass === null && fn.ownerClass !== null && shortName(fn) === "backward" && isNode(self)) {
      const root = (self as PyInstance).nodeRow;
      this.host.tape.backwardStarts();
      this.host.lastRoot = root;
      this.pass = new BackwardPass(root, this.host.at, fn);
      return BACKWARD;
    }
    return INSIDE;
  }

  /** The call `enter` returned `token` for has ended (`ok`: without an exception). */
  exit(token: number, ok: boolean): void {
    if (token === NOT_OWN) return;
    this.depth--;
    if (token !== BACKWARD) return;
    const pass = this.pass!;
    this.pass = null;
    if (!ok) return;
    const check = checkPass(pass, this.context, this.scratch);
    this.lastCheck = check;
    for (const [key, edge] of check.edges) this.wrongEdges.set(key, edge);
    // one finding a place: this pass's first there (the one nearest its root), replacing an earlier pass's
    const places = new Set<string>();
    for (const finding of check.findings) {
      const place = `${finding.span?.from ?? -1}:${finding.span?.to ?? -1}:${finding.span?.file ?? ""}`;
      if (places.has(place)) continue;
      places.add(place);
      this.findings.set(place, finding);
    }
  }

  /** `value.name(...)` where `name` is the value's own attribute (its `_backward` closure). */
  callAttribute(inst: PyInstance, fn: PyValue, args: PyValue[], kwargs: Kwargs): PyValue {
    const pass = this.pass;
    if (pass === null) return this.host.call(fn, args, kwargs);
    pass.startClosure(inst.nodeRow, fn, this.host.tape.grad[inst.nodeRow], this.host.at);
    try {
      return this.host.call(fn, args, kwargs);
    } finally {
      pass.endClosure();
    }
  }

  /** The program sets an attribute of a value (called before the set). */
  attributeSet(inst: PyInstance, name: string, value: PyValue, augmented: boolean): void {
    const row = inst.nodeRow;
    const tape = this.host.tape;
    if (name === "grad") {
      const g = numericValue(value) ?? NaN;
      const old = tape.grad[row];
      tape.setGrad(row, g, value instanceof PyInt);
      this.pass?.wrote(row, old, g, this.host.at, augmented);
    } else if (name === "data") {
      const x = numericValue(value);
      if (x !== null) tape.setData(row, x, value instanceof PyInt);
    } else if (name === "label") {
      if (typeof value === "string" && value !== "") this.labels.set(row, value);
      else this.labels.delete(row);
    }
  }

  private recognise(cls: PyClass, shape: NodeShape): void {
    this.shapes.set(cls, shape);
    this.classIds.set(cls, this.classNames.length);
    this.classNames.push(cls.name);
    for (let c: PyClass | null = cls; c !== null && c.construct === null; c = c.base) {
      if (this.machineryClasses.has(c)) continue;
      this.machineryClasses.add(c);
      for (const member of c.dict.values()) {
        const fn = functionOf(member);
        if (fn !== null && fn.body.k === "def" && !fn.isLibrary) this.markInternal(fn.body.span);
      }
    }
  }

  private markInternal(span: SourceSpan): void {
    // occurrences are the program's own text: a class in one of its modules holds none of them
    if (span.file !== undefined) return;
    const occurrences = this.occurrences;
    for (let i = 0; i < occurrences.length; i++) {
      const at = occurrences[i].span;
      if (at.from >= span.from && at.to <= span.to) this.internalOccurrences[i] = 1;
    }
  }

  /** A function defined in a recognised class, or inside one of its methods (its closures). */
  private isMachinery(fn: PyFunction): boolean {
    for (let f: PyFunction | null = fn; f !== null; f = f.closure.func) {
      if (f.ownerClass !== null) return this.machineryClasses.has(f.ownerClass);
    }
    return false;
  }

  private register(inst: PyInstance, shape: NodeShape, args: readonly PyValue[], kwargs: Kwargs): void {
    const tape = this.host.tape;
    const dataValue = inst.ownAttr("data")!;
    const data = numericValue(dataValue)!;
    const isInt = dataValue instanceof PyInt;
    const children = childrenOf(inst.ownAttr(shape.children), isNode)!;
    const operands = orderedOperands(children, args, kwargs);
    const label = shape.op !== null ? (inst.ownAttr(shape.op) as string) : "";
    let row: number;
    if (operands.length === 0) {
      // a number an operator wrapped (`a * 2` makes `Value(2)` inside `__mul__`) is a constant
      row = tape.leaf(data, isInt, this.depth > 0);
      // a parameter moved by a gradient check or a training step (Tape.leafOverrides)
      if (tape.data[row] !== data) inst.setOwnAttr("data", tape.data[row]);
    } else {
      row = this.opRow(label, operands, data, isInt);
    }
    inst.nodeRow = row;
    this.noteRow(row, inst.cls);
    const name = inst.ownAttr("label");
    if (typeof name === "string" && name !== "") this.labels.set(row, name);
  }

  /** The row of a value made from `operands`: its known op, or an opaque one. */
  private opRow(label: string, operands: number[], data: number, isInt: boolean): number {
    const tape = this.host.tape;
    const op = knownOp(label, operands.length);
    if (op !== null) {
      const [x, y] = operands;
      if (operands.length === 2) return tape.record(op.code, x, y, 0, false, data, isInt);
      if (!isBinary(op.code)) {
        // `-` with one operand is `-a`, unless it is `a - a` kept once in a set (then it is 0)
        const asSub = op.code === OpCode.Neg && data === 0 && tape.data[x] !== 0;
        if (!asSub) return tape.record(op.code, x, -1, op.k, op.kIsInt, data, isInt);
        return tape.record(OpCode.Sub, x, x, 0, false, data, isInt);
      }
      return tape.record(op.code, x, x, 0, false, data, isInt);
    }
    const row = tape.opaque(data, isInt, operands);
    this.opaqueOps.set(row, label);
    return row;
  }

  private noteRow(row: number, cls: PyClass): void {
    if (row >= this.classOf.length) {
      const size = Math.max(row + 1, this.classOf.length * 2);
      chargeMemory(size * 6);
      const classOf = new Uint16Array(size);
      classOf.set(this.classOf);
      this.classOf = classOf;
      const makerOf = new Int32Array(size);
      makerOf.set(this.makerOf);
      this.makerOf = makerOf;
    }
    this.classOf[row] = Math.min(this.classIds.get(cls) ?? 0, 0xffff);
    const maker = this.host.currentFunction();
    if (maker !== null && this.isMachinery(maker)) {
      let id = this.makerIds.get(maker);
      if (id === undefined) {
        this.makers.push(maker);
        this.makerIds.set(maker, (id = this.makers.length));
      }
      this.makerOf[row] = id;
    }
  }
}

/** The rows a finding names (its `node`, `child` and `root`). */
function findingRows(finding: Finding): number[] {
  const f = finding as unknown as Record<string, unknown>;
  const rows: number[] = [];
  for (const key of ROW_FIELDS) if (typeof f[key] === "number" && f[key] >= 0) rows.push(f[key]);
  return rows;
}

/** The fields of a finding that hold rows. */
const ROW_FIELDS = ["node", "root", "child"] as const;

function moveFinding(finding: Finding, to: (row: number) => number): Finding {
  const moved: Record<string, unknown> = { ...finding };
  for (const key of ROW_FIELDS) if (typeof moved[key] === "number") moved[key] = to(moved[key]);
  return moved as unknown as Finding;
}

function isNode(v: PyValue): boolean {
  return v instanceof PyInstance && v.nodeRow >= 0;
}

/**
 * The operands in the order the constructor was given them (`Value(x, (self, other), '-')`):
 * micrograd keeps them in a set, which forgets the order that `-` and `/` need. Falls back on
 * the collection's own order when no argument lists the same values.
 */
function orderedOperands(children: PyInstance[], args: readonly PyValue[], kwargs: Kwargs): number[] {
  const candidates = kwargs ? [...args, ...kwargs.values()] : args;
  for (const arg of candidates) {
    const items = collectionItems(arg);
    if (items === null || items.length < children.length || items.length === 0) continue;
    if (items.every((item) => item instanceof PyInstance && children.includes(item)))
      if (children.every((c) => items.includes(c))) return items.map((item) => (item as PyInstance).nodeRow);
  }
  return children.map((c) => c.nodeRow);
}

function functionOf(member: PyValue): PyFunction | null {
  const fn =
    member instanceof PyStaticMethod || member instanceof PyClassMethod
      ? member.func
      : member instanceof PyProperty
        ? member.getter
        : member;
  return fn instanceof PyFunction ? fn : null;
}

function shortName(fn: PyFunction): string {
  return fn.name.slice(fn.name.lastIndexOf(".") + 1);
}

/** The name the closure's enclosing scope gives a value: `self`, `other` (not `out`, its result). */
function nameInClosure(closure: PyValue, row: number): string | null {
  if (!(closure instanceof PyFunction)) return null;
  for (const [name, v] of closure.closure.vars) {
    if (name !== "out" && v instanceof PyInstance && v.nodeRow === row) return name;
  }
  return null;
}
