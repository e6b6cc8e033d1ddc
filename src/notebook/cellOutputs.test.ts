import { readFileSync } from "node:fs";
import { join } from "node:path";
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

describe("examples/notebook_training_curve.ipynb with the GradLens kernel", () => {
  it("prints the losses in the training cell and shows the curve, silenced by ';', below the last", () => {
    const notebook = JSON.parse(
      readFileSync(join(__dirname, "../../examples/notebook_training_curve.ipynb"), "utf8"),
    ) as { cells: { cell_type: string; source: string[] }[] };
    const cells = notebook.cells.map((c) =>
      c.cell_type === "code"
        ? code(c.source.join(""))
        : { kind: "markup" as const, language: "markdown", text: c.source.join("") },
    );
    const program = assembleProgram(cells);
    const trace = runProgram(program.source, { cellStarts: program.cellStarts });
    expect(trace.ok).toBe(true);
    const training = cellOutputs(trace, program, 3);
    expect(training.outputs).toHaveLength(1);
    expect((training.outputs[0] as { text: string }).text).toMatch(
      /^step 0: loss [\d.]+\n(step \d+: loss [\d.]+\n){3}$/,
    );
    const plot = cellOutputs(trace, program, 4);
    expect(plot.outputs.map((o) => o.kind)).toEqual(["svg"]);
  });
});
