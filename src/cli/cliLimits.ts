import { DEFAULT_MEMORY_BUDGET_MB } from "../runtime/memoryBudget";

/** The CLI waits longer than the editor's live runs: it is asked for one answer. */
export const DEFAULT_CLI_TIME_LIMIT_S = 10 * 60;

/** The longest wait a timer can hold (about 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The CLI's budgets, from the environment: `GRADLENS_MEMORY_MB` (MiB the program may allocate)
 * and `GRADLENS_TIME_LIMIT_S` (seconds before a run stops where it is, keeping its output; a
 * full makemore training of 200,000 steps needs more than the default ten minutes). A value
 * that is not a positive number leaves the default.
 */
export function cliLimits(env: Record<string, string | undefined>): { memoryMb: number; timeoutMs: number } {
  const positive = (text: string | undefined, fallback: number) => {
    const n = Number(text);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    memoryMb: positive(env.GRADLENS_MEMORY_MB, DEFAULT_MEMORY_BUDGET_MB),
    timeoutMs: Math.min(
      positive(env.GRADLENS_TIME_LIMIT_S, DEFAULT_CLI_TIME_LIMIT_S) * 1000,
      LONGEST_TIMER_MS,
    ),
  };
}
