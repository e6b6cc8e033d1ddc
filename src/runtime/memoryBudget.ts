import { EngineMemoryError, type MemoryMeter } from "../engine/memory";
import { heapProbe, type MemoryProbe } from "./memoryProbe";

export type { MemoryProbe };

/** A single charge this large is measured at once. */
const LARGE_BYTES = 1024 * 1024;

/** Between two measurements of the heap, at most this much may be charged. */
const CHECK_EVERY_BYTES = 8 * 1024 * 1024;

/**
 * The run's memory budget (`gradlens.memoryBudgetMb`): what the program may use beyond what the
 * process held when it started. Charges are only estimates of what is about to be allocated;
 * what counts is the heap itself, measured (after a collection, when near the limit) whenever
 * the charges since the last measurement reach a few megabytes or half the room that is left.
 * So a loop that makes and drops lists runs for ever, while one that keeps them stops with a
 * MemoryError at the line that asked for one list too many. The fast path is an add and a
 * compare.
 */
export class MemoryBudget implements MemoryMeter {
  /** Bytes the process may hold in all before the budget is spent. */
  limit: number;
  /** Charged since the last measurement. */
  private charged = 0;
  /** Charges at which to measure again. */
  private nextCheck: number;
  /** The most the heap held at a measurement during the run (bytes beyond the start). */
  peak = 0;
  /** What the heap held when the run began (lowered when it proves to have been garbage). */
  private start: number;
  /** The ceiling the probe set, if any (see MemoryProbe.ceiling). */
  private readonly ceiling: number;

  constructor(
    readonly budgetBytes: number,
    private readonly probe: MemoryProbe | null = heapProbe(),
  ) {
    const start = probe ? startingHeap(probe, Math.max(LEFTOVER_BYTES, budgetBytes / 4)) : 0;
    this.start = start;
    this.ceiling = probe?.ceiling ?? Infinity;
    // garbage a collection could not free yet must not carry a run past V8's own limit
    this.limit = Math.min(start + budgetBytes, this.ceiling);
    this.nextCheck = Math.min(CHECK_EVERY_BYTES, budgetBytes / 2);
  }

  charge(bytes: number): void {
    this.charged += bytes;
    // one large piece is always measured against the room left: a string that V8 keeps as a
    // rope of two halves is still as long as CPython would make it, and must fit when flattened
    if (this.charged >= this.nextCheck || bytes >= LARGE_BYTES) this.check(bytes);
  }

  /** Memory already allocated (tensor storage made before it is charged): the heap holds it now. */
  chargeMade(bytes: number): void {
    this.charged += bytes;
    if (this.charged >= this.nextCheck || bytes >= LARGE_BYTES) this.check(0);
  }

  /**
   * Measures now, whatever was charged: the interpreter polls every few thousand steps, which
   * catches what grows without a charge (objects, dicts, closures kept in a list).
   */
  poll(): void {
    if (this.probe !== null) this.check(0);
  }

  /** Measures the heap; `bytes` are about to be allocated on top of it. */
  private check(bytes: number): void {
    const probe = this.probe;
    if (probe === null) {
      // counting only (tests): everything charged stays charged
      if (this.charged > this.limit) throw new EngineMemoryError();
      this.nextCheck = this.charged + Math.min(CHECK_EVERY_BYTES, (this.limit - this.charged) / 2);
      return;
    }
    let used = probe.used();
    if (used + bytes > this.limit && probe.collect) {
      probe.collect();
      used = probe.used();
      if (used + bytes > this.limit) {
        // V8 releases the array buffers a collection found dead on a sweeper of its own, which
        // may still be at work; the next collection waits for it (big tensors dying every step)
        probe.collect();
        used = probe.used();
      }
      lastCollected.set(probe.collect, used);
    }
    if (used < this.start) {
      // the start counted garbage that has since been freed: the budget counts from here
      this.start = used;
      this.limit = Math.min(used + this.budgetBytes, this.ceiling);
    }
    this.peak = Math.max(this.peak, used - this.start);
    this.charged = 0;
    if (used + bytes > this.limit) {
      // the next charge measures again: what failed here is freed once the error unwinds
      this.nextCheck = 0;
      throw new EngineMemoryError();
    }
    this.nextCheck = Math.min(CHECK_EVERY_BYTES, (this.limit - used - bytes) / 2);
  }
}

/** What the heap held after the last full collection, by collector (before any, the first run's start). */
const lastCollected = new WeakMap<() => void, number>();

/** Garbage a run may find left by the runs before it without collecting it first (or a quarter of its budget). */
const LEFTOVER_BYTES = 32 * 1024 * 1024;

/**
 * The heap a run starts from. A reused runner starts each run on what the runs before it left;
 * counted as the start, that garbage would widen this run's budget by as much (and the process
 * could reach V8's own limit before the budget's). So when much has piled up since the last
 * full collection (`leftover`: 32 MB, or a quarter of the budget), collect first: not every run.
 */
function startingHeap(probe: MemoryProbe, leftover: number): number {
  let used = probe.used();
  const collect = probe.collect;
  if (!collect) return used;
  const after = lastCollected.get(collect);
  if (after === undefined) lastCollected.set(collect, used);
  else if (used > after + leftover) {
    collect();
    used = probe.used();
    lastCollected.set(collect, used);
  }
  return used;
}

/** The default budget of a run when none is given (the setting's default). */
export const DEFAULT_MEMORY_BUDGET_MB = 512;
