import { describe, expect, it } from "vitest";
import type { Expr, Stmt } from "../ir";
import { parseJavaScript } from "./parseJavaScript";

const body = (source: string, dialect: "js" | "ts" = "js"): Stmt[] => {
  const r = parseJavaScript(source, dialect);
  expect(r.diagnostics).toEqual([]);
  return r.program!.body;
};
const text = (source: string, e: { span: { from: number; to: number } }) =>
  source.slice(e.span.from, e.span.to);

describe("parseJavaScript", () => {
  it("lowers to the program IR with every node's span", () => {
    const source = "const y = a.mul(b).add(1);";
    const [decl] = body(source);
    expect(decl.k).toBe("declare");
    const d = decl as Stmt & { k: "declare" };
    expect(d.kind).toBe("const");
    const init = d.declarations[0].init as Expr & { k: "call" };
    expect(text(source, init)).toBe("a.mul(b).add(1)");
    expect(init.func.k).toBe("attribute");
    expect(text(source, (init.func as Expr & { k: "attribute" }).object)).toBe("a.mul(b)");
    expect(text(source, init.args[0].value)).toBe("1");
  });

  it("numbers every name occurrence, in loads and in declarations", () => {
    const source = "let a = 1; a = a + 1;";
    const r = parseJavaScript(source);
    expect(r.program!.occurrences.map((o) => [o.name, text(source, o)])).toEqual([
      ["a", "a"],
      ["a", "a"],
      ["a", "a"],
    ]);
  });

  it("parses TypeScript and ignores its types", () => {
    const source = [
      "interface P { x: number }",
      "type N = number;",
      "import type { Q } from './q';",
      "function f<T>(a: number, b?: string): number { return a as number; }",
      "const v: N = f<number>(1)!;",
      "class C implements P { x: number = 1; private readonly y!: string; constructor(public_: number) {} }",
    ].join("\n");
    const stmts = body(source, "ts");
    expect(stmts.map((s) => s.k)).toEqual(["def", "declare", "declare"]);
  });

  it("reports unsupported constructs at their place, as the Python front end does", () => {
    const source =
      "async function f() { await 1; }\nfunction* g() {}\nwith (o) {}\nlabel: for (;;) {}\nfor (const k in o) {}\nx = eval('1');\nimport('m');\nconst p = { get v() { return 1; } };";
    const r = parseJavaScript(source);
    const found = r.diagnostics.map((d) => [d.code, d.message, text(source, d)]);
    expect(found.map((f) => f[0])).toEqual(Array(found.length).fill("unsupported"));
    expect(found.map((f) => f[1])).toEqual([
      "An `async` function is not supported by GradLens",
      "A generator function is not supported by GradLens",
      "`with` is not supported by GradLens",
      "A labelled statement is not supported by GradLens",
      "`for … in` is not supported by GradLens",
      "`eval` is not supported by GradLens",
      "A dynamic `import()` is not supported by GradLens",
      "This kind of property (getters, setters, async) is not supported by GradLens",
    ]);
    expect(found[5][2]).toBe("eval");
    expect(found[6][2]).toBe("import('m')");
  });

  it("stops at a syntax error with V8's wording, located", () => {
    const source = "let a = (1 + ;\nconsole.log(a);";
    const r = parseJavaScript(source);
    expect(r.program).toBeNull();
    expect(r.diagnostics[0].code).toBe("syntax");
    expect(r.diagnostics[0].message).toBe("SyntaxError: Unexpected token ';'");
    expect(text(source, r.diagnostics[0])).toBe(";");
    const end = parseJavaScript("function f() {");
    expect(end.diagnostics[0].message).toBe("SyntaxError: Unexpected end of input");
  });

  it("reports literals a module rejects as located syntax errors, as V8 words them", () => {
    const cases: [string, string, string][] = [
      ['const s = "a\\u{110000}";', "SyntaxError: Undefined Unicode code-point", "\\u{110000}"],
      ["const t = `${1}\\u{110000}`;", "SyntaxError: Undefined Unicode code-point", "\\u{110000}"],
      ["const n = 017;", "SyntaxError: Octal literals are not allowed in strict mode.", "017"],
      ["const n = 08;", "SyntaxError: Decimals with leading zeros are not allowed in strict mode.", "08"],
    ];
    for (const [source, message, at] of cases) {
      const r = parseJavaScript(source);
      expect(r.program).toBeNull();
      expect(r.diagnostics.map((d) => [d.code, d.message, text(source, d)])).toEqual([
        ["syntax", message, at],
      ]);
    }
    // an escaped backslash is not an escape, and the largest code point is fine
    expect(
      parseJavaScript('const s = "\\\\u{110000}" + "\\u{10FFFF}" + 0 + 0.5 + 0x1f;').diagnostics,
    ).toEqual([]);
  });

  it("lowers destructuring, spread, optional chaining and templates", () => {
    const source = "const { a, b: [c, ...d] = [], ...e } = o; f(...xs, y?.z, `t${1}`);";
    const [decl, call] = body(source);
    const target = (decl as Stmt & { k: "declare" }).declarations[0].target as Expr & { k: "object" };
    expect(target.props.map((p) => p.value.k)).toEqual(["name", "withDefault", "starred"]);
    const args = ((call as Stmt & { k: "expr" }).value as Expr & { k: "call" }).args;
    expect(args.map((a) => [a.kind, a.value.k])).toEqual([
      ["star", "name"],
      ["positional", "chain"],
      ["positional", "fstring"],
    ]);
  });
});
