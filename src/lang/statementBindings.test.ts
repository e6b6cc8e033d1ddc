import { describe, expect, it } from "vitest";
import { parseJavaScript } from "./javascript/parseJavaScript";
import { parsePython } from "./python/parsePython";
import type { Program } from "./ir";

/** Each bound name with the text of the statement that binds it, in source order. */
function bindings(source: string, program: Program | null): [string, string][] {
  return (program?.occurrences ?? [])
    .filter((o) => o.statement)
    .sort((a, b) => a.span.from - b.span.from)
    .map((o) => [o.name, source.slice(o.statement!.from, o.statement!.to)]);
}

const python = (source: string) => bindings(source, parsePython(source).program);
const js = (source: string) => bindings(source, parseJavaScript(source, "ts").program);

describe("statement bindings, Python", () => {
  it("marks plain, tuple, chained and augmented targets, one statement each side of `;`", () => {
    expect(python("a = 1; b = 2\nx, y = f(k=1)\nc = d = g(1)\ny += 1 - b\nz **= 2\nm <<= 1\n")).toEqual([
      ["a", "a = 1"],
      ["b", "b = 2"],
      ["x", "x, y = f(k=1)"],
      ["y", "x, y = f(k=1)"],
      ["c", "c = d = g(1)"],
      ["d", "c = d = g(1)"],
      ["y", "y += 1 - b"],
      ["z", "z **= 2"],
      ["m", "m <<= 1"],
    ]);
  });

  it("sees no binding in comparisons, keyword arguments, a lambda's defaults or a comprehension's variable", () => {
    expect(python("x == y\nx <= 1\nprint(sep='')\nf = lambda x=1: x\nys = [x * 2 for x in xs]\n")).toEqual([
      ["f", "f = lambda x=1: x"],
      ["ys", "ys = [x * 2 for x in xs]"],
    ]);
  });

  it("binds a loop's variable on its header, and the statements of its body on their own", () => {
    expect(python("for i, x in enumerate(xs):\n    s = s + x\nif ok: y = 1\nwhile a < b: a += 1\n")).toEqual([
      ["i", "for i, x in enumerate(xs)"],
      ["x", "for i, x in enumerate(xs)"],
      ["s", "s = s + x"],
      ["y", "y = 1"],
      ["a", "a += 1"],
    ]);
  });

  it("binds inside functions, methods and with-blocks", () => {
    const source =
      "def f(x):\n    z = x * 2\n    return z\nclass A:\n    def m(self):\n        w = 1\nwith g() as h:\n    pass\n";
    expect(python(source)).toEqual([
      ["z", "z = x * 2"],
      ["w", "w = 1"],
      ["h", "with g() as h"],
    ]);
  });

  it("keeps a statement across open brackets, continuations and multi-line strings", () => {
    const source =
      'loss = sum(\n    (y - t) ** 2 for y, t in zip(ys, ts)\n)\ns = """a = b\n# no"""\nq = 1 + \\\n  2\n';
    expect(python(source)).toEqual([
      ["loss", "loss = sum(\n    (y - t) ** 2 for y, t in zip(ys, ts)\n)"],
      ["s", 's = """a = b\n# no"""'],
      ["q", "q = 1 + \\\n  2"],
    ]);
  });

  it("tells a bound name from one read inside a target", () => {
    expect(
      python("x[i] = v\nx.data = 1\na.b, c = 1, 2\n(p, [q, *r]) = t\nself.w = w\n").map(([n]) => n),
    ).toEqual(["c", "p", "q", "r"]);
  });
});

describe("statement bindings, JavaScript and TypeScript", () => {
  it("marks each statement of a braced function body, not the function as one", () => {
    const source =
      "function neuron(x: number) {\n  const z = x * 2;\n  let out = z + 1;\n  return out;\n}\nconst y = neuron(3);\n";
    expect(js(source)).toEqual([
      ["z", "const z = x * 2;"],
      ["out", "let out = z + 1;"],
      ["y", "const y = neuron(3);"],
    ]);
  });

  it("marks declarations, destructuring, assignments, updates and compound assignments", () => {
    const source =
      "let a = 1, b = 2;\nconst [c, , ...d] = xs;\nconst { e, f: g = 1 } = o;\na = b = 3;\nc += 1;\ni++;\no.p = 4;\nq[a] = 5;\n";
    expect(js(source)).toEqual([
      ["a", "let a = 1, b = 2;"],
      ["b", "let a = 1, b = 2;"],
      ["c", "const [c, , ...d] = xs;"],
      ["d", "const [c, , ...d] = xs;"],
      ["e", "const { e, f: g = 1 } = o;"],
      ["g", "const { e, f: g = 1 } = o;"],
      ["a", "a = b = 3;"],
      ["b", "a = b = 3;"],
      ["c", "c += 1;"],
      ["i", "i++;"],
    ]);
  });

  it("binds loop variables on the header, and the body's statements on their own lines", () => {
    const source = "for (const x of xs) {\n  s = s + x;\n}\nfor (let i = 0; i < 3; i++) {\n  t = i;\n}\n";
    expect(js(source)).toEqual([
      ["x", "for (const x of xs"],
      ["s", "s = s + x;"],
      ["i", "let i = 0;"],
      ["i", "for (let i = 0; i < 3; i++"],
      ["t", "t = i;"],
    ]);
  });

  it("binds inside arrow functions and methods", () => {
    const source =
      "const f = (v) => {\n  const w = v * 2;\n  return w;\n};\nclass A {\n  m() {\n    const k = 1;\n    return k;\n  }\n}\n";
    expect(js(source)).toEqual([
      ["f", "const f = (v) => {\n  const w = v * 2;\n  return w;\n};"],
      ["w", "const w = v * 2;"],
      // a class declaration binds its name, as `let A = class {…}` would (a class has no inline value)
      ["A", source.slice(source.indexOf("class A"), source.length - 1)],
      ["k", "const k = 1;"],
    ]);
  });
});
