import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/l10n/en";
import { zhCn } from "../../src/l10n/zhCn";

const root = join(__dirname, "../..");
const json = (path: string) => JSON.parse(readFileSync(join(root, path), "utf8")) as Record<string, string>;
const keys = (o: object) => Object.keys(o).sort();

/** Every string literal passed to `vscode.l10n.t(` in src/host. */
function hostStrings(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(join(root, "src/host"))) {
    if (!file.endsWith(".ts")) continue;
    const text = readFileSync(join(root, "src/host", file), "utf8");
    for (const m of text.matchAll(/l10n\s*\.t\(\s*("(?:[^"\\]|\\.)*")/g))
      found.add(JSON.parse(m[1]) as string);
  }
  return [...found].sort();
}

describe("localisation", () => {
  it("has the same manifest keys in English and Simplified Chinese", () => {
    expect(keys(json("package.nls.zh-cn.json"))).toEqual(keys(json("package.nls.json")));
  });

  it("defines every %key% the manifest uses", () => {
    const manifest = readFileSync(join(root, "package.json"), "utf8");
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    const defined = json("package.nls.json");
    for (const key of used) expect(defined, key).toHaveProperty([key]);
  });

  it("has the same runtime bundle keys in both languages, covering every string the host shows", () => {
    const english = json("l10n/bundle.l10n.json");
    const chinese = json("l10n/bundle.l10n.zh-cn.json");
    expect(keys(chinese)).toEqual(keys(english));
    expect(keys(english)).toEqual(hostStrings());
  });

  it("keeps {0}-style placeholders in every translation", () => {
    const chinese = json("l10n/bundle.l10n.zh-cn.json");
    for (const [key, value] of Object.entries(chinese)) {
      const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();
      expect(holes(value), key).toEqual(holes(key));
    }
  });

  it("has the same message catalogue keys in both languages, for text made outside the host", () => {
    expect(keys(zhCn)).toEqual(keys(en));
  });
});
