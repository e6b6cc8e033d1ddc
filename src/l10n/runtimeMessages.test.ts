import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { localizeDiagnostic } from "./runtimeMessages";

describe("localizeDiagnostic", () => {
  it("puts GradLens's own sentences in Chinese and keeps what they name", () => {
    const [unsupported] = runProgram("async def f():\n    pass\n").diagnostics;
    expect(localizeDiagnostic(unsupported.message, "zh-cn")).toBe("GradLens 不支持 `async def`");
    const budget = runProgram("while True:\n    pass\n", { stepBudget: 1000 }).diagnostics[0];
    expect(localizeDiagnostic(budget.message, "zh-cn")).toBe(
      "已在 1,000 步后停止：步数预算（gradlens.stepBudget）已用完",
    );
  });

  it("leaves Python's own errors, and every message in English, as they are", () => {
    const [error] = runProgram("x = y\n").diagnostics;
    expect(localizeDiagnostic(error.message, "zh-cn")).toBe("NameError: name 'y' is not defined");
    expect(localizeDiagnostic("`async def` is not supported by GradLens", "en")).toBe(
      "`async def` is not supported by GradLens",
    );
  });
});
