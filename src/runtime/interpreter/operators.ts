import type { PyNumber } from "../../engine/scalar/microgradOps";
import type { BinaryOperator, CompareOperator, UnaryOperator } from "../../lang/ir";
import { chargeArray, chargeString } from "../../engine/memory";
import { compareNumbers, floatBinary, intBinary, isNumber, toFloat, toInt } from "./numbers";
import {
  bigInt,
  int,
  NotImplemented,
  PyClass,
  PyDict,
  PyDictView,
  PyInstance,
  PyInt,
  PyList,
  PyRange,
  PySet,
  PyTuple,
  ValueRef,
  type PyValue,
} from "./objects";
import { PyError, typeError, UnsupportedError } from "./pyErrors";
import type { Runtime } from "./runtime";
import { typeName } from "./stringify";
import { classProtocol } from "./classProtocols";
import { dictHas, hashKey } from "./collections";
import { percentFormat } from "../format/stringFormat";

const DUNDERS: Record<BinaryOperator, [string, string, string]> = {
  "+": ["__add__", "__radd__", "__iadd__"],
  "-": ["__sub__", "__rsub__", "__isub__"],
  "*": ["__mul__", "__rmul__", "__imul__"],
  "/": ["__truediv__", "__rtruediv__", "__itruediv__"],
  "//": ["__floordiv__", "__rfloordiv__", "__ifloordiv__"],
  "%": ["__mod__", "__rmod__", "__imod__"],
  "**": ["__pow__", "__rpow__", "__ipow__"],
  "@": ["__matmul__", "__rmatmul__", "__imatmul__"],
  "&": ["__and__", "__rand__", "__iand__"],
  "|": ["__or__", "__ror__", "__ior__"],
  "^": ["__xor__", "__rxor__", "__ixor__"],
  "<<": ["__lshift__", "__rlshift__", "__ilshift__"],
  ">>": ["__rshift__", "__rrshift__", "__irshift__"],
  // JavaScript's operator: the Python front end never makes it, so no class defines these
  ">>>": ["__urshift__", "__rurshift__", "__iurshift__"],
};

/** `a <op> b` with Python's dispatch: numbers, micrograd Values, sequences, then user dunders. */
export function binaryOp(rt: Runtime, op: BinaryOperator, a: PyValue, b: PyValue): PyValue {
  if (typeof a === "number" && typeof b === "number") return floatBinary(op, a, b);
  if (a instanceof PyInt && b instanceof PyInt) return intBinary(op, a, b);
  if (typeof a === "string" && op === "%") return percentFormat(rt, (v, spec) => rt.format(v, spec), a, b);
  if (a instanceof ValueRef) {
    const other = valueOperand(b) ?? scalarOperand(rt, b);
    if (other !== null) return valueForward(rt, op, a.row, other, b);
  } else if (isNumber(a)) {
    if (isNumber(b)) {
      if (typeof a === "number" || typeof b === "number") return floatBinary(op, toFloat(a), toFloat(b));
      return intBinary(op, toInt(a), toInt(b));
    }
    if (b instanceof ValueRef) return valueReflected(rt, op, b.row, a, numberOperand(a));
  } else if (b instanceof ValueRef) {
    // a numpy scalar beside a Value acts as the number it holds (numpy hands the Value the operation)
    const n = scalarOperand(rt, a);
    if (n !== null) return valueReflected(rt, op, b.row, a, n);
  }
  if (a instanceof PySet && b instanceof PySet) {
    const r = setOp(op, a, b);
    if (r !== null) return r;
  }
  const sequence = sequenceOp(op, a, b);
  if (sequence !== undefined) return sequence;
  const [method, reflected] = DUNDERS[op];
  if (a instanceof PyDict || b instanceof PyDict) {
    const r = dictOp(rt, op, method, reflected, a, b);
    if (r !== NotImplemented) return r;
  }
  if (a instanceof PyInstance) {
    const f = a.cls.lookup(method);
    if (f !== undefined) {
      const r = rt.call(f, [a, b]);
      if (r !== NotImplemented) return r;
    }
  }
  if (b instanceof PyInstance) {
    const f = b.cls.lookup(reflected);
    if (f !== undefined) {
      const r = rt.call(f, [b, a]);
      if (r !== NotImplemented) return r;
    }
  }
  const shown = op === "**" ? "** or pow()" : op;
  throw typeError(`unsupported operand type(s) for ${shown}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** Operators on dicts: a dict subclass's dunders (Counter's `+`), then dict's `|` merge. */
function dictOp(
  rt: Runtime,
  op: BinaryOperator,
  method: string,
  reflected: string,
  a: PyValue,
  b: PyValue,
): PyValue {
  const f = a instanceof PyDict ? a.cls?.lookup(method) : undefined;
  if (f !== undefined) {
    const r = rt.call(f, [a, b]);
    if (r !== NotImplemented) return r;
  }
  const g = b instanceof PyDict ? b.cls?.lookup(reflected) : undefined;
  if (g !== undefined) {
    const r = rt.call(g, [b, a]);
    if (r !== NotImplemented) return r;
  }
  if (op === "|" && a instanceof PyDict && b instanceof PyDict && a.cls === null) {
    const out = new PyDict();
    for (const source of [a, b]) source.entries.forEach((e, k) => out.entries.set(k, { ...e }));
    return out;
  }
  return NotImplemented;
}

/** `a <op>= b`: `__iadd__` and friends when defined, list `+=` extends in place, otherwise `a <op> b`. */
export function inplaceOp(rt: Runtime, op: BinaryOperator, a: PyValue, b: PyValue): PyValue {
  if (a instanceof PyInstance) {
    const f = a.cls.lookup(DUNDERS[op][2]);
    if (f !== undefined) {
      const r = rt.call(f, [a, b]);
      if (r !== NotImplemented) return r;
    }
  } else if (a instanceof PyList && op === "+") {
    // one push per item: spreading a long iterable into push() would overflow the call stack
    const items = a.items;
    for (const item of rt.iterate(b)) {
      if ((items.length & 1023) === 0) chargeArray(items.length + 1024);
      items.push(item);
    }
    return a;
  } else if (a instanceof PySet && !a.frozen && b instanceof PySet) {
    // a set's |=, &=, -=, ^= change it in place (a frozenset's make a new one)
    const r = setOp(op, a, b);
    if (r !== null) {
      a.entries.clear();
      r.entries.forEach((v, k) => a.entries.set(k, v));
      return a;
    }
  } else if (a instanceof PyDict) {
    const f = a.cls?.lookup(DUNDERS[op][2]);
    if (f !== undefined) {
      const r = rt.call(f, [a, b]);
      if (r !== NotImplemented) return r;
    }
    if (op === "|" && b instanceof PyDict && a.cls?.lookup("__or__") === undefined) {
      b.entries.forEach((e, k) => {
        const mine = a.entries.get(k);
        if (mine) mine.value = e.value;
        else a.entries.set(k, { ...e });
      });
      return a;
    }
  }
  return binaryOp(rt, op, a, b);
}

/**
 * A numpy scalar (`np.float64`, `np.int64`) as the Python number it holds, for micrograd's
 * operators; null for anything else.
 */
function scalarOperand(rt: Runtime, v: PyValue): PyNumber | null {
  if (!(v instanceof PyInstance) || v.cls.module !== "numpy") return null;
  const index = v.cls.lookup("__index__");
  if (index !== undefined) return numberOperand(rt.call(index, [v]) as PyInt);
  const float = v.cls.lookup("__float__");
  return float !== undefined ? numberOperand(rt.call(float, [v]) as number) : null;
}

function numberOperand(v: number | PyInt | boolean): PyNumber {
  if (typeof v === "number") return { value: v, isInt: false };
  return { value: toFloat(v), isInt: true };
}

/** What micrograd's operators accept as `other`: a Value (its row) or an int/float (wrapped). */
function valueOperand(v: PyValue): number | PyNumber | null {
  if (v instanceof ValueRef) return v.row;
  if (isNumber(v)) return numberOperand(v);
  return null;
}

function valueForward(
  rt: Runtime,
  op: BinaryOperator,
  self: number,
  other: number | PyNumber,
  raw: PyValue,
): PyValue {
  const m = rt.ops;
  switch (op) {
    case "+":
      return rt.value(m.add(self, other));
    case "-":
      return rt.value(m.sub(self, other));
    case "*":
      return rt.value(m.mul(self, other));
    case "/":
      return rt.value(m.div(self, other));
    case "**":
      if (typeof other === "number")
        throw new PyError("AssertionError", "only supporting int/float powers for now");
      return rt.value(m.pow(self, other));
    default:
      throw typeError(`unsupported operand type(s) for ${op}: 'Value' and '${typeName(raw)}'`);
  }
}

function valueReflected(
  rt: Runtime,
  op: BinaryOperator,
  self: number,
  raw: PyValue,
  other: PyNumber,
): PyValue {
  const m = rt.ops;
  switch (op) {
    case "+":
      return rt.value(m.radd(self, other));
    case "-":
      return rt.value(m.rsub(self, other));
    case "*":
      return rt.value(m.rmul(self, other));
    case "/":
      return rt.value(m.rdiv(self, other));
    default: {
      const shown = op === "**" ? "** or pow()" : op;
      throw typeError(`unsupported operand type(s) for ${shown}: '${typeName(raw)}' and 'Value'`);
    }
  }
}

function setOp(op: BinaryOperator, a: PySet, b: PySet): PySet | null {
  const out = new PySet();
  out.frozen = a.frozen; // the left operand's type, as CPython
  const keep = (set: PySet, test: (k: unknown) => boolean) =>
    set.entries.forEach((v, k) => test(k) && out.entries.set(k, v));
  switch (op) {
    case "|":
      keep(a, () => true);
      keep(b, (k) => !out.entries.has(k));
      return out;
    case "&":
      keep(a, (k) => b.entries.has(k));
      return out;
    case "-":
      keep(a, (k) => !b.entries.has(k));
      return out;
    case "^":
      keep(a, (k) => !b.entries.has(k));
      keep(b, (k) => !a.entries.has(k));
      return out;
    default:
      return null;
  }
}

function repeatCount(n: PyValue): number | null {
  if (n instanceof PyInt) return Math.max(0, n.v);
  if (typeof n === "boolean") return n ? 1 : 0;
  return null;
}

function sequenceOp(op: BinaryOperator, a: PyValue, b: PyValue): PyValue | undefined {
  if (op === "+") {
    if (typeof a === "string" && typeof b === "string") {
      chargeString(a.length + b.length);
      return a + b;
    }
    if (a instanceof PyList && b instanceof PyList) {
      chargeArray(a.items.length + b.items.length);
      return new PyList(a.items.concat(b.items));
    }
    if (a instanceof PyTuple && b instanceof PyTuple) {
      chargeArray(a.items.length + b.items.length);
      return new PyTuple(a.items.concat(b.items));
    }
    if (a instanceof PyList && !(b instanceof PyInstance)) {
      throw typeError(`can only concatenate list (not "${typeName(b)}") to list`);
    }
    if (typeof a === "string" && !(b instanceof PyInstance)) {
      throw typeError(`can only concatenate str (not "${typeName(b)}") to str`);
    }
  }
  if (op === "*") {
    const [seq, n] = typeof a === "string" || a instanceof PyList || a instanceof PyTuple ? [a, b] : [b, a];
    if (typeof seq === "string" || seq instanceof PyList || seq instanceof PyTuple) {
      const count = repeatCount(n);
      if (count === null) {
        if (n instanceof PyInstance) return undefined;
        throw typeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
      }
      // charged before it is made: `[0] * 10**10` is a MemoryError at once, as in CPython
      if (typeof seq === "string") {
        chargeString(count * seq.length);
        return seq.repeat(count);
      }
      const length = count * seq.items.length;
      chargeArray(length);
      const source = seq.items;
      // `[0] * n`, the common case, in one allocation (growing by push costs V8 far more)
      const items: PyValue[] = source.length === 1 ? new Array<PyValue>(length).fill(source[0]) : [];
      if (source.length !== 1)
        for (let i = 0; i < count; i++) for (let j = 0; j < source.length; j++) items.push(source[j]);
      return seq instanceof PyList ? new PyList(items) : new PyTuple(items);
    }
  }
  if (op === "%" && typeof a === "string")
    throw new PyError("NotImplementedError", "printf-style `%` formatting is not supported by GradLens");
  return undefined;
}

export function unaryOp(rt: Runtime, op: UnaryOperator, v: PyValue): PyValue {
  if (op === "not") return !truthy(rt, v);
  if (typeof v === "number") return op === "-" ? -v : op === "+" ? v : badUnary(op, v);
  if (v instanceof PyInt || typeof v === "boolean") {
    const x = toInt(v);
    if (op === "+") return x;
    if (x.big !== null) return bigInt(op === "-" ? -x.big : ~x.big);
    return int(op === "-" ? -x.v : -x.v - 1);
  }
  if (v instanceof ValueRef && op === "-") return rt.value(rt.ops.neg(v.row));
  const cls = v instanceof PyInstance ? v.cls : v instanceof PyDict ? v.cls : null;
  if (cls !== null) {
    const f = cls.lookup(op === "-" ? "__neg__" : op === "+" ? "__pos__" : "__invert__");
    if (f !== undefined) return rt.call(f, [v]);
  }
  return badUnary(op, v);
}

function badUnary(op: string, v: PyValue): never {
  throw typeError(`bad operand type for unary ${op}: '${typeName(v)}'`);
}

export function truthy(rt: Runtime, v: PyValue): boolean {
  if (typeof v === "boolean") return v;
  if (v === null) return false;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v.length > 0;
  if (v instanceof PyInt) return v.v !== 0;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict) return v.entries.size > 0;
  if (v instanceof PySet) return v.entries.size > 0;
  if (v instanceof PyDictView) return v.dict.entries.size > 0;
  if (v instanceof PyRange) return v.length > 0;
  if (v instanceof PyInstance) {
    const b = v.cls.lookup("__bool__");
    if (b !== undefined) return rt.call(b, [v]) === true;
    const len = v.cls.lookup("__len__");
    if (len !== undefined) return truthy(rt, rt.call(len, [v]));
  }
  return true;
}

/** Python `==`. */
export function equals(rt: Runtime, a: PyValue, b: PyValue): boolean {
  if (a === b) return typeof a !== "number" || !Number.isNaN(a);
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0;
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    if (a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) if (!equals(rt, a.items[i], b.items[i])) return false;
    return true;
  }
  if (a instanceof PySet && b instanceof PySet) {
    if (a.entries.size !== b.entries.size) return false;
    for (const k of a.entries.keys()) if (!b.entries.has(k)) return false;
    return true;
  }
  if ((a instanceof PyDict || a instanceof PyTuple) && a.cls?.lookup("__eq__") !== undefined) {
    const r = rt.call(a.cls.lookup("__eq__")!, [a, b]);
    if (r !== NotImplemented) return truthy(rt, r);
  }
  if ((b instanceof PyDict || b instanceof PyTuple) && b.cls?.lookup("__eq__") !== undefined) {
    const r = rt.call(b.cls.lookup("__eq__")!, [b, a]);
    if (r !== NotImplemented) return truthy(rt, r);
  }
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.entries.size !== b.entries.size) return false;
    for (const [k, e] of a.entries) {
      const other = b.entries.get(k);
      if (!other || !equals(rt, e.value, other.value)) return false;
    }
    return true;
  }
  if (a instanceof PyInstance) {
    const f = a.cls.lookup("__eq__");
    if (f !== undefined) {
      const r = rt.call(f, [a, b]);
      if (r !== NotImplemented) return truthy(rt, r);
    }
  }
  if (b instanceof PyInstance) {
    const f = b.cls.lookup("__eq__");
    if (f !== undefined) {
      const r = rt.call(f, [b, a]);
      if (r !== NotImplemented) return truthy(rt, r);
    }
  }
  return false;
}

const ORDER_DUNDERS: Record<string, [string, string]> = {
  "<": ["__lt__", "__gt__"],
  ">": ["__gt__", "__lt__"],
  "<=": ["__le__", "__ge__"],
  ">=": ["__ge__", "__le__"],
};

/** Python `<`, `>`, `<=`, `>=`. */
export function ordered(rt: Runtime, op: "<" | ">" | "<=" | ">=", a: PyValue, b: PyValue): boolean {
  let c: number | null = null;
  if (isNumber(a) && isNumber(b)) c = compareNumbers(a, b);
  else if (a instanceof PySet && b instanceof PySet) {
    // subset and superset: a partial order
    const within = (x: PySet, y: PySet) => [...x.entries.keys()].every((k) => y.entries.has(k));
    const [sa, sb] = [a.entries.size, b.entries.size];
    if (op === "<=") return within(a, b);
    if (op === ">=") return within(b, a);
    if (op === "<") return sa < sb && within(a, b);
    return sa > sb && within(b, a);
  } else if (typeof a === "string" && typeof b === "string") c = a < b ? -1 : a > b ? 1 : 0;
  else if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    const n = Math.min(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      if (!equals(rt, a.items[i], b.items[i])) return ordered(rt, op, a.items[i], b.items[i]);
    }
    c = a.items.length - b.items.length;
  } else {
    const [method, reflected] = ORDER_DUNDERS[op];
    if (a instanceof PyInstance) {
      const f = a.cls.lookup(method);
      if (f !== undefined) {
        const r = rt.call(f, [a, b]);
        if (r !== NotImplemented) return truthy(rt, r);
      }
    }
    if (b instanceof PyInstance) {
      const f = b.cls.lookup(reflected);
      if (f !== undefined) {
        const r = rt.call(f, [b, a]);
        if (r !== NotImplemented) return truthy(rt, r);
      }
    }
    throw typeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  }
  switch (op) {
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case ">=":
      return c >= 0;
  }
}

export function contains(rt: Runtime, container: PyValue, item: PyValue): boolean {
  if (container instanceof PyList || container instanceof PyTuple) {
    return container.items.some((x) => x === item || equals(rt, x, item));
  }
  if (typeof container === "string") {
    if (typeof item !== "string")
      throw typeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (container instanceof PyDict) return dictHas(container, item);
  if (container instanceof PySet) return container.entries.has(hashKey(item));
  if (container instanceof PyDictView && container.kind === "keys") return dictHas(container.dict, item);
  if (container instanceof PyRange) {
    if (!(item instanceof PyInt) && typeof item !== "number") return false;
    const x = toFloat(item);
    const { start, stop, step } = container;
    const inside = step > 0 ? x >= start && x < stop : x <= start && x > stop;
    return inside && Number.isInteger(x) && (x - start) % step === 0;
  }
  if (container instanceof PyClass) {
    const protocol = classProtocol(container);
    if (protocol) return protocol.contains(item);
  }
  if (container instanceof PyInstance) {
    const f = container.cls.lookup("__contains__");
    if (f !== undefined) return truthy(rt, rt.call(f, [container, item]));
  }
  for (const x of rt.iterate(container)) if (equals(rt, x, item)) return true;
  return false;
}

const RICH_DUNDERS: Partial<Record<CompareOperator, [string, string]>> = {
  ...ORDER_DUNDERS,
  "==": ["__eq__", "__eq__"],
  "!=": ["__ne__", "__ne__"],
};

/**
 * `a <op> b` as an expression's value: a class's rich comparison may return any object (a
 * tensor of bools for `x > 0`), which Python hands back as it is; otherwise a bool.
 */
export function richCompare(rt: Runtime, op: CompareOperator, a: PyValue, b: PyValue): PyValue {
  const dunders = RICH_DUNDERS[op];
  if (dunders !== undefined && (a instanceof PyInstance || b instanceof PyInstance)) {
    const f = a instanceof PyInstance ? a.cls.lookup(dunders[0]) : undefined;
    const r = f !== undefined ? rt.call(f, [a, b]) : NotImplemented;
    if (r !== NotImplemented) return r;
    const g = b instanceof PyInstance ? b.cls.lookup(dunders[1]) : undefined;
    const reflected = g !== undefined ? rt.call(g, [b, a]) : NotImplemented;
    if (reflected !== NotImplemented) return reflected;
  }
  return compare(rt, op, a, b);
}

export function compare(rt: Runtime, op: CompareOperator, a: PyValue, b: PyValue): boolean {
  switch (op) {
    case "==":
      return equals(rt, a, b);
    case "!=":
      if (a instanceof PyInstance && a.cls.lookup("__ne__") !== undefined)
        return truthy(rt, rt.call(a.cls.lookup("__ne__")!, [a, b]));
      return !equals(rt, a, b);
    case "is":
      return identical(a, b);
    case "is not":
      return !identical(a, b);
    case "in":
      return contains(rt, b, a);
    case "not in":
      return !contains(rt, b, a);
    case "===":
    case "!==":
    case "instanceof":
      throw new UnsupportedError(`\`${op}\` is not Python`);
    default:
      return ordered(rt, op, a, b);
  }
}

function identical(a: PyValue, b: PyValue): boolean {
  // CPython caches the ints -5…256, so `is` holds for equal small ints only.
  if (a instanceof PyInt && b instanceof PyInt)
    return a === b || (a.big === null && a.v === b.v && a.v >= -5 && a.v <= 256);
  return a === b;
}
