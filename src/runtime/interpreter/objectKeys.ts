import { PyClass, PyInstance, PyInt, type PyValue } from "./objects";
import { typeError, UnsupportedError } from "./pyErrors";
import { equals } from "./operators";
import type { Runtime } from "./runtime";
import { typeName } from "./stringify";

/**
 * Dict keys and set items whose class defines `__hash__` (a `Point` with `__eq__` and
 * `__hash__`, a frozen dataclass, `pathlib.Path`).
 *
 * Dicts and sets are JS Maps (collections.ts): a key must become one JS value that equal keys
 * share. For these objects that value is a representative: the first live object seen with the
 * same hash that `==` says is equal (`rep == key`, the stored key on the left, as CPython
 * compares a stored key with the one looked up), else the object itself. Representatives are
 * held weakly: one no dict or set holds any more can go. Unlike CPython, which compares only
 * with keys of the same table, a key may be compared with an equal-hash object that lives in
 * another container (visible only to an `__eq__` that prints).
 */

let runtime: Runtime | null = null;
let buckets = new Map<unknown, WeakRef<PyInstance>[]>();
const emptied = new FinalizationRegistry<unknown>((bucket) => prune(bucket));
/** The hash each object had when it was keyed (CPython stores it with the entry). */
const hashes = new WeakMap<PyInstance, bigint>();

/** Installs the run whose `__hash__` and `__eq__` methods keys are made with (each run starts afresh). */
export function useKeyRuntime(rt: Runtime): void {
  runtime = rt;
  buckets = new Map();
}

/**
 * The `__hash__` that applies to a class's instances, as CPython's rules give it: the nearest
 * class (itself, then its bases) that defines `__hash__` or `__eq__` decides; one that defines
 * `__eq__` alone has `__hash__ = None`. null: unhashable; undefined: hashed by identity.
 */
export function hashMethod(cls: PyClass): PyValue | undefined {
  for (let c: PyClass | null = cls; c !== null; c = c.base) {
    const own = c.dict.get("__hash__");
    if (own !== undefined) return own;
    if (c.dict.has("__eq__")) return null;
  }
  return undefined;
}

/** `hash(v)` for an instance whose class has its own `__hash__` (its result, reduced as CPython reduces it). */
export function instanceHash(v: PyInstance, method: PyValue): bigint {
  if (method === null) throw typeError(`unhashable type: '${typeName(v)}'`);
  if (runtime === null) throw new UnsupportedError("hashing an object outside a run");
  const result = runtime.call(method, [v]);
  let h: bigint;
  if (typeof result === "boolean") h = BigInt(+result);
  else if (result instanceof PyInt) h = result.big ?? BigInt(result.v);
  else throw typeError("__hash__ method should return an integer");
  // outside a signed 64-bit word CPython takes the int's own hash (modulo 2**61 - 1)
  if (h >= 2n ** 63n || h < -(2n ** 63n)) {
    const modulus = 2n ** 61n - 1n;
    h = ((h < 0n ? -h : h) % modulus) * (h < 0n ? -1n : 1n);
  }
  return h === -1n ? -2n : h;
}

/** The JS Map key of an instance whose class defines `__hash__` (see above). */
export function instanceKey(v: PyInstance, method: PyValue): PyInstance {
  const h = instanceHash(v, method);
  hashes.set(v, h);
  const bucketKey = h >= -(2n ** 53n) && h <= 2n ** 53n ? Number(h) : h;
  const bucket = buckets.get(bucketKey);
  if (bucket === undefined) {
    buckets.set(bucketKey, [new WeakRef(v)]);
    emptied.register(v, bucketKey);
    return v;
  }
  const live: PyInstance[] = [];
  for (const ref of bucket) {
    const rep = ref.deref();
    if (rep === v) return v;
    if (rep !== undefined) live.push(rep);
  }
  // __eq__ may key other objects meanwhile, so the bucket is walked from this copy
  for (const rep of live) if (hashes.get(rep) === h && equals(runtime!, rep, v)) return rep;
  bucket.push(new WeakRef(v));
  emptied.register(v, bucketKey);
  return v;
}

/** The hash an instance was keyed with, for replaying CPython's set order (setOrder.ts). */
export function keyedHash(v: PyInstance): bigint | undefined {
  return hashes.get(v);
}

function prune(bucketKey: unknown): void {
  const bucket = buckets.get(bucketKey);
  if (bucket === undefined) return;
  const live = bucket.filter((ref) => ref.deref() !== undefined);
  if (live.length === 0) buckets.delete(bucketKey);
  else buckets.set(bucketKey, live);
}
