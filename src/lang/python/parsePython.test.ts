import { describe, expect, it } from "vitest";
import type { Expr, Stmt } from "../ir";
import { parsePython } from "./parsePython";

function lower(source: string): Stmt[] {
  const { program, diagnostics } = parsePython(source);
  expect(diagnostics).toEqual([]);
  return program!.body;
}

function expression(source: string): Expr {
  const [s] = lower(source);
  if (s.k !== "expr") throw new Error(`not an expression statement: ${s.k}`);
  return s.value;
}

describe("parsePython lowers Python source to the program IR", () => {
  it("keeps spans as UTF-16 offsets, so text after astral characters lines up", () => {
    const source = "s = '😀'\nx = a + b\n";
    const assign = lower(source)[1] as Stmt & { k: "assign" };
    expect(source.slice(assign.value.span.from, assign.value.span.to)).toBe("a + b");
  });

  it("numbers every name occurrence with the identifier's span", () => {
    const { program } = parsePython("c = a + a\n");
    expect(program!.occurrences).toEqual([
      { name: "a", span: { from: 4, to: 5 } },
      { name: "a", span: { from: 8, to: 9 } },
      { name: "c", span: { from: 0, to: 1 }, statement: { from: 0, to: 9 } },
    ]);
  });

  it("chains comparisons as Python does: a < b <= c is one comparison with b once", () => {
    const e = expression("a < b <= c\n");
    expect(e.k).toBe("compare");
    if (e.k !== "compare") return;
    expect(e.ops).toEqual(["<", "<="]);
    expect(e.operands.map((o) => (o.k === "name" ? o.id : o.k))).toEqual(["a", "b", "c"]);
  });

  it("binds `not` tighter than and/or (the grammar nests it the other way)", () => {
    const e = expression("not a and b or c\n");
    expect(e).toMatchObject({
      k: "logical",
      op: "or",
      left: { k: "logical", op: "and", left: { k: "unary", op: "not", operand: { k: "name", id: "a" } } },
    });
  });

  it("keeps `not` over a whole parenthesised and/or", () => {
    expect(expression("not (a and b)\n")).toMatchObject({ k: "unary", op: "not", operand: { k: "logical" } });
  });

  it("splits f-strings into text and fields with conversion, nested spec and self-documenting text", () => {
    const e = expression("f'{x!r:>{w}} and {y=}{{'\n");
    expect(e.k).toBe("fstring");
    if (e.k !== "fstring") return;
    expect(e.parts).toMatchObject([
      { expr: { k: "name", id: "x" }, conversion: "r", spec: [">", { expr: { k: "name", id: "w" } }] },
      " and ",
      { expr: { k: "name", id: "y" }, selfDoc: "y=", conversion: "r" },
      "{",
    ]);
  });

  it("decodes string literals: escapes, raw strings, implicit concatenation", () => {
    expect(expression("'a\\tb' r'\\d' \"\\x41\\u00e9\"\n")).toMatchObject({ k: "str", value: "a\tb\\dAé" });
  });

  it("reads int literals exactly, past 2**53 as bigint, and floats as floats", () => {
    expect(expression("0x1F\n")).toMatchObject({ k: "int", value: 31, big: null });
    expect(expression("1_000_000\n")).toMatchObject({ k: "int", value: 1000000 });
    expect(expression("2_0000000000000000\n")).toMatchObject({ k: "int", big: 20000000000000000n });
    expect(expression("1e3\n")).toMatchObject({ k: "float", value: 1000 });
  });

  it("lowers slices with omitted parts and tuple indices", () => {
    expect(expression("x[::-1]\n")).toMatchObject({
      k: "subscript",
      index: { k: "slice", lower: null, upper: null, step: { k: "unary", op: "-" } },
    });
    expect(expression("x[1, 2]\n")).toMatchObject({ k: "subscript", index: { k: "tuple" } });
  });

  it("decides a function's locals at definition time, minus global and nonlocal names", () => {
    const [def] = lower("def f(a):\n    global g\n    b = 1\n    for i, (j, k) in x: pass\n    g = 2\n");
    expect(def).toMatchObject({ k: "def", globals: ["g"] });
    if (def.k === "def") expect(def.locals.sort()).toEqual(["a", "b", "i", "j", "k"]);
  });

  it("lowers `import a, b` to one import per module", () => {
    const [s] = lower("import math, random\n");
    expect(s).toMatchObject({
      k: "if",
      body: [
        { k: "import", module: ["math"] },
        { k: "import", module: ["random"] },
      ],
    });
  });
});

describe("parsePython reports what it will not run", () => {
  const report = (source: string) =>
    parsePython(source).diagnostics.map((d) => [d.code, d.message, source.slice(d.span.from, d.span.to)]);

  it("names each unsupported construct at its span", () => {
    expect(report("type A = int\n")[0].slice(0, 2)).toEqual([
      "unsupported",
      "A `type` alias is not supported by GradLens",
    ]);
    expect(report("y = (x.a := 3)\n")[0].slice(0, 1)).toEqual(["syntax"]);
    expect(report("z = 3j\n")).toEqual([
      ["unsupported", "A complex number is not supported by GradLens", "3j"],
    ]);
  });

  it("still lowers the rest of the program around an unsupported construct", () => {
    const { program } = parsePython("a = 1\ntype A = int\nb = 2\n");
    expect(program!.body.map((s) => s.k)).toEqual(["assign", "unsupported", "assign"]);
  });

  it("gives no program when the source has a syntax error", () => {
    const { program, diagnostics } = parsePython("x = [1, 2\n");
    expect(program).toBeNull();
    expect(diagnostics).toEqual([
      { code: "syntax", message: "'[' was never closed", span: { from: 4, to: 5 } },
    ]);
  });

  it("reports f-string mistakes as CPython words them", () => {
    expect(report("x = f'{}'\n")).toEqual([["syntax", "f-string: empty expression not allowed", "{}"]]);
    expect(report("x = f'a}'\n")).toEqual([["syntax", "f-string: single '}' is not allowed", "}"]]);
    expect(report("x = f'{a +}'\n")).toEqual([["syntax", "f-string: invalid syntax", "a +"]]);
  });

  it("words syntax errors as CPython 3.11 does", () => {
    const message = (source: string) => parsePython(source).diagnostics[0]?.message;
    expect(message('s = "abc\nx = 1\n')).toBe("unterminated string literal (detected at line 1)");
    expect(message("s = '''abc\nx = 1\n")).toBe(
      "unterminated triple-quoted string literal (detected at line 2)",
    );
    expect(message("if x:\ny = 1\n")).toBe("expected an indented block after 'if' statement on line 1");
    expect(message("def f():\nreturn 1\n")).toBe(
      "expected an indented block after function definition on line 1",
    );
    expect(message("if x:\n    pass\nelse:\nz = 1\n")).toBe(
      "expected an indented block after 'else' statement on line 3",
    );
    expect(message("for i in range(3)\n    pass\n")).toBe("expected ':'");
    expect(message("a = 1\n    b = 2\n")).toBe("unexpected indent");
    expect(message("def f():\n    a = 1\n      b = 2\n")).toBe("unexpected indent");
    expect(message("def f():\n        a = 1\n    b = 2\n")).toBe(
      "unindent does not match any outer indentation level",
    );
    expect(message("x = [1, 2)\n")).toBe("closing parenthesis ')' does not match opening parenthesis '['");
  });

  it("accepts blocks with comments, blank lines and quotes inside comments", () => {
    const source = "for i in range(2):\n    # it's a comment\n    x = 1\n\n    y = 2\nz = '#'\n";
    expect(parsePython(source).diagnostics).toEqual([]);
  });

  it("reports assignment to an expression as a syntax error", () => {
    expect(report("f() = 3\n")).toEqual([["syntax", "cannot assign to expression", "f()"]]);
  });
});
