import { describe, expect, it } from "vitest";
import { isInside, isInsideAny, normalizePath, parentPath, relativeTo, resolvePath } from "./workspacePath";

describe("workspace paths", () => {
  it("works out `.`, `..` and doubled slashes by text, never above the root", () => {
    expect(normalizePath("/ws/./data//names.txt")).toBe("/ws/data/names.txt");
    expect(normalizePath("/ws/data/../names.txt")).toBe("/ws/names.txt");
    expect(normalizePath("/ws/../../../etc/passwd")).toBe("/etc/passwd");
    expect(normalizePath("/")).toBe("/");
    expect(normalizePath("/ws/")).toBe("/ws");
  });

  it("resolves a program's relative paths against its folder, absolute ones as they are", () => {
    expect(resolvePath("/ws/src", "names.txt")).toBe("/ws/src/names.txt");
    expect(resolvePath("/ws/src", "../data/names.txt")).toBe("/ws/data/names.txt");
    expect(resolvePath("/ws/src", "/etc/passwd")).toBe("/etc/passwd");
    expect(resolvePath("/ws/src", "")).toBe("/ws/src");
  });

  it("tells inside from outside, and a sibling whose name starts alike from a child", () => {
    expect(isInside("/ws/names.txt", "/ws")).toBe(true);
    expect(isInside("/ws", "/ws")).toBe(true);
    expect(isInside("/ws2/names.txt", "/ws")).toBe(false);
    expect(isInside("/etc/passwd", "/ws")).toBe(false);
    expect(isInside("/anything", "/")).toBe(true);
    expect(isInsideAny("/b/x", ["/a", "/b"])).toBe(true);
    expect(isInsideAny("/c/x", ["/a", "/b"])).toBe(false);
    expect(isInsideAny("/a", [])).toBe(false);
  });

  it("names a file's folder and a path relative to a folder", () => {
    expect(parentPath("/ws/names.txt")).toBe("/ws");
    expect(parentPath("/names.txt")).toBe("/");
    expect(relativeTo("/ws/pkg/__init__.py", "/ws")).toBe("pkg/__init__.py");
    expect(relativeTo("/other/x.py", "/ws")).toBe("/other/x.py");
  });
});
