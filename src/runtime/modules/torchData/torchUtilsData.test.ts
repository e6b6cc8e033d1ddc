import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";
import { describeRecordedFolder } from "../../testing/recordedPrograms";

/**
 * Programs using torch.utils.data, run through GradLens and compared character for character
 * with what PyTorch 1.13.1 printed for them (`torchPrograms/record.py src/runtime/modules/torchData`
 * keeps recorded.json up to date): the shuffled order epoch after epoch for several seeds and
 * sizes, the default generator's state after each loader, a program's own Dataset,
 * default_collate, random_split, and the errors.
 */
describeRecordedFolder(__dirname);

describe("torch.utils.data errors", () => {
  const located = (src: string, at: string, message: string) => {
    const trace = runProgram(src);
    expect(trace.diagnostics).toHaveLength(1);
    const d = trace.diagnostics[0];
    expect(d.message).toContain(message);
    expect(src.slice(d.span!.from, d.span!.to)).toContain(at);
  };

  it("a batch of differently-shaped tensors fails at the loop, as PyTorch's stack does", () => {
    located(
      [
        "import torch",
        "from torch.utils.data import DataLoader",
        "data = [torch.zeros(2), torch.zeros(3)]",
        "for b in DataLoader(data, batch_size=2):",
        "    print(b)",
        "",
      ].join("\n"),
      "DataLoader(data, batch_size=2)",
      "stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1",
    );
  });

  it("an index past the end is an IndexError at the subscript", () => {
    located(
      "import torch\nfrom torch.utils.data import TensorDataset\nds = TensorDataset(torch.zeros(4))\nx = ds[4]\n",
      "ds[4]",
      "IndexError: index 4 is out of bounds for dimension 0 with size 4",
    );
  });

  it("import forms: torch.utils.data as an attribute and as a module", () => {
    const trace = runProgram(
      [
        "import torch",
        "import torch.utils.data as data",
        "from torch.utils import data as d2",
        "print(torch.utils.data.DataLoader is data.DataLoader, d2 is data)",
        "print(len(torch.utils.data.DataLoader(range(10), batch_size=4)))",
        "",
      ].join("\n"),
    );
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe("True True\n3\n");
  });
});
