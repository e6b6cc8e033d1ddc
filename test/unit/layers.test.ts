import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { layerOf, layerViolation, MAY_IMPORT } from "../../scripts/layerRule.mjs";

const REPO = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...sourceFiles(file));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(file);
  }
  return out;
}

const FILES = [...sourceFiles(path.join(REPO, "src")), ...sourceFiles(path.join(REPO, "webview"))];

/** The modules a file imports, `import type` and `export type` marked (they vanish from the bundle). */
function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const text = readFileSync(file, "utf8");
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+["']([^"']+)["']/gms))
    found.push({ specifier: m[3], typeOnly: m[2] !== undefined });
  for (const m of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm))
    found.push({ specifier: m[1], typeOnly: false });
  for (const m of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g))
    found.push({ specifier: m[1], typeOnly: false });
  return found;
}

describe("the layer order (scripts/layerRule.mjs, linted by eslint.config.mjs)", () => {
  const at = (file: string) => path.join(REPO, file);

  it("reports an import that runs back up, and lets one that runs down through", () => {
    expect(layerViolation(at("src/trace/buildTrace.ts"), "../runtime/format/stringFormat")).toMatch(
      /^trace\/ may not import runtime\//,
    );
    expect(layerViolation(at("src/engine/tensor/ops/add.ts"), "../../../trace/trace")).toMatch(
      /^engine\/ may not import trace\/.*nothing of ours/,
    );
    expect(layerViolation(at("src/view/format.ts"), "../host/settings")).toMatch(
      /^view\/ may not import host\//,
    );
    expect(layerViolation(at("src/host/train.ts"), "../runtime/runProgram")).toMatch(
      /^host\/ may not import runtime\//,
    );
    expect(layerViolation(at("webview/app.ts"), "../src/trace/trace")).toMatch(
      /^webview\/ may not import trace\//,
    );
    expect(layerViolation(at("src/lang/ir.ts"), "../engine/tape")).toMatch(/^lang\/ may not import engine\//);
    expect(layerViolation(at("src/view/format.ts"), "vscode")).toMatch(/only src\/host\/ talks to VS Code/);
    expect(layerViolation(at("webview/app.ts"), "node:fs")).toMatch(/Node's modules/);
    expect(layerViolation(at("src/runtime/runProgram.ts"), "../trace/buildTrace")).toBeNull();
    expect(layerViolation(at("src/engine/tensor/tensor.ts"), "../memory")).toBeNull();
    expect(layerViolation(at("src/host/activate.ts"), "vscode")).toBeNull();
    // tests may reach across
    expect(layerViolation(at("src/trace/oneTape.test.ts"), "../checks/gradientCheck")).toBeNull();
  });

  it("knows every folder of src/", () => {
    const layers = new Set(FILES.map(layerOf));
    for (const layer of layers) expect(Object.keys(MAY_IMPORT), String(layer)).toContain(layer);
  });

  it("holds for every file of src/ and webview/", () => {
    const violations = FILES.flatMap((file) =>
      importsOf(file).flatMap(({ specifier }) => {
        const why = layerViolation(file, specifier);
        return why ? [`${path.relative(REPO, file)}: ${why}`] : [];
      }),
    );
    expect(violations).toEqual([]);
  });

  it("keeps the interpreter and the engine out of the extension host's bundle, through any chain of imports", () => {
    // the host runs programs in a worker; loading the runtime here would cost every activation
    const seen = new Set<string>();
    const stack = [path.join(REPO, "src/extension.ts")];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const { specifier, typeOnly } of importsOf(file)) {
        if (typeOnly || !specifier.startsWith(".")) continue;
        const target = path.resolve(path.dirname(file), specifier);
        stack.push(target.endsWith(".ts") ? target : `${target}.ts`);
      }
    }
    const loaded = [...seen].map((f) => path.relative(REPO, f));
    expect(loaded).toContain("src/host/activate.ts");
    expect(
      loaded.filter((f) => ["runtime", "engine", "library"].includes(layerOf(path.join(REPO, f)) ?? "")),
    ).toEqual([]);
  });
});
