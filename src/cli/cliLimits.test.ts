import { describe, expect, it } from "vitest";
import { DEFAULT_MEMORY_BUDGET_MB } from "../runtime/memoryBudget";
import { cliLimits } from "./cliLimits";

describe("cliLimits", () => {
  it("defaults to the memory budget and ten minutes", () => {
    expect(cliLimits({})).toEqual({ memoryMb: DEFAULT_MEMORY_BUDGET_MB, timeoutMs: 600_000 });
  });
  it("reads GRADLENS_MEMORY_MB and GRADLENS_TIME_LIMIT_S", () => {
    expect(cliLimits({ GRADLENS_MEMORY_MB: "2048", GRADLENS_TIME_LIMIT_S: "1800" })).toEqual({
      memoryMb: 2048,
      timeoutMs: 1_800_000,
    });
    expect(cliLimits({ GRADLENS_TIME_LIMIT_S: "2.5" }).timeoutMs).toBe(2500);
  });
  it("ignores values that are not positive numbers and caps what a timer can hold", () => {
    for (const bad of ["", "abc", "0", "-5", "NaN"])
      expect(cliLimits({ GRADLENS_MEMORY_MB: bad, GRADLENS_TIME_LIMIT_S: bad })).toEqual(cliLimits({}));
    expect(cliLimits({ GRADLENS_TIME_LIMIT_S: "1e12" }).timeoutMs).toBe(2 ** 31 - 1);
  });
});
