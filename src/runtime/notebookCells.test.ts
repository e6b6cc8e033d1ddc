import { describe, expect, it } from "vitest";
import { assembleProgram, type NotebookCellSource } from "../notebook/assembleProgram";
import { runProgram } from "./runProgram";

const code = (text: string): NotebookCellSource => ({ kind: "code", language: "python", text });

function runNotebook(cells: NotebookCellSource[]) {
  const program = assembleProgram(cells);
  const trace = runProgram(program.source, { cellStarts: program.cellStarts });
  return { program, trace };
}

describe("a notebook's cells as Jupyter runs them", () => {
  it("shows each cell's figures at the cell's end, with what it printed, in order", () => {
    const { program, trace } = runNotebook([
      code("import matplotlib.pyplot as plt\n%matplotlib inline"),
      code("losses = [3.0, 2.0, 1.5, 1.2]\nprint('training')\nplt.plot(losses)\nprint('done')"),
      code("plt.figure()\nplt.hist(losses)\nplt.show()\nprint('after')"),
      code("x = 41\nx + 1"),
      code("x + 2;"),
    ]);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.figures).toHaveLength(2);
    expect(trace.figures!.map((f) => program.map.toCell(f.span!.from)!.cell)).toEqual([1, 2]);
    expect(trace.cells).toEqual([
      {
        cell: 1,
        items: [
          { kind: "stream", text: "training\ndone\n" },
          { kind: "figure", figure: 0 },
        ],
      },
      {
        cell: 2,
        items: [
          { kind: "figure", figure: 1 },
          { kind: "stream", text: "after\n" },
        ],
      },
      { cell: 3, items: [{ kind: "result", text: "42" }] },
    ]);
  });

  it("saves figures as Jupyter's inline backend does: cropped to what is drawn, a tenth of an inch around", () => {
    const { trace } = runNotebook([code("import matplotlib.pyplot as plt\nplt.plot([1, 2])")]);
    const [, x, y, w, h] = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/
      .exec(trace.figures![0].svg)!
      .map(Number);
    // the default axes spans 57.6…414.7 pt across; tick labels reach left of it, nothing right
    expect(x).toBeGreaterThan(20);
    expect(x + w).toBeCloseTo(414.72 + 7.2, 1);
    expect(y).toBeGreaterThan(30);
    expect(h).toBeLessThan(345.6);
  });

  it("closes the figures a cell showed: the next cell draws on a new one", () => {
    const { trace } = runNotebook([
      code("import matplotlib.pyplot as plt\nplt.plot([1, 2])"),
      code("plt.plot([2, 1])\nprint(plt.gcf().number)"),
    ]);
    expect(trace.figures).toHaveLength(2);
    expect(trace.stdout).toBe("1\n");
  });

  it("shows a figure that is a cell's last expression once", () => {
    const { trace } = runNotebook([
      code("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([1, 2])\nfig"),
    ]);
    expect(trace.figures).toHaveLength(1);
    expect(trace.cells![0].items).toEqual([{ kind: "figure", figure: 0 }]);
  });

  it("keeps a cell's outputs up to an error, and its figures", () => {
    const { trace } = runNotebook([
      code("import matplotlib.pyplot as plt\nplt.plot([1, 2])\nprint('before')\n1 / 0"),
    ]);
    expect(trace.ok).toBe(false);
    expect(trace.cells).toEqual([
      {
        cell: 0,
        items: [
          { kind: "stream", text: "before\n" },
          { kind: "figure", figure: 0 },
        ],
      },
    ]);
  });

  it("clear_output() clears what the cell showed so far", () => {
    const { trace } = runNotebook([
      code(
        "from IPython.display import clear_output\nimport matplotlib.pyplot as plt\nfor i in range(3):\n    clear_output(wait=True)\n    print('epoch', i)\n    plt.plot([i, i + 1])\n    plt.show()",
      ),
    ]);
    expect(trace.figures).toHaveLength(3);
    expect(trace.cells).toEqual([
      {
        cell: 0,
        items: [
          { kind: "stream", text: "epoch 2\n" },
          { kind: "figure", figure: 2 },
        ],
      },
    ]);
  });
});
