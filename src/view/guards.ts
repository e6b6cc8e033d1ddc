/**
 * Small type guards for validating messages that arrive as `unknown` (postMessage carries
 * whatever the other side sent). Each answers one question; the protocol composes them.
 */

export type Guard<T> = (x: unknown) => x is T;

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export const isString = (x: unknown): x is string => typeof x === "string";
export const isBoolean = (x: unknown): x is boolean => typeof x === "boolean";
/** Finite numbers only: coordinates and ids are never NaN. */
export const isNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
export const isInteger = (x: unknown): x is number => Number.isSafeInteger(x);

export function isNullable<T>(guard: Guard<T>): Guard<T | null> {
  return (x: unknown): x is T | null => x === null || guard(x);
}

/** An optional field: absent, or passing `guard`. */
export function isOptional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (x: unknown): x is T | undefined => x === undefined || guard(x);
}

export function isArrayOf<T>(guard: Guard<T>): Guard<T[]> {
  return (x: unknown): x is T[] => Array.isArray(x) && x.every(guard);
}

export function isOneOf<const T extends readonly string[]>(values: T): Guard<T[number]> {
  return (x: unknown): x is T[number] => typeof x === "string" && (values as readonly string[]).includes(x);
}

/** An object whose listed fields all pass their guards (other fields are ignored). */
export function hasFields<T>(x: unknown, fields: { [K in keyof T]: Guard<T[K]> }): x is T {
  if (!isRecord(x)) return false;
  for (const name in fields) if (!fields[name](x[name])) return false;
  return true;
}

/** A guard for objects whose listed fields pass their guards, built once and reused. */
export function objectOf<T>(fields: { [K in keyof T]: Guard<T[K]> }): Guard<T> {
  return (x: unknown): x is T => hasFields<T>(x, fields);
}
