import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Canary } from "./mutations";
import type { Seed } from "./fuzzRun";

/** The programs the fuzz mutates: every example in examples/ (Python, JavaScript, TypeScript). */
export function exampleSeeds(examplesDir: string): Seed[] {
  const seeds: Seed[] = [];
  const add = (dir: string, pattern: RegExp, language: Seed["language"]) => {
    for (const f of readdirSync(dir).sort())
      if (pattern.test(f))
        seeds.push({ file: join(dir, f), language, source: readFileSync(join(dir, f), "utf8") });
  };
  add(examplesDir, /\.py$/, "python");
  add(join(examplesDir, "js"), /\.mjs$/, "javascript");
  add(join(examplesDir, "ts"), /\.ts$/, "javascript");
  return seeds;
}

/** A secret file and an empty trap folder outside the workspace, and how to clear them away. */
export function makeCanary(): { canary: Canary; secret: string; clearTrap: () => void; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "gradlens-fuzz-"));
  const secret = `gradlens-canary-${Math.random().toString(36).slice(2)}`;
  const secretFile = join(dir, "secret.txt");
  writeFileSync(secretFile, secret);
  const trapDir = join(dir, "trap");
  mkdirSync(trapDir);
  return {
    canary: { secretFile, trapDir },
    secret,
    clearTrap: () => {
      for (const f of readdirSync(trapDir)) rmSync(join(trapDir, f), { recursive: true, force: true });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
