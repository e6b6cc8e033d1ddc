import type { FloatArray } from "../../../engine/tensor/floatArray";
import * as T from "../../../engine/tensor/index";
import type { Tensor } from "../../../engine/tensor/index";
import { armLeafMove } from "../../../engine/tensor/leafMoves";
import { NotImplemented, type PyValue } from "../../interpreter/objects";
import { PyError, typeError, valueError } from "../../interpreter/pyErrors";
import { binaryTensor, type BinaryName } from "./binaryUfuncs";
import { broadcastShapesOf } from "./broadcastValues";
import { castTensor, operandIn, operandOf, shapeCompact, shapeTuple } from "./convert";
import { aliasOf, NdArray, NpScalar } from "./ndarray";
import { canCastSameKind, isFloat } from "./npDtype";
import { numpyError } from "./npErrors";
import { indexItems, numpyIndexing, indexedCount } from "./npIndexing";
import type { NumpyState } from "./numpyState";

/**
 * Writes into arrays: the in-place operators (`a -= lr * g`) and item assignment
 * (`a[mask] = 0`, `a[i, j] += x`). The numbers go into the array's buffer, so every view of it
 * sees them, as in numpy. For the graph the array continues as a new value — the write's
 * result (`a − lr·g`, or `a` with the items replaced) with its gradient rule — while the values
 * operations read before stay as they were: when the graph has read the buffer, the write goes
 * into a fresh copy of it that the array and its views move to.
 */

/** Moves a buffer to a copy of its storage when the graph still needs what it holds now. */
function prepareBuffer(target: NdArray, keepOld: boolean): void {
  const buffer = target.buffer;
  if (buffer.external) return;
  if (keepOld) buffer.storage = new T.Storage(buffer.storage.data.slice());
}

/** Writes row-major `values` (shaped like the target) through the target's layout into its buffer. */
function writeThrough(target: NdArray, layout: Tensor, values: FloatArray): void {
  const data = target.buffer.storage.data;
  const nd = layout.ndim;
  if (nd === 0) {
    data[layout.offset] = values[0];
    return;
  }
  const index = new Array<number>(nd).fill(0);
  let pos = layout.offset;
  for (let i = 0; i < values.length; i++) {
    data[pos] = values[i];
    for (let d = nd - 1; d >= 0; d--) {
      pos += layout.strides[d];
      if (++index[d] < layout.shape[d]) break;
      pos -= layout.strides[d] * layout.shape[d];
      index[d] = 0;
    }
  }
}

/**
 * The target's new version: its buffer's current storage, with `value`'s place in the graph
 * when it has one. `update`: the write replaced values the graph had read — the array continues
 * as a new leaf, its old value keeping its place (so one training step's graph does not reach
 * into the steps before it).
 */
function continueAs(
  s: NumpyState,
  target: NdArray,
  layout: Tensor,
  value: Tensor | null,
  update: boolean,
): Tensor {
  const buffer = target.buffer;
  buffer.version++;
  buffer.used = false;
  buffer.lastWriter = target;
  buffer.updated = update;
  if (update) {
    s.noteUpdate();
    value = null;
  }
  if (buffer.external) buffer.storage.version++;
  const t = aliasOf(layout, buffer.storage);
  if (value !== null && (value.gradFn !== null || value.requiresGrad)) {
    t.id = value.id;
    t.gradFn = value.gradFn;
    t.requiresGrad = true;
    s.note(value);
  } else if (isFloat(target.dtype)) {
    t.requiresGrad = true;
    armLeafMove(t); // a gradient check's re-run may move the updated parameter
    s.note(t);
  }
  target.tensor = t;
  target.bufferVersion = buffer.version;
  target.gen = s.generation;
  // the write's rows belong to the statement that made it (an item assignment stamps none itself)
  s.interp.stampRows(s.interp.at);
  return t;
}

const SAVES_TARGET = new Set<BinaryName>([
  "multiply",
  "divide",
  "power",
  "floor_divide",
  "remainder",
  "maximum",
  "minimum",
]);

/**
 * `target <op>= other` (`__iadd__` and friends): numpy's `np.add(target, other, out=target)`.
 * The result must fit the target's shape and be castable to its dtype (`same_kind`).
 */
export function inPlace(
  s: NumpyState,
  name: BinaryName,
  target: NdArray,
  other: PyValue,
  symbol: string,
): PyValue {
  const o = operandOf(s, other);
  if (o === null) return NotImplemented;
  const wasUsed = target.buffer.used;
  const old = s.read(target);
  const self = { tensor: old, dtype: target.dtype, weak: null, value: null, number: 0, scalar: false };
  const shape = broadcastShapesOf([old.shape, o.tensor.shape]);
  if (shape.length !== old.ndim || shape.some((d, i) => d !== old.shape[i]))
    throw valueError(
      `non-broadcastable output operand with shape ${shapeCompact(old.shape)} doesn't match the broadcast shape ${shapeCompact(shape)}`,
    );
  const r = binaryTensor(s, name, self, o);
  if (!canCastSameKind(r.dtype, target.dtype))
    throw numpyError(
      s,
      "UFuncTypeError",
      `Cannot cast ufunc '${name}' output from dtype('${r.dtype}') to dtype('${target.dtype}') with casting rule 'same_kind'`,
    );
  const value = castTensor(r.tensor, r.dtype, target.dtype);
  const result = value.shape.length === old.ndim ? value : T.reshape(value, old.shape);
  prepareBuffer(target, wasUsed || SAVES_TARGET.has(name));
  writeThrough(target, old, result.values());
  const after = continueAs(s, target, old, result, wasUsed);
  s.noteWrite(
    {
      beforeId: old.id,
      afterId: after.id,
      op: symbol,
      operandId: other instanceof NdArray || other instanceof NpScalar ? o.tensor.id : null,
      span: s.interp.at,
    },
    target,
    o.tensor,
  );
  return target;
}

/** Rewrites the engine's shape mismatch in numpy's words. */
function assignmentShapes<R>(body: () => R): R {
  try {
    return body();
  } catch (e) {
    if (e instanceof PyError) {
      const m =
        /value tensor of shape \[([\d, ]*)\] cannot be broadcast to indexing result of shape \[([\d, ]*)\]/.exec(
          e.message,
        );
      if (m) {
        const from = m[1] === "" ? [] : m[1].split(", ").map(Number);
        const to = m[2] === "" ? [] : m[2].split(", ").map(Number);
        throw valueError(
          `could not broadcast input array from shape ${shapeTuple(from)} into shape ${shapeTuple(to)}`,
        );
      }
    }
    throw e;
  }
}

/** `target[index] = value`: numpy casts the value to the array's dtype (a float into an int array truncates). */
export function setItem(s: NumpyState, target: NdArray, index: PyValue, value: PyValue): void {
  const items = indexItems(s, index);
  const count = indexedCount(items);
  if (count > target.ndim)
    throw new PyError(
      "IndexError",
      `too many indices for array: array is ${target.ndim}-dimensional, but ${count} were indexed`,
    );
  const o = operandOf(s, value);
  if (o === null)
    throw typeError(`float() argument must be a string or a real number, not '${s.interp.repr(value)}'`);
  if (isFloat(o.dtype) && !isFloat(target.dtype) && o.tensor.values().some((v) => !Number.isFinite(v)))
    throw valueError(
      `cannot convert float ${o.tensor.values().some((v) => v !== v) ? "NaN" : "infinity"} to integer`,
    );
  const v = operandIn(s, o, target.dtype);
  const buffer = target.buffer;
  // `a[i] += x` wrote through the view `a[i]` just now; its value is what is assigned back
  const throughView =
    value instanceof NdArray &&
    value.buffer === buffer &&
    buffer.lastWriter === value &&
    target.bufferVersion === buffer.version - 1;
  const wasUsed = buffer.used;
  const old = throughView ? target.tensor : s.read(target);
  const recorded = isFloat(target.dtype) && T.isGradEnabled() && (throughView || !wasUsed);
  const rec = recorded
    ? assignmentShapes(() => numpyIndexing(target.ndim, count, () => T.indexPut(old, items, v)))
    : null;
  if (!throughView) {
    prepareBuffer(target, wasUsed);
    const live = new T.Tensor(buffer.storage, old.shape, old.strides, old.offset, old.dtype);
    assignmentShapes(() =>
      numpyIndexing(target.ndim, count, () => T.withNoGrad(() => T.setIndex(live, items, v))),
    );
  }
  const after = continueAs(s, target, old, rec, wasUsed && !throughView);
  s.noteWrite(
    {
      beforeId: old.id,
      afterId: after.id,
      op: "[]=",
      operandId: value instanceof NdArray || value instanceof NpScalar ? o.tensor.id : null,
      span: s.interp.at,
    },
    target,
    o.tensor,
  );
}
