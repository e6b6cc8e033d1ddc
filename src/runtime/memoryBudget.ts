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
  readonly limit: number;
  /** Charged since the last measurement. */
  private charged = 0;
  /** Charges at which to measure again. */
  private nextCheck: number;
  /** The most the heap held at a measurement during the run (bytes beyond the start). */
  peak = 0;

  constructor(
    readonly budgetBytes: number,
    private readonly probe: MemoryProbe | null = heapProbe(),
  ) {
    const start = probe ? probe.used() : 0;
    this.limit = start + budgetBytes;
    this.nextCheck = Math.min(CHECK_EVERY_BYTES, budgetBytes / 2);
  }

  charge(bytes: number): void {
    this.charged += bytes;
    // one large piece is always measured against the room left: a string that V8 keeps as a
    // rope of two halves is still as long as CPython would make it, and must fit when flattened
    if (this.charged >= this.nextCheck || bytes >= LARGE_BYTES) this.check(bytes);
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
    }
    this.peak = Math.max(this.peak, used - (this.limit - this.budgetBytes));
    this.charged = 0;
    if (used + bytes > this.limit) {
      // the next charge measures again: what failed here is freed once the error unwinds
      this.nextCheck = 0;
      throw new EngineMemoryError();
    }
    this.nextCheck = Math.min(CHECK_EVERY_BYTES, (this.limit - used - bytes) / 2);
  }
}

/** The default budget of a run when none is given (the setting's default). */
export const DEFAULT_MEMORY_BUDGET_MB = 512;
