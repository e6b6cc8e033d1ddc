import { describe, expect, it } from "vitest";
import { inlineValues } from "../explain/inlineValues";
import { runProgram } from "../runtime/runProgram";
import { assembleProgram, SKIPPED_CODE, type NotebookCellSource } from "./assembleProgram";
import { CellMap } from "./cellMap";
import { cellOfNodes } from "./cellOfNodes";
import { graphTraceForCell } from "./cellGraph";
import { diagnosticsForCell, inlineForCell, traceForCell } from "./cellTrace";
import { skipUnsupported } from "./skipUnsupported";

const code = (text: string): NotebookCellSource => ({ kind: "code", language: "python", text });
const markdown = (text: string): NotebookCellSource => ({ kind: "markup", language: "markdown", text });

const CELLS = [
  markdown("# Backprop\nby hand"),
  code("%matplotlib inline\nfrom micrograd.engine import Value\nimport matplotlib.pyplot as plt"),
  code("a = Value(2.0)\nb = Value(-3.0)"),
  code("c = a * b\nL = c + a"),
  code("L.backward()\nplt.plot([1, 2], [3, 4])"),
  code("d = L * 2"),
];

describe("skipUnsupported", () => {
  it("blanks magics, shell lines and plotting imports without moving offsets", () => {
    const text = "%time x = 1\n!pip install micrograd\nimport seaborn as sns\ny = 2";
    const { text: out, skipped } = skipUnsupported(text);
    expect(out.length).toBe(text.length);
    expect(out.split("\n").map((l) => l.trim())).toEqual(["pass", "pass", "pass", "y = 2"]);
    expect(skipped.map((s) => text.slice(s.span.from, s.span.to))).toEqual([
      "%time x = 1",
      "!pip install micrograd",
      "import seaborn as sns",
    ]);
  });

  it("skips statements using a plotting alias, across continuation lines, keeping blocks valid", () => {
    const text = "for i in range(2):\n    sns.histplot(xs,\n                 ys)\nz = 1";
    const { text: out } = skipUnsupported("import seaborn as sns\n" + text);
    expect(out.split("\n").slice(1)).toEqual([
      "for i in range(2):",
      "    pass            ",
      " ".repeat(20),
      "z = 1",
    ]);
  });

  it("leaves numpy uses and non-magic percent signs alone", () => {
    const text = "import numpy as np\nx = (7\n% 3)\ny = np.zeros(2)";
    const out = skipUnsupported(text).text.split("\n");
    expect(out.slice(1)).toEqual(["x = (7", "% 3)", "y = np.zeros(2)"]);
  });

  it("runs matplotlib, graphviz and IPython.display: only the magic is skipped", () => {
    const text =
      "%matplotlib inline\nimport matplotlib.pyplot as plt  # for making figures\nfrom graphviz import Digraph\nfrom IPython.display import display\nplt.plot([1, 2])\ndisplay(x)";
    const { text: out, skipped } = skipUnsupported(text);
    expect(skipped.map((s) => text.slice(s.span.from, s.span.to))).toEqual(["%matplotlib inline"]);
    expect(out.split("\n").slice(1)).toEqual(text.split("\n").slice(1));
  });

  it("reads an import with a comment after it", () => {
    const names = new Set<string>();
    const { skipped } = skipUnsupported("import seaborn as sns  # for plots", names);
    expect(skipped).toHaveLength(1);
    expect([...names]).toEqual(["sns"]);
  });

  it("skips a whole cell whose cell magic is not Python", () => {
    const { text, skipped } = skipUnsupported("%%bash\necho hi\nls");
    expect(text).toBe("      \n       \n  ");
    expect(skipped).toHaveLength(1);
  });
});

describe("CellMap", () => {
  const map = new CellMap(["ab", "", "cde\nf"]);
  it("maps offsets both ways, the separator belonging to the cell before it", () => {
    expect(map.toCell(0)).toEqual({ cell: 0, offset: 0 });
    expect(map.toCell(2)).toEqual({ cell: 0, offset: 2 });
    expect(map.toCell(3)).toEqual({ cell: 1, offset: 0 });
    expect(map.toCell(4)).toEqual({ cell: 2, offset: 0 });
    expect(map.toCell(9)).toEqual({ cell: 2, offset: 5 });
    expect(map.toCell(10)).toBeNull();
    expect(map.toProgram(2, 4)).toBe(8);
  });
  it("maps program lines to cell lines and spans into a cell", () => {
    expect(map.lineToCell(0)).toEqual({ cell: 0, line: 0 });
    expect(map.lineToCell(1)).toEqual({ cell: 1, line: 0 });
    expect(map.lineToCell(3)).toEqual({ cell: 2, line: 1 });
    expect(map.lineToCell(4)).toBeNull();
    expect(map.spanInCell({ from: 5, to: 7 }, 2)).toEqual({ from: 1, to: 3 });
    expect(map.spanInCell({ from: 1, to: 5 }, 0)).toBeNull();
  });
});

describe("a notebook as one program", () => {
  const program = assembleProgram(CELLS);
  const trace = runProgram(program.source);

  it("runs the cells in order as one program, skipping with info diagnostics", () => {
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.ok).toBe(true);
    expect(program.skipped.map((d) => [d.severity, d.code, program.map.toCell(d.span!.from)?.cell])).toEqual([
      ["info", SKIPPED_CODE, 1],
    ]);
    expect(program.skipped[0].message).toContain("%matplotlib inline");
  });

  it("gives each cell its own occurrences with spans in the cell's text", () => {
    const cell3 = traceForCell(trace, program.map, 3);
    const names = cell3.occurrences.map((o) => [o.name, CELLS[3].text.slice(o.span.from, o.span.to)]);
    expect(names).toContainEqual(["c", "c"]);
    expect(names).toContainEqual(["L", "L"]);
    expect(names.every(([name, text]) => name === text)).toBe(true);
    const a = cell3.occurrences.find((o) => o.name === "a")!;
    expect(cell3.nodes[a.node].grad).toEqual([-2]);
    // a's value node was made in cell 2: its span points there, so this cell has none.
    expect(cell3.nodes[a.node].span).toBeNull();
  });

  it("stops at the given cell", () => {
    const upTo = assembleProgram(CELLS, 3);
    expect(upTo.map.cellCount).toBe(4);
    const partial = runProgram(upTo.source);
    expect(partial.root).toBeNull();
    expect(partial.occurrences.some((o) => o.name === "d")).toBe(false);
  });

  it("draws a cell's graph with earlier cells folded into inputs", () => {
    const cellOf = cellOfNodes(trace, program.map);
    const graph = graphTraceForCell(trace, cellOf, 3);
    const byName = (name: string) => graph.nodes.find((n) => n.names.includes(name));
    expect(byName("c")?.kind).toBe("op");
    expect(byName("L")?.kind).toBe("op");
    expect(byName("a")).toMatchObject({
      kind: "leaf",
      inputEdges: [],
      expr: expect.stringContaining("cell 3"),
    });
    expect(byName("d")).toBeUndefined();
    for (const edge of graph.edges) {
      expect(graph.nodes.some((n) => n.id === edge.to)).toBe(true);
      expect(graph.nodes.some((n) => n.id === edge.from)).toBe(true);
    }
    // The backward() cell made no values: it shows everything.
    expect(graphTraceForCell(trace, cellOf, 4).nodes).toHaveLength(trace.nodes.length);
  });

  it("credits values made inside a function to the cell that called it", () => {
    const cells = [
      code("from micrograd.engine import Value\ndef neuron(x, w):\n    return (x * w).tanh()"),
      code("x = Value(0.5)\nw = Value(-1.0)"),
      code("y = neuron(x, w)"),
    ];
    const notebook = assembleProgram(cells);
    const run = runProgram(notebook.source);
    expect(run.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const cellOf = cellOfNodes(run, notebook.map);
    const made = run.nodes.filter((n) => n.kind === "op").map((n) => cellOf[n.id]);
    expect(made.length).toBeGreaterThan(0);
    expect(new Set(made)).toEqual(new Set([2]));
    const graph = graphTraceForCell(run, cellOf, 2);
    expect(graph.nodes.some((n) => n.names.includes("y"))).toBe(true);
    expect(
      graph.nodes
        .filter((n) => n.kind === "leaf")
        .flatMap((n) => n.names)
        .sort(),
    ).toEqual(["w", "x"]);
  });

  it("places inline values and diagnostics in their cells", () => {
    const inline = inlineValues(trace, program.source);
    const cell2 = inlineForCell(inline, program.map, 2);
    expect(cell2.map((i) => [i.line, i.text.split(" ")[0]])).toEqual([
      [0, "a"],
      [1, "b"],
    ]);
    const info = diagnosticsForCell(program.skipped, program.map, 1, -1);
    expect(info).toHaveLength(1);
    expect(CELLS[1].text.slice(info[0].span!.from, info[0].span!.to)).toBe("%matplotlib inline");
  });

  it("reports a runtime error in the cell that raised it", () => {
    const broken = assembleProgram([code("x = 1"), code("y = undefined_name + 1"), code("z = 2")]);
    const run = runProgram(broken.source);
    const errors = run.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(diagnosticsForCell(errors, broken.map, 1, 2)).toHaveLength(errors.length);
    const span = diagnosticsForCell(errors, broken.map, 1, 2)[0].span!;
    expect("y = undefined_name + 1".slice(span.from, span.to)).toContain("undefined_name");
    expect(diagnosticsForCell(errors, broken.map, 0, 2)).toEqual([]);
  });
});
