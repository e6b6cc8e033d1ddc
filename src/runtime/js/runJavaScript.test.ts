import { describe, expect, it } from "vitest";
import { checkGradients } from "../../checks/gradientCheck";
import { trainProgram } from "../../train/trainProgram";
import { parseJavaScript } from "../../lang/javascript/parseJavaScript";
import { runProgram } from "../runProgram";
import { JsInterpreter } from "./interpreter";

const js = (source: string) => runProgram(source, { language: "javascript" });
const at = (source: string, span: { from: number; to: number } | null) =>
  span ? source.slice(span.from, span.to) : null;

describe("runJavaScript: the trace of a JavaScript program", () => {
  const source = [
    'import { Value } from "gradlens";',
    "const a = new Value(2);",
    "const b = new Value(-3);",
    "const c = a.mul(b);",
    "const d = c.add(a.pow(2));",
    "d.backward();",
  ].join("\n");

  it("has the graph of its Values, named and located, with the root's gradients", () => {
    const trace = js(source);
    expect(trace.ok).toBe(true);
    const byName = new Map(trace.nodes.map((n) => [n.names[0], n]));
    expect(byName.get("a")?.rootGrad).toEqual([1]); // b + 2a = -3 + 4
    expect(byName.get("b")?.rootGrad).toEqual([2]);
    expect(byName.get("d")?.data).toEqual([-2]);
    expect(at(source, byName.get("c")!.span)).toBe("a.mul(b)");
    expect(trace.root).toBe(byName.get("d")!.id);
    expect(trace.occurrences.filter((o) => o.name === "a").length).toBe(3);
    expect(trace.variables.a).toEqual({ type: "Value", data: 2, grad: 1, root_grad: 1 });
  });

  it("records method calls of the program's classes for the graph's call boxes", () => {
    const program = [
      'import { Value } from "gradlens";',
      "class Neuron { constructor() { this.w = new Value(0.5); } call(x) { return this.w.mul(x).tanh(); } }",
      "const n = new Neuron();",
      "const y = n.call(2);",
      "y.backward();",
    ].join("\n");
    const trace = js(program);
    expect(trace.calls?.map((c) => [c.name, c.instanceClass])).toContainEqual(["Neuron.call", "Neuron"]);
  });

  it("reports JavaScript's errors where they happened, keeping the graph so far", () => {
    const program =
      'import { Value } from "gradlens";\nconst a = new Value(1);\nconst b = a.mul(2);\nconsole.log(missing);';
    const trace = js(program);
    expect(trace.ok).toBe(false);
    expect(trace.diagnostics.map((d) => [d.code, d.message, at(program, d.span)])).toEqual([
      ["runtime", "ReferenceError: missing is not defined", "missing"],
    ]);
    expect(trace.nodes.length).toBeGreaterThan(0);
  });

  it("words TypeErrors as V8 does", () => {
    const cases: [string, string, string][] = [
      ["const o = {};\no.f();", "TypeError: o.f is not a function", "o.f()"],
      ["let u;\nu.x;", "TypeError: Cannot read properties of undefined (reading 'x')", "u.x"],
      ["const k = 1;\nk = 2;", "TypeError: Assignment to constant variable.", "k"],
      ["class A {}\nA();", "TypeError: Class constructor A cannot be invoked without 'new'", "A()"],
      ["console.log(t);\nlet t = 1;", "ReferenceError: Cannot access 't' before initialization", "t"],
      [
        'import { Value } from "gradlens";\nnew Value("x");',
        "TypeError: new Value() takes a number",
        'new Value("x")',
      ],
      [
        'import { Nope } from "gradlens";',
        "SyntaxError: The requested module 'gradlens' does not provide an export named 'Nope'",
        "Nope",
      ],
      ["throw new RangeError('r');", "RangeError: r", "throw new RangeError('r');"],
      ["throw 42;", "Uncaught 42", "throw 42;"],
      [
        "function f(o) {\n  return o.x.y;\n}\nf({});",
        "TypeError: Cannot read properties of undefined (reading 'y')",
        "o.x.y",
      ],
      [
        "const g = () => {\n  throw new Error('deep');\n};\n[1].map(g);",
        "Error: deep",
        "throw new Error('deep');",
      ],
    ];
    for (const [program, message, where] of cases) {
      const trace = js(program);
      expect(
        trace.diagnostics.map((d) => [d.message, at(program, d.span)]),
        program,
      ).toEqual([[message, where]]);
    }
  });

  it("stops at unsupported constructs and modules with a located diagnostic", () => {
    const program = 'import fs from "node:fs";';
    const trace = js(program);
    expect(trace.diagnostics.map((d) => d.code)).toEqual(["unsupported"]);
    expect(trace.diagnostics[0].message).toContain("node:fs");
    const extend = js('import { nn } from "gradlens";\nclass Net extends nn.Linear {}');
    expect(extend.diagnostics.map((d) => d.code)).toEqual(["unsupported"]);
  });

  it("stops at an unsupported class member when the class is evaluated, not before or never", () => {
    for (const member of ["static get x() { return 1; }", "['m']() {}", "static { }", "async m() {}"]) {
      const program = `console.log("before");\nclass A { ${member} }\nconsole.log("after");`;
      const trace = js(program);
      expect(trace.ok, member).toBe(false);
      expect(trace.stdout, member).toBe("before\n");
      expect(
        trace.diagnostics.map((d) => d.code),
        member,
      ).toEqual(["unsupported"]);
    }
    // a class never evaluated does not stop the run
    const unused = js("function f() { class A { static get x() { return 1; } } }\nconsole.log('ran');");
    expect(unused.ok).toBe(true);
    expect(unused.stdout).toBe("ran\n");
  });

  it("runs a program with a bad literal no further than its syntax error", () => {
    const trace = js('console.log("\\u{110000}");');
    expect(trace.ok).toBe(false);
    expect(trace.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["syntax", "SyntaxError: Undefined Unicode code-point"],
    ]);
  });

  it("keeps a module namespace read-only, as Node does", () => {
    const trace = js(
      [
        'import * as gl from "gradlens";',
        "try { gl.Value = 1; } catch (e) { console.log(e.name + ': ' + e.message); }",
        "try { gl.extra = 1; } catch (e) { console.log(e.name + ': ' + e.message); }",
        "console.log(typeof gl.Value, gl.extra);",
      ].join("\n"),
    );
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "TypeError: Cannot assign to read only property 'Value' of object '[object Module]'",
        "TypeError: Cannot add property extra, object is not extensible",
        "function undefined",
        "",
      ].join("\n"),
    );
  });

  it("hands the library a copy whose prototype the program cannot set through `__proto__`", () => {
    const trace = js(
      'import { tensor } from "gradlens";\nconst opts = { ["__proto__"]: { requiresGrad: true } };\nconsole.log(tensor([1], opts).requiresGrad);',
    );
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe("false\n");
  });

  it("reads a tensor's .data as one view: a loop of reads holds no new tensors", () => {
    const heldAfter = (reads: number) => {
      const source = `import { tensor } from "gradlens";\nconst p = tensor([1, 2], { requiresGrad: true });\nfor (let i = 0; i < ${reads}; i++) p.data;\nconsole.log(p.data === p.data);`;
      const it = new JsInterpreter(parseJavaScript(source).program!, source, 1_000_000);
      it.run();
      expect(it.stdout).toBe("true\n");
      return it.tensors.held.length;
    };
    expect(heldAfter(50)).toBe(heldAfter(1));
  });

  it("stops an endless loop at the step budget", () => {
    const trace = runProgram("let i = 0;\nwhile (true) { i++; }", {
      language: "javascript",
      stepBudget: 10_000,
    });
    expect(trace.diagnostics.map((d) => d.code)).toEqual(["budget"]);
  });

  it("keeps the library out of the host: no constructor, prototype or host globals", () => {
    const escapes = [
      'import { Value } from "gradlens";\nconsole.log(Value.constructor);',
      'import { Value } from "gradlens";\nconsole.log(new Value(1).add.constructor);',
      'import { Value } from "gradlens";\nconsole.log(Value.prototype);',
      "console.log(typeof process, typeof require, typeof globalThis);\nprocess.exit(1);",
    ];
    expect(js(escapes[0]).stdout).toBe("undefined\n");
    expect(js(escapes[1]).stdout).toBe("undefined\n");
    expect(js(escapes[2]).stdout).toBe("undefined\n");
    // the host's globals are not there: `typeof` finds nothing, a use is a ReferenceError
    expect(js(escapes[3]).stdout).toBe("undefined undefined undefined\n");
    expect(js(escapes[3]).diagnostics[0].message).toBe("ReferenceError: process is not defined");
  });

  it("runs TypeScript, its types ignored", () => {
    const trace = runProgram(
      "const n: number = 2;\nfunction sq(x: number): number { return x * x; }\nconsole.log(sq(n) as number);",
      {
        language: "typescript",
      },
    );
    expect(trace.stdout).toBe("4\n");
  });

  it("has tensors in the graph, named, with the gradients of the last backward()", () => {
    const program = [
      'import { tensor } from "gradlens";',
      'const w = tensor([1, 2], { requiresGrad: true, dtype: "float64" });',
      "const loss = w.mul(w).sum();",
      "loss.backward();",
      "console.log(w.grad.tolist());",
    ].join("\n");
    const trace = js(program);
    expect(trace.stdout).toBe("[ 2, 4 ]\n");
    const w = trace.nodes.find((n) => n.names.includes("w"));
    expect(w?.tensor).toBe(true);
    expect(w?.rootGrad).toEqual([2, 4]);
    expect(trace.variables.w).toMatchObject({ type: "Tensor", shape: [2], grad: [2, 4], root_grad: [2, 4] });
  });

  it("works with Check Gradients and Train, which re-run the program with new leaf values", () => {
    const program = [
      'import { Value } from "gradlens";',
      "const w = new Value(0.3);",
      "const x = new Value(1.5);",
      "const loss = w.mul(x).tanh().sub(0.5).pow(2);",
      "loss.backward();",
    ].join("\n");
    const report = checkGradients(program, { language: "javascript" });
    expect(report.message).toBeNull();
    expect(report.rows.length).toBe(2);
    expect(report.rows.every((r) => r.ok)).toBe(true);
    const training = trainProgram(
      program,
      { language: "javascript" },
      { optimizer: "sgd", lr: 0.5, steps: 5 },
    );
    let done = training.next();
    while (!done.done) done = training.next();
    const { losses, message } = done.value;
    expect(message).toBeNull();
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
  });

  it("records Values and tensors on one tape: trace nodes in the order the program made them", () => {
    const t = runProgram(
      `import { Value, tensor } from "gradlens";
const a = new Value(2);
const x = tensor([1, 2], { requiresGrad: true });
const b = a.mul(3);
const y = x.mul(x).sum();
y.backward();
b.backward();
`,
      { language: "javascript", fileName: "mixed.mjs" },
    );
    expect(t.diagnostics).toEqual([]);
    const order = t.nodes.map((n) => n.names[0] ?? n.op);
    expect(order.indexOf("a")).toBeLessThan(order.indexOf("x"));
    expect(order.indexOf("x")).toBeLessThan(order.indexOf("b"));
    expect(order.indexOf("b")).toBeLessThan(order.indexOf("y"));
    expect(t.nodes.every((n, i) => n.id === i)).toBe(true);
    // ∂b/∂a = 3 (the last backward's root is b); x's .grad from y.backward() is 2x
    expect(t.nodes.find((n) => n.names.includes("a"))?.rootGrad).toEqual([3]);
    expect(t.nodes.find((n) => n.names.includes("x"))?.grad).toEqual([2, 4]);
  });

  it("computes Values with JavaScript's numbers, as the library does under Node", () => {
    const t = runProgram(
      'import { Value } from "gradlens";\nconst z = new Value(0);\nconsole.log(new Value(1).div(z).data, z.log().data);\n',
      { language: "javascript", fileName: "ieee.mjs" },
    );
    expect(t.diagnostics).toEqual([]);
    expect(t.stdout).toBe("Infinity -Infinity\n");
    // NaN where Python would call it complex, and the trace describes it (∂/∂x is NaN too)
    const cube = runProgram(
      'import { Value } from "gradlens";\nconst x = new Value(-8);\nconst y = x.pow(1 / 3);\ny.backward();\nconsole.log(y.data, x.grad);\n',
      { language: "javascript", fileName: "cube.mjs" },
    );
    expect(cube.diagnostics).toEqual([]);
    expect(cube.stdout).toBe("NaN NaN\n");
    expect(cube.edges[0].local).toEqual([NaN]);
  });
});
