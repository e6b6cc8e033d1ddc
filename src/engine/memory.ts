/**
 * The memory budget as the engine and the interpreters see it. A run installs a meter for its
 * length (`meterMemoryWith`); everything that allocates in proportion to what a program asks
 * for — tensor storage, the tape, lists, strings, big ints — charges its size here first. Past
 * the budget the meter throws `EngineMemoryError`, which the interpreter raises as Python's
 * `MemoryError` at the line that asked, long before V8 itself gives up (V8's own limits abort
 * the whole process, not just the program). Without a meter (the engine used directly) nothing
 * is counted.
 */

/** Python's `MemoryError`, thrown by the engine; the interpreter raises it where it is running. */
export class EngineMemoryError extends Error {
  readonly pythonType = "MemoryError";
  constructor(message = "") {
    super(message);
    this.name = "MemoryError";
  }
}

/** What charging memory needs: the one method every allocation site calls. */
export interface MemoryMeter {
  /** Counts `bytes` about to be allocated; throws EngineMemoryError when they do not fit. */
  charge(bytes: number): void;
  /**
   * Counts `bytes` already allocated (an array made before it was charged, as tensor storage
   * is): measured as the heap holds them, not a second time on top. Absent: `charge`.
   */
  chargeMade?(bytes: number): void;
}

/**
 * The most items one JavaScript array may hold before V8's limits come near (its fixed arrays
 * stop at about 134 million elements, and going past that is a fatal error of the process).
 */
export const MAX_ARRAY_ITEMS = 100_000_000;

/** The longest string V8 can make is 2**29 − 24 UTF-16 units; past this is a MemoryError at once. */
export const MAX_STRING_LENGTH = 500_000_000;

let meter: MemoryMeter | null = null;

/** Counts memory from now on against `next` (null: nothing). Returns the meter it replaces. */
export function meterMemoryWith(next: MemoryMeter | null): MemoryMeter | null {
  const previous = meter;
  meter = next;
  return previous;
}

/** The meter in use, or null. */
export function currentMemoryMeter(): MemoryMeter | null {
  return meter;
}

/** Counts `bytes` about to be allocated against the run's budget (nothing without a meter). */
export function chargeMemory(bytes: number): void {
  if (meter !== null) meter.charge(bytes);
}

/** Counts `bytes` the process already holds for the run (a typed array just made); see MemoryMeter.chargeMade. */
export function chargeMadeMemory(bytes: number): void {
  if (meter === null) return;
  if (meter.chargeMade) meter.chargeMade(bytes);
  else meter.charge(bytes);
}

/** Checks an array about to hold `items` elements (8 bytes each) and charges it. */
export function chargeArray(items: number): void {
  if (items > MAX_ARRAY_ITEMS || !(items >= 0)) throw new EngineMemoryError();
  if (meter !== null) meter.charge(items * 8);
}

/**
 * Before an array grows by one item to `length`: every 1,024 items, the item cap and 8 KiB
 * charged (a list built by `append` in a loop, a comprehension, `list(iterable)`).
 */
export function chargeGrowth(length: number): void {
  if ((length & 1023) !== 0) return;
  if (length > MAX_ARRAY_ITEMS) throw new EngineMemoryError();
  if (meter !== null) meter.charge(8192);
}

/** Checks a string about to be `length` UTF-16 units long and charges it. */
export function chargeString(length: number): void {
  if (length > MAX_STRING_LENGTH || !(length >= 0)) throw new EngineMemoryError();
  if (meter !== null && length > 64) meter.charge(length);
}

/** A zeroed Float64Array of `n` elements, charged first. */
export function allocFloat64(n: number): Float64Array {
  if (meter !== null) meter.charge(n * 8);
  return new Float64Array(n);
}
