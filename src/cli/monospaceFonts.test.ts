import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findMonospaceFont, fontDirectories } from "./monospaceFonts";

/** A made-up font tree: folder → entries (a trailing `/` marks a folder). */
function tree(folders: Record<string, string[]>) {
  return (dir: string) =>
    (folders[dir] ?? []).map((name) => ({ name: name.replace(/\/$/, ""), directory: name.endsWith("/") }));
}

describe("findMonospaceFont", () => {
  it("finds a family the stylesheet names in nested font folders, with all its files", () => {
    const list = tree({
      "/fonts": ["truetype/"],
      [join("/fonts", "truetype")]: ["dejavu/", "noto/"],
      [join("/fonts", "truetype", "dejavu")]: [
        "DejaVuSansMono-Bold.ttf",
        "DejaVuSansMono.ttf",
        "DejaVuSans.ttf",
      ],
      [join("/fonts", "truetype", "noto")]: ["NotoSans-Regular.ttf"],
    });
    const dir = join("/fonts", "truetype", "dejavu");
    expect(findMonospaceFont(["/fonts"], list)).toEqual({
      family: "DejaVu Sans Mono",
      files: [join(dir, "DejaVuSansMono-Bold.ttf"), join(dir, "DejaVuSansMono.ttf")],
    });
  });

  it("prefers the stylesheet's order, and answers null when there is no such font", () => {
    const list = tree({ "/a": ["LiberationMono-Regular.ttf", "Menlo.ttc"] });
    expect(findMonospaceFont(["/a"], list)?.family).toBe("Menlo");
    expect(findMonospaceFont(["/b"], tree({ "/b": ["Arial.ttf", "notes.txt"] }))).toBeNull();
  });
});

describe("fontDirectories", () => {
  it("names each platform's font folders", () => {
    expect(fontDirectories("linux", "/home/u", undefined)).toContain("/usr/share/fonts");
    expect(fontDirectories("darwin", "/Users/u", undefined)).toContain("/System/Library/Fonts");
    expect(fontDirectories("win32", "C:\\Users\\u", "D:\\Win")).toEqual([join("D:\\Win", "Fonts")]);
  });
});
