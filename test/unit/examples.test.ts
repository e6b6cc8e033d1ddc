import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { gradientDiagnostics } from "../../src/explain/gradientHealth";
import { cliWorkspace, diskFileAccess } from "../../src/cli/nodeFileOwner";
import { withFileAccess } from "../../src/runtime/files/runFileAccess";
import { runProgram } from "../../src/runtime/runProgram";
import type { Trace } from "../../src/trace/trace";
import { checkWarnings, compare } from "./expectation";

/**
 * "Comment tests": every example carries its expectations as `# expect: <expression> <op> <value>`
 * lines, with values derived by hand or in plain Python. The test runs the example, then has
 * GradLens's own interpreter print `repr(<expression>)`, and compares that with the value:
 * numbers to 1e-12 relative (the last digit or two of float64), everything else exactly.
 */
const EXAMPLES = join(__dirname, "../../examples");
const EXPECT = /^#\s*expect:\s*(.+?)\s*(==|<=|>=|<|>)\s*(.+?)\s*$/;
/** `# expect-diagnostic: nan` — GradLens must report a diagnostic with that code. */
const EXPECT_DIAGNOSTIC = /^#\s*expect-diagnostic:\s*([\w-]+)\s*$/;

interface Expectation {
  line: number;
  lhs: string;
  op: string;
  rhs: string;
}

function expectationsOf(source: string): Expectation[] {
  return source.split("\n").flatMap((text, i) => {
    const m = EXPECT.exec(text.trim());
    return m ? [{ line: i + 1, lhs: m[1], op: m[2], rhs: m[3] }] : [];
  });
}

/** A Python literal as printed by repr (numbers, strings, True/False/None, lists, tuples) → JS. */
function pythonLiteral(text: string): unknown {
  let i = 0;
  const skip = () => {
    while (/\s/.test(text[i] ?? "")) i++;
  };
  const value = (): unknown => {
    skip();
    const c = text[i];
    if (c === "[" || c === "(") {
      const close = c === "[" ? "]" : ")";
      i++;
      const items: unknown[] = [];
      for (skip(); text[i] !== close; skip()) {
        items.push(value());
        skip();
        if (text[i] === ",") i++;
        skip();
      }
      i++;
      return items;
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const s = text.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    const m = /^(True|False|None|-?inf|nan|[-+0-9.eE]+)/.exec(text.slice(i));
    if (!m) throw new Error(`cannot read a Python literal at ${JSON.stringify(text.slice(i))}`);
    i += m[0].length;
    const words: Record<string, unknown> = {
      True: true,
      False: false,
      None: null,
      inf: Infinity,
      "-inf": -Infinity,
      nan: NaN,
    };
    return m[0] in words ? words[m[0]] : Number(m[0]);
  };
  return value();
}

const files = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".py"))
  .sort();

/**
 * Examples in folders of their own (`data_and_modules/`): programs that read the files beside
 * them and import their modules. Those with expectations are the programs; the rest are what
 * they import.
 */
const folderPrograms = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "js" && d.name !== "ts")
  .flatMap((d) =>
    readdirSync(join(EXAMPLES, d.name))
      .filter((f) => f.endsWith(".py"))
      .map((f) => `${d.name}/${f}`),
  )
  .filter((f) => expectationsOf(readFileSync(join(EXAMPLES, f), "utf8")).length > 0)
  .sort();

/** Runs an example as the CLI would: it may read its own folder. */
function runExample(file: string, source: string): Trace {
  const workspace = cliWorkspace(join(EXAMPLES, file), join(EXAMPLES, dirname(file)));
  return withFileAccess(diskFileAccess(workspace.roots), () => runProgram(source, { workspace }));
}

describe("examples carry their own expectations", () => {
  it("has examples, each with expectations", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(expectationsOf(readFileSync(join(EXAMPLES, file), "utf8")).length, file).toBeGreaterThan(0);
    }
  });

  it("has examples in folders of their own, with files and modules beside them", () => {
    expect(folderPrograms).toContain("data_and_modules/bigram_counts.py");
  });

  for (const file of [...files, ...folderPrograms]) {
    it(file, () => {
      const source = readFileSync(join(EXAMPLES, file), "utf8");
      const expectations = expectationsOf(source);
      const probe = expectations.map((e, k) => `print("__expect__${k}", repr(${e.lhs}))`).join("\n");
      const trace = runExample(file, `${source}\n${probe}\n`);
      const errors = trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
      expect(errors, file).toEqual([]);
      const printed = new Map<number, string>();
      for (const line of trace.stdout.split("\n")) {
        const m = /^__expect__(\d+) (.*)$/.exec(line);
        if (m) printed.set(Number(m[1]), m[2]);
      }
      const wantedCodes = source.split("\n").flatMap((l) => EXPECT_DIAGNOSTIC.exec(l.trim())?.[1] ?? []);
      const codes = [...trace.diagnostics, ...gradientDiagnostics(trace)].map((d) => d.code);
      for (const code of wantedCodes) expect(codes, `${file}: a "${code}" diagnostic`).toContain(code);
      checkWarnings(source, trace.diagnostics, file);
      expectations.forEach((e, k) => {
        const where = `${file}:${e.line}: ${e.lhs} ${e.op} ${e.rhs}`;
        expect(printed.has(k), where).toBe(true);
        compare(pythonLiteral(printed.get(k)!), e.op, pythonLiteral(e.rhs), where);
      });
    });
  }
});
