import type { MemoryBudget } from "./memoryBudget";
import { BudgetError, TimeLimitError } from "./runErrors";

/**
 * The step budget of a run when none is given (the setting's default): past what the lectures'
 * programs take (micrograd's demo, 100 steps of its own Value class: ~200 million), so the
 * budget stops runaway loops and the time limit the slow ones.
 */
export const DEFAULT_STEP_BUDGET = 1_000_000_000;

/** Every this many steps (plus one) the heap is measured for growth no charge saw. */
const MEMORY_POLL_STEPS = 0xffff;

/**
 * Every this many steps (plus one) the clock is read: a step of a numpy or torch loop may take a
 * millisecond, and 65,536 of them overran a time limit by a minute (the runner then stopped the
 * run itself, losing its output and where it was).
 */
const CLOCK_STEPS = 0xff;

/**
 * A run's step count against its budget, shared by the Python and JavaScript interpreters: a
 * step is a statement (Python) or a statement or call (JavaScript). Every 65,536 steps it polls
 * the memory budget, which catches what grows without a charge (objects kept in a list).
 */
export class StepMeter {
  private steps = 0;
  /** When the run must stop (Date.now()), looked at every 256 steps; see RunOptions.timeLimitMs. */
  private deadline = Infinity;
  private started = 0;
  private timedOut = false;

  constructor(
    readonly budget: number,
    private readonly memory: MemoryBudget | null,
  ) {}

  /** Counts a step: false once the budget has run out (the caller notes where, then throws `exhausted()`). */
  step(): boolean {
    const n = ++this.steps;
    if (n > this.budget) return false;
    if ((n & CLOCK_STEPS) === 0) {
      if ((n & MEMORY_POLL_STEPS) === 0 && this.memory !== null) this.memory.poll();
      if (this.deadline !== Infinity && Date.now() > this.deadline) return !(this.timedOut = true);
    }
    return true;
  }

  /** The run may take `ms` milliseconds of wall-clock time, counted from `from` (Date.now()). */
  limitTime(ms: number, from = Date.now()): void {
    this.started = Math.min(from, Date.now());
    this.deadline = this.started + ms;
  }

  exhausted(): BudgetError {
    if (this.timedOut) return new TimeLimitError(this.steps, Math.round((Date.now() - this.started) / 1000));
    return new BudgetError(this.budget);
  }
}
