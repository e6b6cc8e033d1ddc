import type { PyValue } from "./objects";

/** What a frame's variables are read and written through: a Map, or a function's FrameLocals. */
export interface Scope extends Iterable<[string, PyValue]> {
  readonly size: number;
  get(name: string): PyValue | undefined;
  set(name: string, value: PyValue): unknown;
  has(name: string): boolean;
  delete(name: string): boolean;
  keys(): IterableIterator<string>;
  values(): IterableIterator<PyValue>;
  entries(): IterableIterator<[string, PyValue]>;
}

/** The slots of a function's local names, in the order Python lists them (parameters first); made once per function. */
export class LocalSlots {
  readonly index: Map<string, number>;
  constructor(readonly names: readonly string[]) {
    this.index = new Map(names.map((n, i) => [n, i]));
  }
}

/**
 * A function call's local variables: an array in its function's slots instead of a Map per call
 * (and per closure that keeps the frame alive: micrograd's `_backward` keeps every operation's),
 * most of what a call allocated (issue 14). Python's order is kept: the variables read back in
 * the order they were first bound. While that order is the slots' (parameters, then the names
 * in the order the body binds them, as a call mostly goes) the first `bound` slots hold them;
 * a binding out of that order, a name outside the slots or a `del` turns the frame's variables
 * into a Map, as they were before.
 */
export class FrameLocals implements Scope {
  private readonly slots: (PyValue | undefined)[];
  private bound = 0;
  private map: Map<string, PyValue> | null = null;

  constructor(private readonly layout: LocalSlots) {
    this.slots = new Array<PyValue | undefined>(layout.names.length);
  }

  get size(): number {
    return this.map !== null ? this.map.size : this.bound;
  }

  get(name: string): PyValue | undefined {
    if (this.map !== null) return this.map.get(name);
    const i = this.layout.index.get(name);
    return i === undefined ? undefined : this.slots[i];
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  set(name: string, value: PyValue): this {
    if (this.map === null) {
      const i = this.layout.index.get(name);
      if (i !== undefined && i <= this.bound) {
        this.slots[i] = value;
        if (i === this.bound) this.bound++;
        return this;
      }
    }
    this.asMap().set(name, value);
    return this;
  }

  delete(name: string): boolean {
    return this.asMap().delete(name);
  }

  keys(): IterableIterator<string> {
    return this.map !== null ? this.map.keys() : this.layout.names.slice(0, this.bound).values();
  }

  values(): IterableIterator<PyValue> {
    return this.map !== null ? this.map.values() : (this.slots.slice(0, this.bound) as PyValue[]).values();
  }

  entries(): IterableIterator<[string, PyValue]> {
    return this.asEntries().values();
  }

  [Symbol.iterator](): IterableIterator<[string, PyValue]> {
    return this.entries();
  }

  private asEntries(): [string, PyValue][] {
    if (this.map !== null) return [...this.map];
    const out: [string, PyValue][] = [];
    for (let i = 0; i < this.bound; i++) out.push([this.layout.names[i], this.slots[i] as PyValue]);
    return out;
  }

  /** The variables as a Map, in the order they were bound; they stay one from then on. */
  private asMap(): Map<string, PyValue> {
    if (this.map === null) {
      this.map = new Map(this.asEntries());
      this.slots.length = 0;
    }
    return this.map;
  }
}
