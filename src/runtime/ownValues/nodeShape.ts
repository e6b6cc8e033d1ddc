import { PyInstance, PyInt, PyList, PySet, PyTuple, type PyValue } from "../interpreter/objects";
import { NpScalar } from "../modules/numpy/ndarray";
import { setItems } from "../interpreter/setEntries";

/**
 * How a program's own autograd class lays out a value: a numeric `data`, a numeric `grad`, and
 * the values it was made from under one of the names learners use, with an op label beside
 * them. The micrograd lecture's `Value` is `data`, `grad`, `_prev` (a set) and `_op`.
 */
export interface NodeShape {
  /** The attribute holding the values it was made from (a tuple, list or set). */
  children: string;
  /** The attribute holding its op label (a string), or null when the class keeps none. */
  op: string | null;
}

export const CHILDREN_NAMES = [
  "_prev",
  "_children",
  "children",
  "prev",
  "_parents",
  "parents",
  "_inputs",
  "inputs",
  "_ctx",
  "ctx",
  "_operands",
  "operands",
  "_srcs",
  "srcs",
  "_deps",
  "deps",
  "_src",
  "src",
] as const;

export const OP_NAMES = [
  "_op",
  "op",
  "_operation",
  "operation",
  "_op_name",
  "op_name",
  "_opname",
  "opname",
] as const;

/** A Python number that a value's `data` or `grad` may be: an int or a float, not a bool. */
export function numericValue(v: PyValue | undefined): number | null {
  if (typeof v === "number") return v;
  if (v instanceof PyInt) return v.big !== null ? Number(v.big) : v.v;
  // `Value(x)` for x in a numpy row (make_moons data): its data is a numpy scalar, and so is
  // every value computed from it
  if (v instanceof NpScalar) return v.value;
  return null;
}

/** The items of a tuple, list or set, or null for anything else. */
export function collectionItems(v: PyValue | undefined): PyValue[] | null {
  if (v instanceof PyTuple || v instanceof PyList) return v.items;
  if (v instanceof PySet) return setItems(v);
  return null;
}

/**
 * Whether `inst` is laid out as a value of an autograd class, and how; `known` is the shape its
 * class was recognised with before (tried first). Every child must itself be a value already
 * known (`isNode`): a collection of anything else is not the graph.
 */
export function nodeShape(
  inst: PyInstance,
  known: NodeShape | undefined,
  isNode: (v: PyValue) => boolean,
): NodeShape | null {
  if (numericValue(inst.ownAttr("data")) === null || numericValue(inst.ownAttr("grad")) === null) return null;
  if (known !== undefined && childrenOf(inst.ownAttr(known.children), isNode) !== null) {
    if (known.op === null || typeof inst.ownAttr(known.op) === "string") return known;
  }
  for (const children of CHILDREN_NAMES) {
    if (childrenOf(inst.ownAttr(children), isNode) === null) continue;
    const op = OP_NAMES.find((name) => typeof inst.ownAttr(name) === "string") ?? null;
    return { children, op };
  }
  return null;
}

/** The values a collection lists, when every one of them is a graph value. */
export function childrenOf(v: PyValue | undefined, isNode: (v: PyValue) => boolean): PyInstance[] | null {
  const items = collectionItems(v);
  if (items === null) return null;
  for (const item of items) if (!isNode(item)) return null;
  return items as PyInstance[];
}
