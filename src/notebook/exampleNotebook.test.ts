import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { assembleProgram, type NotebookCellSource } from "./assembleProgram";
import { traceForCell } from "./cellTrace";

interface IpynbCell {
  cell_type: string;
  source: string[];
  outputs?: unknown[];
}

/** examples/notebook_backprop.ipynb, the notebook the real-VS-Code tests open. */
const notebook = JSON.parse(
  readFileSync(join(__dirname, "../../examples/notebook_backprop.ipynb"), "utf8"),
) as { nbformat: number; cells: IpynbCell[] };
const cells: NotebookCellSource[] = notebook.cells.map((c) => ({
  kind: c.cell_type === "code" ? "code" : "markup",
  language: c.cell_type === "code" ? "python" : "markdown",
  text: c.source.join(""),
}));

describe("examples/notebook_backprop.ipynb", () => {
  it("is nbformat 4 with no outputs", () => {
    expect(notebook.nbformat).toBe(4);
    for (const cell of notebook.cells) if (cell.cell_type === "code") expect(cell.outputs).toEqual([]);
  });

  it("runs as one program without errors, the magic skipped and the plot drawn", () => {
    const program = assembleProgram(cells);
    const trace = runProgram(program.source);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toContain("o = 0.7071, w1.grad = 1.0000, x1.grad = -1.5000");
    // tanh(1·w1 + (k/2)·w2 + b) for k = 0, 1, 2, by hand
    expect(trace.stdout).toContain("['0.9991', '0.9997', '0.9999']");
    const skipped = program.skipped.map((d) => {
      const at = program.map.toCell(d.span!.from)!;
      return [at.cell, cells[at.cell].text.slice(at.offset, at.offset + d.span!.to - d.span!.from)];
    });
    expect(skipped).toEqual([[1, "%matplotlib inline"]]);
    // the bar chart of the gradients is drawn, in the cell that shows it
    expect(trace.figures).toHaveLength(1);
    expect(program.map.toCell(trace.figures![0].span!.from)?.cell).toBe(5);
    const o = traceForCell(trace, program.map, 3).occurrences.find((x) => x.name === "o")!;
    expect(trace.nodes[o.node].data[0]).toBeCloseTo(0.7071, 4);
  });
});
