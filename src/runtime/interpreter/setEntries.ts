import type { PySet, PyValue } from "./objects";

/** Up to this many items a set keeps them in one array (found by a linear search); past it, a Map. */
const SMALL = 8;

/** Every empty set's pairs, never written: adding an item makes a new array. */
const NO_PAIRS: unknown[] = [];

/** Map's key equality (SameValueZero): NaN is itself, 0 is -0. */
function sameKey(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

/**
 * A set's items by key (see hashKey), with a Map's interface and order. A small set keeps them in
 * one array of key, item pairs: micrograd makes a `_prev` set of one or two Values for every
 * operation, and a Map each was a good part of what a step allocated and collected (issue 14).
 * Iterating a small set walks a copy of its pairs taken when the walk starts.
 */
export class SetEntries implements Map<unknown, PyValue> {
  /** key0, item0, key1, item1, … while the set is small; null once `map` holds them. */
  private pairs: unknown[] | null = NO_PAIRS;
  private map: Map<unknown, PyValue> | null = null;

  get size(): number {
    return this.pairs !== null ? this.pairs.length >> 1 : this.map!.size;
  }

  private indexOf(key: unknown): number {
    const pairs = this.pairs!;
    for (let i = 0; i < pairs.length; i += 2) if (sameKey(pairs[i], key)) return i;
    return -1;
  }

  has(key: unknown): boolean {
    return this.pairs !== null ? this.indexOf(key) >= 0 : this.map!.has(key);
  }

  get(key: unknown): PyValue | undefined {
    if (this.pairs === null) return this.map!.get(key);
    const i = this.indexOf(key);
    return i < 0 ? undefined : (this.pairs[i + 1] as PyValue);
  }

  set(key: unknown, value: PyValue): this {
    const pairs = this.pairs;
    if (pairs === null) {
      this.map!.set(key, value);
      return this;
    }
    const i = this.indexOf(key);
    if (i >= 0) pairs[i + 1] = value;
    else if (pairs.length < SMALL * 2) {
      // a new array of the exact length: a push would give the array room for 17 more
      const n = pairs.length;
      const grown = new Array<unknown>(n + 2);
      for (let j = 0; j < n; j++) grown[j] = pairs[j];
      grown[n] = key;
      grown[n + 1] = value;
      this.pairs = grown;
    } else {
      const map = new Map<unknown, PyValue>();
      for (let j = 0; j < pairs.length; j += 2) map.set(pairs[j], pairs[j + 1] as PyValue);
      map.set(key, value);
      this.map = map;
      this.pairs = null;
    }
    return this;
  }

  delete(key: unknown): boolean {
    if (this.pairs === null) return this.map!.delete(key);
    const i = this.indexOf(key);
    if (i < 0) return false;
    this.pairs.splice(i, 2);
    return true;
  }

  clear(): void {
    this.pairs = NO_PAIRS;
    this.map = null;
  }

  *entries(): MapIterator<[unknown, PyValue]> {
    if (this.pairs === null) {
      yield* this.map!.entries();
      return;
    }
    const pairs = this.pairs.slice();
    for (let i = 0; i < pairs.length; i += 2) yield [pairs[i], pairs[i + 1] as PyValue];
  }

  *keys(): MapIterator<unknown> {
    if (this.pairs === null) {
      yield* this.map!.keys();
      return;
    }
    const pairs = this.pairs.slice();
    for (let i = 0; i < pairs.length; i += 2) yield pairs[i];
  }

  values(): MapIterator<PyValue> {
    return this.pairs === null ? this.map!.values() : this.itemList().values();
  }

  /** The items in order, as a new array (no generator: `[...set.entries.values()]` is made per Value). */
  itemList(): PyValue[] {
    if (this.pairs === null) return [...this.map!.values()];
    const pairs = this.pairs;
    const out = new Array<PyValue>(pairs.length >> 1);
    for (let i = 1; i < pairs.length; i += 2) out[i >> 1] = pairs[i] as PyValue;
    return out;
  }

  [Symbol.iterator](): MapIterator<[unknown, PyValue]> {
    return this.entries();
  }

  forEach(callback: (value: PyValue, key: unknown, map: Map<unknown, PyValue>) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this);
  }

  get [Symbol.toStringTag](): string {
    return "SetEntries";
  }
}

/** A set's items in insertion order, as a new array. */
export function setItems(set: PySet): PyValue[] {
  const entries = set.entries;
  return entries instanceof SetEntries ? entries.itemList() : [...entries.values()];
}
