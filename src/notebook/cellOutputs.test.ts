import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { assembleProgram, type NotebookCellSource } from "./assembleProgram";
import { cellOutputs } from "./cellOutputs";

const code = (text: string): NotebookCellSource => ({ kind: "code", language: "python", text });

describe("a cell's outputs as Jupyter shows them", () => {
  const program = assembleProgram([
    code("import matplotlib.pyplot as plt\nprint('a')\nprint('b')\nplt.plot([1, 2])"),
    code("x = 2\nx * 21"),
    code("y = undefined_name"),
    code("z = 1"),
  ]);
  const trace = runProgram(program.source, { cellStarts: program.cellStarts });

  it("joins printed text, then the last expression's value and the figure, as Jupyter shows them", () => {
    const { outputs, ok } = cellOutputs(trace, program, 0);
    expect(ok).toBe(true);
    expect(outputs.map((o) => o.kind)).toEqual(["stream", "text", "svg"]);
    expect(outputs[0]).toEqual({ kind: "stream", text: "a\nb\n" });
    expect((outputs[1] as { text: string }).text).toMatch(/^\[<matplotlib\.lines\.Line2D at 0x[0-9a-f]+>\]$/);
  });

  it("shows the last expression's value", () => {
    expect(cellOutputs(trace, program, 1)).toEqual({ outputs: [{ kind: "text", text: "42" }], ok: true });
  });

  it("shows the error a cell stopped on, and that later cells did not run", () => {
    expect(cellOutputs(trace, program, 2)).toEqual({
      outputs: [{ kind: "error", name: "NameError", message: "name 'undefined_name' is not defined" }],
      ok: false,
    });
    const later = cellOutputs(trace, program, 3);
    expect(later.ok).toBe(false);
    expect(later.outputs[0]).toMatchObject({ kind: "error", name: "GradLens" });
    expect((later.outputs[0] as { message: string }).message).toContain("stopped in cell 3");
  });
});
