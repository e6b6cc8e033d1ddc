import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

// Expected output recorded from PyTorch 1.13 running the same program.
describe("torch.optim.SGD's lr, required as in PyTorch 1.13", () => {
  it("is an error when no parameter group gives it, and a group may give its own", () => {
    const source = [
      "import torch",
      "w = torch.zeros(2, requires_grad=True)",
      "for make in (lambda: torch.optim.SGD([w]), lambda: torch.optim.SGD([w], lr=-1.0)):",
      "    try:",
      "        make()",
      "    except ValueError as e:",
      '        print("ValueError:", e)',
      'opt = torch.optim.SGD([{"params": [w], "lr": 0.5}], momentum=0.9)',
      'print(opt.param_groups[0]["lr"], opt.defaults["lr"])',
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "ValueError: parameter group didn't specify a value of required optimization parameter lr",
        "ValueError: Invalid learning rate: -1.0",
        "0.5 <required parameter>",
        "",
      ].join("\n"),
    );
  });
});
