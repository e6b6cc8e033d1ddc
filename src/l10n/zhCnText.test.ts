import { describe, expect, it } from "vitest";
import { gradientCheckMarkdown } from "../checks/gradientCheckReport";
import { backwardSteps, describeStep, stepTitle } from "../explain/backwardSteps";
import { gradientDiagnostics } from "../explain/gradientHealth";
import { findOccurrence, hoverContent } from "../explain/hoverContent";
import { spanOf, withSource } from "../explain/testing/sourceTrace";
import { runProgram } from "../runtime/runProgram";
import { trainProgram } from "../train/trainProgram";
import { TraceBuilder } from "../view/testing/traceBuilder";

// ∂L/∂w = x + 1 = 3: w is used twice, so the chain rule has two terms.
const program =
  "from micrograd.engine import Value\nx = Value(2.0)\nw = Value(-0.5)\ny = x * w\nL = y + w\nL.backward()\n";

describe("Simplified Chinese text", () => {
  it("writes the hover's chain rule in Chinese, formulas and numbers unchanged", () => {
    const trace = runProgram(program);
    const { markdown } = hoverContent(trace, findOccurrence(trace, -1, "w")!, 4, "zh-cn");
    expect(markdown).toContain("**w** = `-0.5000` — 叶子值");
    expect(markdown).toContain("链式法则，每次使用一项：");
    expect(markdown).toContain("- 经由 `y`（\\*）：∂L/∂y × ∂y/∂w = 1.0000 × 2.0000 = **2.0000**");
    expect(markdown).toContain("求和：2.0000 + 1.0000 = **3.0000**");
    expect(markdown).toContain("完整精度：`w.data = -0.5`，`∂L/∂w = 3`");
    expect(markdown).toContain("[在计算图中显示](command:gradlens.revealInGraph?");
  });

  it("explains a log of zero in Chinese", () => {
    const source = "x = Value(0.0)\ny = x.log()\n";
    const t = new TraceBuilder();
    const x = t.leaf(0, "x");
    const y = t.name(t.log(x), "y");
    const trace = withSource(t.build(null), {
      [x]: spanOf(source, "Value(0.0)"),
      [y]: spanOf(source, "x.log()"),
    });
    const [d] = gradientDiagnostics(trace, {}, "zh-cn");
    expect(d.message).toBe(
      "`log` 在这里由 0.0000 算出了 −∞（log 只对正数有定义）。" +
        "这是本次运行中的第一个非有限值；由它算出的一切也都是非有限值。",
    );
    expect(d.related?.[0].message).toBe("输入 0.0000（`x`）是在这里产生的。");
  });

  it("titles and spells out the backward steps in Chinese", () => {
    const trace = runProgram(program);
    const [root, y] = backwardSteps(trace);
    expect(stepTitle(root, trace, "zh-cn")).toBe("L 是根节点：∂L/∂L = 1 — 把它传回给 y 和 w。");
    expect(stepTitle(y, trace, "zh-cn")).toBe("y = x * w（*）：∂L/∂y = 1.0000 已完整 — 把它传回给 x 和 w。");
    expect(describeStep(y, trace, "zh-cn")[0]).toBe(
      "∂L/∂x += ∂L/∂y × ∂y/∂x = 1.0000 × -0.5000 = -0.5000（现为 -0.5000）",
    );
  });

  it("reports a gradient check and a training stop in Chinese", async () => {
    const { checkGradients } = await import("../checks/gradientCheck");
    const report = checkGradients(program, {}, {}, "zh-cn");
    const markdown = gradientCheckMarkdown(report, "w.py", "zh-cn");
    expect(markdown).toContain("# 梯度检查 — w.py");
    expect(markdown).toContain("✓ `L` 的全部 2 个梯度与中心有限差分一致。");
    expect(checkGradients("x = 1\n", {}, {}, "zh-cn").message).toBe(
      "没有可检查的内容：程序从未调用 .backward()（请先选择一个输出）。",
    );
    const training = trainProgram("x = 1\n", {}, { optimizer: "sgd", lr: 0.1, steps: 1 }, "zh-cn");
    expect(training.next().value).toMatchObject({
      message: "没有可训练的内容：程序从未对标量调用 .backward()。",
    });
  });
});
