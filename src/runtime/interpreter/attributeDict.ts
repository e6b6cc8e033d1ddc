import { PyDict, type PyValue } from "./objects";
import { UnsupportedError } from "./pyErrors";

type Entry = { key: PyValue; value: PyValue };

/**
 * A dict's entries that are an object's attributes: reading and writing the dict reads and
 * writes the attributes, as `obj.__dict__` and `vars(obj)` do in Python
 * (`vars(self).update(kwargs)` sets attributes).
 */
class AttributeEntries extends Map<unknown, Entry> {
  constructor(private readonly attrs: Map<string, PyValue>) {
    super();
  }

  override get size(): number {
    return this.attrs.size;
  }

  private entry(name: string): Entry {
    const attrs = this.attrs;
    return {
      key: name,
      get value() {
        return attrs.get(name) ?? null;
      },
      set value(v: PyValue) {
        attrs.set(name, v);
      },
    };
  }

  override get(key: unknown): Entry | undefined {
    return typeof key === "string" && this.attrs.has(key) ? this.entry(key) : undefined;
  }

  override has(key: unknown): boolean {
    return typeof key === "string" && this.attrs.has(key);
  }

  override set(key: unknown, entry: Entry): this {
    if (typeof key !== "string")
      throw new UnsupportedError(
        "An attribute dict with a key that is not a str is not supported by GradLens",
      );
    this.attrs.set(key, entry.value);
    return this;
  }

  override delete(key: unknown): boolean {
    return typeof key === "string" && this.attrs.delete(key);
  }

  override clear(): void {
    this.attrs.clear();
  }

  override *entries(): MapIterator<[unknown, Entry]> {
    for (const name of [...this.attrs.keys()]) yield [name, this.entry(name)];
  }

  override keys(): MapIterator<unknown> {
    return this.attrs.keys();
  }

  override *values(): MapIterator<Entry> {
    for (const name of [...this.attrs.keys()]) yield this.entry(name);
  }

  override [Symbol.iterator](): MapIterator<[unknown, Entry]> {
    return this.entries();
  }

  override forEach(callback: (value: Entry, key: unknown, map: Map<unknown, Entry>) => void): void {
    for (const [k, e] of this.entries()) callback(e, k, this);
  }
}

/** A dict whose items are the attributes in `attrs`, live both ways. */
export function attributeDict(attrs: Map<string, PyValue>): PyDict {
  return new PyDict(new AttributeEntries(attrs));
}
