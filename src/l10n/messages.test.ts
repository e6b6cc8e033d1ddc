import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { catalogFor, listText, messages } from "./messages";
import { zhCn } from "./zhCn";

const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();

/** The TypeScript source of the folders whose text comes from the catalogue. */
function sourceText(): string {
  const root = join(__dirname, "../..");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) files.push(path);
    }
  };
  for (const dir of ["src/l10n", "src/explain", "src/checks", "src/train", "src/worker", "webview"])
    walk(join(root, dir));
  return files.map((f) => readFileSync(f, "utf8")).join("\n");
}

describe("message catalogue", () => {
  it("has exactly the English keys in Simplified Chinese", () => {
    expect(Object.keys(zhCn).sort()).toEqual(Object.keys(en).sort());
  });

  it("keeps every {0}-style placeholder in every translation, and leaves none empty", () => {
    for (const [key, english] of Object.entries(en)) {
      const chinese = zhCn[key as keyof typeof en];
      expect(holes(chinese), key).toEqual(holes(english));
      expect(chinese.trim(), key).not.toBe("");
    }
  });

  it("uses every key somewhere (no text left behind after a change)", () => {
    const text = sourceText();
    expect(Object.keys(en).filter((key) => !text.includes(`"${key}"`))).toEqual([]);
  });
});

describe("messages", () => {
  it("fills placeholders once, so an argument that looks like one stays as it is", () => {
    expect(messages("en")("hover.sum", "{1}", 3)).toBe("Sum: {1} = **3**");
  });

  it("picks Simplified Chinese for VS Code's zh-cn (and its spellings), English otherwise", () => {
    expect(messages("zh-cn")("hover.kind.leaf")).toBe("叶子值");
    for (const locale of ["zh-CN", "zh_cn", "zh-Hans", "zh"]) expect(catalogFor(locale)).toBe("zh-cn");
    for (const locale of ["en", "en-gb", "fr", "zh-tw", ""]) expect(catalogFor(locale)).toBe("en");
    expect(messages("de")("hover.kind.leaf")).toBe("a leaf value");
    expect(messages()("hover.kind.leaf")).toBe("a leaf value");
  });

  it("joins lists the way each language does", () => {
    expect(listText(messages("en"), ["a"])).toBe("a");
    expect(listText(messages("en"), ["a", "b", "c"])).toBe("a, b and c");
    expect(listText(messages("zh-cn"), ["a", "b", "c"])).toBe("a、b 和 c");
  });
});
