import { describe, expect, it } from "vitest";
import { assembleProgram, type NotebookCellSource } from "../../../notebook/assembleProgram";
import { checkXml } from "../../../figures/testing/xmlCheck";
import { runProgram } from "../../runProgram";

// The lecture's draw_dot (micrograd, "the spelled-out intro"), with the lecture's label field.
const DRAW_DOT = `
from graphviz import Digraph

def trace(root):
  nodes, edges = [], []
  def build(v):
    if v not in nodes:
      nodes.append(v)
      for child in v._prev:
        edges.append((child, v))
        build(child)
  build(root)
  return nodes, edges

def draw_dot(root):
  dot = Digraph(format='svg', graph_attr={'rankdir': 'LR'}) # LR = left to right
  nodes, edges = trace(root)
  for n in nodes:
    uid = str(id(n))
    dot.node(name = uid, label = "{ %s | data %.4f | grad %.4f }" % (n.label, n.data, n.grad), shape='record')
    if n._op:
      dot.node(name = uid + n._op, label = n._op)
      dot.edge(uid + n._op, uid)
  for n1, n2 in edges:
    dot.edge(str(id(n1)), str(id(n2)) + n2._op)
  return dot
`;

const VALUE = `
class Value:
  def __init__(self, data, _children=(), _op='', label=''):
    self.data = data
    self.grad = 0.0
    self._prev = set(_children)
    self._op = _op
    self.label = label
  def __mul__(self, other):
    return Value(self.data * other.data, (self, other), '*')
`;

const code = (text: string): NotebookCellSource => ({ kind: "code", language: "python", text });

describe("graphviz in GradLens", () => {
  it("writes the package's DOT source for the lecture's draw_dot", () => {
    const trace = runProgram(
      VALUE +
        DRAW_DOT +
        "a = Value(2.0, label='a')\nb = Value(-3.0, label='b')\nL = a * b; L.label = 'L'\nprint(draw_dot(L).source)\n",
    );
    expect(trace.diagnostics).toEqual([]);
    const lines = trace.stdout.split("\n");
    expect(lines[0]).toBe("digraph {");
    expect(lines[1]).toBe("\tgraph [rankdir=LR]");
    expect(lines[2]).toMatch(/^\t\d+ \[label="\{ L \| data -6\.0000 \| grad 0\.0000 \}" shape=record\]$/);
    expect(lines[3]).toMatch(/^\t"\d+\*" \[label="\*"\]$/);
    expect(lines[4]).toMatch(/^\t"\d+\*" -> \d+$/);
    expect(lines.filter((l) => l.includes("->"))).toHaveLength(3);
    expect(lines.slice(-3)).toEqual(["}", "", ""]);
  });

  it("shows the graph when it is a notebook cell's last expression", () => {
    const program = assembleProgram([
      code(VALUE + DRAW_DOT),
      code("a = Value(2.0, label='a')\nb = Value(-3.0, label='b')\nL = a * b; L.label = 'L'"),
      code("draw_dot(L)"),
    ]);
    const trace = runProgram(program.source, { cellStarts: program.cellStarts });
    expect(trace.figures).toHaveLength(1);
    const figure = trace.figures![0];
    expect(figure.kind).toBe("graphviz");
    expect(program.map.toCell(figure.span!.from)?.cell).toBe(2);
    expect(trace.cells).toEqual([{ cell: 2, items: [{ kind: "figure", figure: 0 }] }]);
    const { errors, counts } = checkXml(figure.svg);
    expect(errors).toEqual([]);
    // three records of three fields (two separators each), one op node, three edges
    expect(counts.get("rect")).toBe(1 + 3);
    expect(counts.get("ellipse")).toBe(1);
    expect(counts.get("polygon")).toBe(3);
    const labels = [...figure.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(
      expect.arrayContaining(["a", "data 2.0000", "grad 0.0000", "L", "data -6.0000", "*"]),
    );
  });

  it("does not show a graph the cell silences with ';', nor one that is not last", () => {
    const program = assembleProgram([
      code(VALUE + DRAW_DOT + "a = Value(1.0, label='a')\ndraw_dot(a);"),
      code("g = draw_dot(a)\ng\nx = 1"),
    ]);
    const trace = runProgram(program.source, { cellStarts: program.cellStarts });
    expect(trace.figures).toBeUndefined();
  });

  it("displays with display(), and render() writes no file but shows the graph", () => {
    const src =
      "from graphviz import Digraph\ndot = Digraph()\ndot.edge('a', 'b')\ndisplay(dot)\npath = dot.render('gout')\nprint(path)\n";
    const notebook = runProgram(src, { cellStarts: [0] });
    expect(notebook.figures).toHaveLength(2);
    expect(notebook.stdout).toBe("gout.pdf\n");
    const note = notebook.diagnostics.find((d) => d.code === "graphviz")!;
    expect(note.severity).toBe("info");
    expect(src.slice(note.span!.from, note.span!.to)).toBe("dot.render('gout')");
    // in a .py file display is not a builtin, as in Python
    const script = runProgram(src);
    expect(script.diagnostics[0].message).toBe("NameError: name 'display' is not defined");
  });

  it("quotes identifiers as the package does", () => {
    const trace = runProgram(
      "from graphviz import Graph\ng = Graph('G', comment='c')\ng.node('node', 'a \"b\"')\ng.edge('x y', 'z:p')\ng.attr('node', shape='box')\nprint(g)\n",
    );
    expect(trace.stdout).toBe(
      '// c\ngraph G {\n\t"node" [label="a \\"b\\""]\n\t"x y" -- z:p\n\tnode [shape=box]\n}\n\n',
    );
  });
});
