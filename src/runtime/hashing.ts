import { hashKey } from "./interpreter/collections";
import { bigInt, PyInstance, PyInt, PySet, PyTuple, toBigInt, type PyValue } from "./interpreter/objects";
import { hashMethod, instanceHash, keyedHash } from "./interpreter/objectKeys";

const objectIds = new WeakMap<object, number>();
const valueIds = new Map<unknown, number>();
let nextId = 140000000000000;

/**
 * `id(x)`: a made-up, stable address per object (the interpreter has no real ones). Equal
 * plain values (numbers, strings, None, bools) share one id, as CPython's cached ones often do.
 */
export function objectId(x: PyValue): number {
  const isObject = x !== null && typeof x === "object";
  let id = isObject ? objectIds.get(x) : valueIds.get(x);
  if (id === undefined) {
    id = nextId += 48;
    if (isObject) objectIds.set(x, id);
    else valueIds.set(x, id);
  }
  return id;
}

const MODULUS = 2n ** 61n - 1n;

/**
 * Python's `hash()`: exact for numbers (ints modulo 2**61 - 1, floats by their exact value, so
 * hash(1.0) == hash(1)); strings and objects get a stable stand-in (CPython salts str hashes
 * per process, so no program can depend on those values).
 */
export function pythonHash(x: PyValue): PyValue {
  if (x instanceof PyInstance) {
    const method = hashMethod(x.cls);
    if (method !== undefined) return bigInt(instanceHash(x, method));
  }
  hashKey(x); // raises TypeError: unhashable type for lists, dicts and sets
  let h: bigint;
  if (x instanceof PyInt || typeof x === "boolean") {
    const v = typeof x === "boolean" ? BigInt(+x) : toBigInt(x);
    h = ((v < 0n ? -v : v) % MODULUS) * (v < 0n ? -1n : 1n);
  } else if (typeof x === "number") {
    if (Number.isNaN(x)) h = BigInt(objectId(x));
    else if (!Number.isFinite(x)) h = x > 0 ? 314159n : -314159n;
    else h = floatHash(x);
  } else if (typeof x === "string") {
    let acc = 0n;
    for (const ch of x) acc = (acc * 1000003n + BigInt(ch.codePointAt(0)!)) % MODULUS;
    h = acc;
  } else if (x instanceof PyTuple) {
    return bigInt(tupleHash(x.items.map((item) => toBigInt(pythonHash(item) as PyInt))));
  } else if (x instanceof PySet) {
    return bigInt(frozensetHash([...x.entries.values()].map((item) => toBigInt(pythonHash(item) as PyInt))));
  } else h = BigInt(Math.floor(objectId(x) / 16));
  return bigInt(h === -1n ? -2n : h);
}

const MASK64 = 2n ** 64n - 1n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** CPython 3.8+'s tuple hash (an xxHash variant over the items' hashes), as a signed 64-bit value. */
function tupleHash(itemHashes: bigint[]): bigint {
  let acc = XXPRIME_5;
  for (const h of itemHashes) {
    acc = (acc + (h & MASK64) * XXPRIME_2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(itemHashes.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  const signed = acc >= 2n ** 63n ? acc - 2n ** 64n : acc;
  return signed === -1n ? 1546275796n : signed;
}

/** CPython's frozenset hash: the items' hashes, bit-shuffled, xor'ed (so order does not matter), then mixed with the size. */
function frozensetHash(itemHashes: bigint[]): bigint {
  const shuffle = (h: bigint) => ((h ^ 89869747n ^ (h << 16n)) * 3644798167n) & MASK64;
  let acc = 0n;
  for (const h of itemHashes) acc ^= shuffle(h & MASK64);
  acc ^= ((BigInt(itemHashes.length) + 1n) * 1927868237n) & MASK64;
  acc ^= (acc >> 11n) ^ (acc >> 25n);
  acc = (acc * 69069n + 907133923n) & MASK64;
  const signed = acc >= 2n ** 63n ? acc - 2n ** 64n : acc;
  return signed === -1n ? 590923713n : signed;
}

/** CPython's hash of a finite float: its exact rational value modulo 2**61 - 1. */
function floatHash(x: number): bigint {
  const negative = x < 0;
  let m = Math.abs(x);
  let e = 0;
  // m · 2**e with m an integer (at most 53 significant bits)
  while (!Number.isInteger(m)) {
    m *= 2;
    e -= 1;
  }
  let h = BigInt(m) % MODULUS;
  // multiply by 2**e modulo 2**61 - 1; 2**61 ≡ 1, so exponents reduce mod 61
  const shift = ((e % 61) + 61) % 61;
  h = ((h << BigInt(shift)) | 0n) % MODULUS;
  return negative ? -h : h;
}

/**
 * The hash CPython gives a value when it does not depend on the process (numbers, and tuples
 * of them, and objects whose own `__hash__` gave the hash they were keyed with); null for
 * strings (salted per process), other objects (addresses) and NaN.
 */
export function deterministicHash(x: PyValue): bigint | null {
  if (x instanceof PyInstance) return keyedHash(x) ?? null;
  if (typeof x === "string" || (typeof x === "number" && Number.isNaN(x))) return null;
  if (x instanceof PyTuple) {
    const items = x.items.map(deterministicHash);
    return items.every((h) => h !== null) ? tupleHash(items as bigint[]) : null;
  }
  if (typeof x === "number" || typeof x === "boolean" || x instanceof PyInt)
    return toBigInt(pythonHash(x) as PyInt);
  return null;
}
