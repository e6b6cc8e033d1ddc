import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProgram } from "../../src/runtime/runProgram";
import { compare } from "./expectation";

/**
 * Every JavaScript and TypeScript example runs both ways: in GradLens's interpreter and
 * natively under Node against the `gradlens` library (bundled from src/library here, and found
 * as a package from a scratch directory), and the two print exactly the same text. Each example
 * also carries `// expect: <expression> <op> <value>` lines, checked in the interpreter: the
 * expression's JSON is compared with the value (numbers to 1e-12 relative).
 */
const EXAMPLES = join(__dirname, "../../examples");
// the operator stands between spaces, so an arrow function (`=>`) can be part of the expression
const EXPECT = /^\/\/\s*expect:\s*(.+?)\s+(==|<=|>=|<|>)\s+(.+?)\s*$/;

const examples = [
  ...readdirSync(join(EXAMPLES, "js"))
    .filter((f) => f.endsWith(".mjs"))
    .map((f) => ({ file: `js/${f}`, language: "javascript" as const })),
  ...readdirSync(join(EXAMPLES, "ts"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ file: `ts/${f}`, language: "typescript" as const })),
].sort((a, b) => a.file.localeCompare(b.file));

let scratch = "";

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "gradlens-js-examples-"));
  const pkg = join(scratch, "node_modules", "gradlens");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    join(pkg, "package.json"),
    JSON.stringify({ name: "gradlens", type: "module", exports: "./index.mjs" }),
  );
  await esbuild.build({
    entryPoints: [join(__dirname, "../../src/library/index.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: join(pkg, "index.mjs"),
    logLevel: "silent",
  });
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What Node prints running the example against the library (TypeScript stripped by esbuild first). */
async function runNatively(file: string, source: string): Promise<string> {
  const js = file.endsWith(".ts")
    ? (await esbuild.transform(source, { loader: "ts", format: "esm" })).code
    : source;
  const path = join(scratch, file.replace(/[/\\]/g, "_").replace(/\.ts$/, ".mjs"));
  writeFileSync(path, js);
  return execFileSync(process.execPath, [path], { cwd: scratch, encoding: "utf8" });
}

/** `// expect: b < a` compares with the value of another expression: its JSON is read from the run too. */
describe("JavaScript and TypeScript examples", () => {
  it("has examples in examples/js and examples/ts, each with expectations", () => {
    expect(examples.some((e) => e.language === "javascript")).toBe(true);
    expect(examples.some((e) => e.language === "typescript")).toBe(true);
    for (const { file } of examples) {
      const source = readFileSync(join(EXAMPLES, file), "utf8");
      expect(
        source.split("\n").some((l) => EXPECT.test(l.trim())),
        file,
      ).toBe(true);
    }
  });

  it("the TypeScript examples type-check against the library's own types (package self-reference)", () => {
    const files = examples.filter((e) => e.language === "typescript").map((e) => join(EXAMPLES, e.file));
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2022.d.ts"],
      types: ["node"],
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  }, 120_000);

  for (const { file, language } of examples) {
    it(`${file}: the interpreter prints what Node prints, and the expectations hold`, async () => {
      const source = readFileSync(join(EXAMPLES, file), "utf8");
      const trace = runProgram(source, { language, fileName: file });
      expect(
        trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message),
        file,
      ).toEqual([]);
      expect(trace.stdout).toBe(await runNatively(file, source));
      expect(trace.nodes.length, `${file}: a graph`).toBeGreaterThan(0);

      const expectations = source.split("\n").flatMap((text, i) => {
        const m = EXPECT.exec(text.trim());
        return m ? [{ line: i + 1, lhs: m[1], op: m[2], rhs: m[3] }] : [];
      });
      const probe = expectations
        .flatMap((e, k) => [
          `console.log("__expect__${k}", JSON.stringify(${e.lhs}));`,
          `console.log("__wanted__${k}", JSON.stringify(${e.rhs}));`,
        ])
        .join("\n");
      const probed = runProgram(`${source}\n${probe}\n`, { language });
      expect(probed.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
      const printed = new Map<string, unknown>();
      for (const line of probed.stdout.split("\n")) {
        const m = /^__(expect|wanted)__(\d+) (.*)$/.exec(line);
        if (m) printed.set(`${m[1]}${m[2]}`, JSON.parse(m[3]));
      }
      expectations.forEach((e, k) => {
        const where = `${file}:${e.line}: ${e.lhs} ${e.op} ${e.rhs}`;
        expect(printed.has(`expect${k}`), where).toBe(true);
        compare(printed.get(`expect${k}`), e.op, printed.get(`wanted${k}`), where);
      });
    }, 60_000);
  }
});
