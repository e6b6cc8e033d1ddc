import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * What `npm pack` ships (.npmignore): the gradlens library — its bundle, the CLI, and the
 * TypeScript sources its types come from — and the examples, not the extension, tests or
 * benchmarks. The .vsix is .vscodeignore's business (test/vscode/vsix.mjs checks it).
 */
const REPO = path.resolve(__dirname, "../..");
let files: string[] = [];

beforeAll(() => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: REPO,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}, 60_000);

/** Every file the library's entry point reaches, types included. */
function libraryClosure(): string[] {
  const seen = new Set<string>();
  const stack = [path.join(REPO, "src/library/index.ts")];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/\bfrom\s+["'](\.[^"']+)["']/g))
      stack.push(`${path.resolve(path.dirname(file), m[1])}.ts`);
  }
  return [...seen].map((f) => path.relative(REPO, f));
}

describe("the npm package", () => {
  it("holds the library's sources for its types, and nothing of the rest", () => {
    const closure = libraryClosure();
    expect(closure.length).toBeGreaterThan(10);
    expect(closure.filter((f) => !files.includes(f))).toEqual([]);
    expect(files).toContain("package.json");
    expect(files).toContain("README.md");
    expect(files).toContain("examples/js/neuron.mjs");
  });

  it("has no tests, benchmarks, scripts, webview, other sources or source maps", () => {
    const unwanted = files.filter(
      (f) =>
        /^(test|bench|scripts|webview|media|l10n|node_modules)\//.test(f) ||
        /\.(test|bench)\.ts$|\.map$|\.vsix$/.test(f) ||
        (f.startsWith("src/") && !/^src\/(library|engine)\//.test(f)) ||
        (f.startsWith("dist/") && !["dist/gradlens.mjs", "dist/cli.js"].includes(f)),
    );
    expect(unwanted).toEqual([]);
  });

  it("ships what package.json's exports and bin name, once built", () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8"));
    const named = [manifest.exports["."].types, manifest.exports["."].import, manifest.bin.gradlens].map(
      (p: string) => p.replace(/^\.\//, ""),
    );
    // the bundles exist only after `npm run build`; a fresh checkout checks the rule on the rest
    for (const file of named.filter((f) => !f.startsWith("dist/") || existsSync(path.join(REPO, f))))
      expect(files).toContain(file);
  });
});
