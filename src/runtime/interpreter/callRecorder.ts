import type { SourceSpan } from "../../lang/ir";
import type { TraceCall } from "../../trace/trace";
import { PyInstance, type PyValue } from "./objects";

/** One call of a Python function while the program ran, for folding the graph into call boxes. */
export interface RecordedCall {
  /** The call this one was made from, or -1 at the top level. */
  parent: number;
  /** The function's qualified name: `f`, `Neuron.__call__`. */
  name: string;
  /** For a method: the class of the instance it ran on, and a number per instance. */
  instanceClass: string | null;
  instance: number | null;
  /** Where the user's code made the call (inside a Python-written module: the user's call that led there). */
  span: SourceSpan | null;
}

/**
 * Which call made each tape row. A row is tagged when the innermost call it was made in
 * returns, so a Neuron's products belong to `Neuron.__call__`, and the Layer's own rows (none
 * in micrograd) to `Layer.__call__`; rows made at the top level belong to no call.
 */
export class CallRecorder {
  // The calls as parallel arrays, not an object per call: a training loop makes thousands of
  // calls and each one lives to the end of the run (an object each cost a young allocation and
  // its promotion). Index = call id; `instances` holds -1 for a call that is no method's.
  private readonly parents: number[] = [];
  private readonly names: string[] = [];
  private readonly instanceClasses: (string | null)[] = [];
  private readonly instances: number[] = [];
  private readonly spans: (SourceSpan | null)[] = [];
  /** The first tape row each call may have made (rows from here to its end are tagged by `exit`). */
  private readonly firstRows: number[] = [];
  private current = -1;
  private rowCall = new Int32Array(1024).fill(-1);
  private readonly instanceIds = new WeakMap<object, number>();
  private nextInstance = 0;

  /** The calls recorded so far. */
  get calls(): readonly RecordedCall[] {
    const out: RecordedCall[] = [];
    for (let id = 0; id < this.parents.length; id++) out.push(this.call(id));
    return out;
  }

  private call(id: number): RecordedCall {
    const instance = this.instances[id];
    return {
      parent: this.parents[id],
      name: this.names[id],
      instanceClass: this.instanceClasses[id],
      instance: instance < 0 ? null : instance,
      span: this.spans[id],
    };
  }

  /** Starts a call; returns what `exit` needs to close it (the call's id). */
  enter(
    name: string,
    self: PyValue | undefined,
    span: SourceSpan | null,
    firstRow: number,
    /** A method of a JavaScript object: the object and its class's name (the JavaScript runtime's instances). */
    jsInstance?: { key: object; className: string },
  ): number {
    let instanceClass: string | null = null;
    let instance = -1;
    const key = self instanceof PyInstance ? self : (jsInstance?.key ?? null);
    if (key !== null) {
      instanceClass = self instanceof PyInstance ? self.cls.name : jsInstance!.className;
      // a WeakMap write costs more than a read: only a new instance is written
      const known = this.instanceIds.get(key);
      if (known !== undefined) instance = known;
      else this.instanceIds.set(key, (instance = this.nextInstance++));
    }
    const id = this.parents.length;
    this.parents.push(this.current);
    this.names.push(name);
    this.instanceClasses.push(instanceClass);
    this.instances.push(instance);
    this.spans.push(span);
    this.firstRows.push(firstRow);
    this.current = id;
    return id;
  }

  exit(id: number, endRow: number): void {
    if (this.rowCall.length < endRow) {
      const grown = new Int32Array(Math.max(endRow, this.rowCall.length * 2)).fill(-1);
      grown.set(this.rowCall);
      this.rowCall = grown;
    }
    for (let row = this.firstRows[id]; row < endRow; row++)
      if (this.rowCall[row] === -1) this.rowCall[row] = id;
    this.current = this.parents[id];
  }

  /**
   * Moves the rows' calls along with a compacted tape (`moved[row]`: the row's new place, or
   * -1), and lets go of the calls that made none of the rows kept: a long loop makes a few
   * calls a value, and each was kept to the end of the run (and listed in the trace). Calls
   * `held` by number (torch's tensors name theirs) stay, and so do the callers of every call
   * kept. When no call is running, the calls kept are renumbered in order (the trace's calls
   * are numbered by their index, a caller before its callees); returns each old call's new
   * number (-1: let go), or null when nothing was renumbered.
   */
  compact(moved: Int32Array, held: Iterable<number | null> = []): Int32Array | null {
    const rowCall = this.rowCall;
    let n = 0;
    for (let row = 0; row < moved.length; row++) {
      if (moved[row] < 0) continue;
      rowCall[n++] = row < rowCall.length ? rowCall[row] : -1;
    }
    rowCall.fill(-1, n);
    // a running call's number is held by the interpreter until it returns: none may move
    if (this.current !== -1) return null;
    const { parents, names, instanceClasses, instances, spans, firstRows } = this;
    const count = parents.length;
    const keep = new Uint8Array(count);
    for (let row = 0; row < n; row++) if (rowCall[row] >= 0) keep[rowCall[row]] = 1;
    for (const id of held) if (id !== null && id >= 0 && id < count) keep[id] = 1;
    for (let id = count - 1; id >= 0; id--) if (keep[id] === 1 && parents[id] >= 0) keep[parents[id]] = 1;
    const movedCalls = new Int32Array(count).fill(-1);
    let m = 0;
    for (let id = 0; id < count; id++) {
      if (keep[id] === 0) continue;
      movedCalls[id] = m;
      parents[m] = parents[id] >= 0 ? movedCalls[parents[id]] : -1;
      names[m] = names[id];
      instanceClasses[m] = instanceClasses[id];
      instances[m] = instances[id];
      spans[m] = spans[id];
      firstRows[m] = firstRows[id];
      m++;
    }
    for (const list of [parents, names, instanceClasses, instances, spans, firstRows]) list.length = m;
    for (let row = 0; row < n; row++) if (rowCall[row] >= 0) rowCall[row] = movedCalls[rowCall[row]];
    return movedCalls;
  }

  /** The number calls on `object` carry as their instance, if a method ran on it. */
  instanceOf(object: object): number | undefined {
    return this.instanceIds.get(object);
  }

  /** The innermost call running now (what made a value kept outside the tape, such as a tensor). */
  active(): number | null {
    return this.current < 0 ? null : this.current;
  }

  callOf(row: number): number | null {
    const id = row < this.rowCall.length ? this.rowCall[row] : -1;
    return id < 0 ? null : id;
  }

  /** The calls as the trace lists them (taken before variables are summarised, which may call more). */
  traceCalls(): TraceCall[] {
    const out: TraceCall[] = [];
    for (let id = 0; id < this.parents.length; id++) {
      const c = this.call(id);
      out.push({
        id,
        parent: c.parent < 0 ? null : c.parent,
        name: c.name,
        instanceClass: c.instanceClass,
        instance: c.instance,
        span: c.span,
      });
    }
    return out;
  }
}
