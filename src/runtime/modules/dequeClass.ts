import { chargeArray } from "../../engine/memory";
import { sliceIndices } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import {
  DONE,
  int,
  NotImplemented,
  PyBuiltin,
  PyClass,
  PyInstance,
  PyInt,
  PyIterator,
  PyList,
  PyProperty,
  PySlice,
  type PyValue,
} from "../interpreter/objects";
import { equals } from "../interpreter/operators";
import { PyError, typeError, valueError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { bindArgs, defineMethod, intArg } from "./native";

/**
 * `collections.deque`: a double-ended queue with an optional `maxlen` (appending to a full one
 * drops from the other end). Items live in an array from `head` on, so `popleft` is O(1).
 */
export class DequeObject extends PyInstance {
  private store: PyValue[] = [];
  private head = 0;
  constructor(
    cls: PyClass,
    readonly maxlen: number | null,
  ) {
    super(cls);
  }

  get length(): number {
    return this.store.length - this.head;
  }

  get items(): PyValue[] {
    return this.store.slice(this.head);
  }

  set items(items: PyValue[]) {
    this.store = items;
    this.head = 0;
  }

  at(i: number): PyValue {
    return this.store[this.head + i];
  }

  setAt(i: number, v: PyValue): void {
    this.store[this.head + i] = v;
  }

  push(v: PyValue): void {
    if (this.maxlen === 0) return;
    chargeArray(1);
    this.store.push(v);
    if (this.maxlen !== null && this.length > this.maxlen) this.shift();
  }

  unshift(v: PyValue): void {
    if (this.maxlen === 0) return;
    chargeArray(1);
    if (this.head > 0) this.store[--this.head] = v;
    else this.store.unshift(v);
    if (this.maxlen !== null && this.length > this.maxlen) this.store.pop();
  }

  shift(): PyValue {
    if (this.length === 0) throw new PyError("IndexError", "pop from an empty deque");
    const v = this.store[this.head];
    this.store[this.head++] = null;
    // give the space back once most of the array is behind the head
    if (this.head > 1024 && this.head * 2 > this.store.length) this.items = this.items;
    return v;
  }

  pop(): PyValue {
    if (this.length === 0) throw new PyError("IndexError", "pop from an empty deque");
    return this.store.pop()!;
  }
}

export function makeDequeClass(interp: Interpreter): PyClass {
  const cls: PyClass = new PyClass("deque", null, "collections", (args, kwargs) => {
    const a = bindArgs("deque", args, kwargs, ["iterable", "maxlen"]);
    let maxlen: number | null = null;
    if (a.maxlen !== undefined && a.maxlen !== null) {
      maxlen = intArg(a.maxlen);
      if (maxlen < 0) throw valueError("maxlen must be non-negative");
    }
    const d = new DequeObject(cls, maxlen);
    if (a.iterable !== undefined && a.iterable !== null)
      for (const x of interp.iterate(a.iterable)) d.push(x);
    return d;
  });
  const deque = (v: PyValue): DequeObject => {
    if (!(v instanceof DequeObject))
      throw typeError(`descriptor requires a 'collections.deque' object but received a '${typeName(v)}'`);
    return v;
  };
  const index = (d: DequeObject, i: PyValue): number => {
    if (i instanceof PySlice) throw typeError("sequence index must be integer, not 'slice'");
    if (!(i instanceof PyInt) && typeof i !== "boolean")
      throw typeError(`sequence index must be integer, not '${typeName(i)}'`);
    let n = intArg(i);
    if (n < 0) n += d.length;
    if (n < 0 || n >= d.length) throw new PyError("IndexError", "deque index out of range");
    return n;
  };
  const method = (name: string, f: (d: DequeObject, args: PyValue[]) => PyValue) =>
    defineMethod(cls, name, (self, args) => f(deque(self), args));

  method("append", (d, [x]) => (d.push(x), null));
  method("appendleft", (d, [x]) => (d.unshift(x), null));
  method("pop", (d) => d.pop());
  method("popleft", (d) => d.shift());
  method("extend", (d, [xs]) => {
    for (const x of xs === d ? d.items : interp.iterate(xs)) d.push(x);
    return null;
  });
  method("extendleft", (d, [xs]) => {
    for (const x of xs === d ? d.items : interp.iterate(xs)) d.unshift(x);
    return null;
  });
  method("rotate", (d, [n]) => {
    const len = d.length;
    if (len === 0) return null;
    const k = (((n === undefined ? 1 : intArg(n)) % len) + len) % len;
    const items = d.items;
    d.items = [...items.slice(len - k), ...items.slice(0, len - k)];
    return null;
  });
  method("clear", (d) => ((d.items = []), null));
  method("copy", (d) => {
    const c = new DequeObject(cls, d.maxlen);
    c.items = d.items;
    return c;
  });
  method("count", (d, [x]) => int(d.items.filter((y) => y === x || equals(interp, y, x)).length));
  method("index", (d, [x]) => {
    const i = d.items.findIndex((y) => y === x || equals(interp, y, x));
    if (i < 0) throw valueError(`${interp.repr(x)} is not in deque`);
    return int(i);
  });
  method("remove", (d, [x]) => {
    const items = d.items;
    const i = items.findIndex((y) => y === x || equals(interp, y, x));
    if (i < 0) throw valueError(`${interp.repr(x)} is not in deque`);
    items.splice(i, 1);
    d.items = items;
    return null;
  });
  method("insert", (d, [i, x]) => {
    if (d.maxlen !== null && d.length >= d.maxlen)
      throw new PyError("IndexError", "deque already at its maximum size");
    const items = d.items;
    const { start } = sliceIndices(new PySlice(i, null, null), items.length);
    items.splice(start, 0, x);
    d.items = items;
    return null;
  });
  method("reverse", (d) => ((d.items = d.items.reverse()), null));
  method("__len__", (d) => int(d.length));
  method("__getitem__", (d, [i]) => d.at(index(d, i)));
  method("__setitem__", (d, [i, v]) => (d.setAt(index(d, i), v), null));
  method("__delitem__", (d, [i]) => {
    const items = d.items;
    items.splice(index(d, i), 1);
    d.items = items;
    return null;
  });
  method("__iter__", (d) => {
    let i = 0;
    return new PyIterator(() => (i < d.length ? d.at(i++) : DONE), "_collections._deque_iterator");
  });
  method("__contains__", (d, [x]) => d.items.some((y) => y === x || equals(interp, y, x)));
  method("__eq__", (d, [other]) => {
    if (!(other instanceof DequeObject)) return NotImplemented;
    const a = d.items;
    const b = other.items;
    return a.length === b.length && a.every((x, i) => equals(interp, x, b[i]));
  });
  method("__add__", (d, [other]) => {
    if (!(other instanceof DequeObject))
      throw typeError(`can only concatenate deque (not "${typeName(other)}") to deque`);
    const c = new DequeObject(cls, d.maxlen);
    for (const x of [...d.items, ...other.items]) c.push(x);
    return c;
  });
  method("__iadd__", (d, [other]) => {
    for (const x of other === d ? d.items : interp.iterate(other)) d.push(x);
    return d;
  });
  method("__repr__", (d) => {
    const inner = interp.repr(new PyList(d.items));
    return d.maxlen === null ? `deque(${inner})` : `deque(${inner}, maxlen=${d.maxlen})`;
  });
  cls.dict.set(
    "maxlen",
    new PyProperty(
      new PyBuiltin("maxlen", ([d]) => {
        const m = deque(d).maxlen;
        return m === null ? null : int(m);
      }),
      null,
    ),
  );
  return cls;
}
