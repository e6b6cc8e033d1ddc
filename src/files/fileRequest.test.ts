import { describe, expect, it } from "vitest";
import { isFileAnswer, isFileRequest, isRunWorkspace, MAX_FILE_BYTES } from "./fileRequest";

describe("file requests and answers, checked where they cross a process boundary", () => {
  it("accepts well-formed requests and refuses the rest", () => {
    expect(isFileRequest({ op: "read", path: "/ws/names.txt" })).toBe(true);
    expect(isFileRequest({ op: "read", path: "/ws/helper.py", module: true })).toBe(true);
    expect(isFileRequest({ op: "list", path: "/ws" })).toBe(true);
    expect(isFileRequest({ op: "stat", path: "/ws" })).toBe(true);
    expect(isFileRequest({ op: "write", path: "/ws/x" })).toBe(false);
    expect(isFileRequest({ op: "read", path: "names.txt" })).toBe(false); // relative
    expect(isFileRequest({ op: "read", path: "/ws/a\0b" })).toBe(false);
    expect(isFileRequest({ op: "read", path: "/ws/x", module: "yes" })).toBe(false);
    expect(isFileRequest(null)).toBe(false);
  });

  it("accepts well-formed answers and refuses the rest", () => {
    expect(isFileAnswer({ ok: true, op: "read", bytes: new Uint8Array(3) })).toBe(true);
    expect(isFileAnswer({ ok: true, op: "read", bytes: "abc" })).toBe(false);
    expect(isFileAnswer({ ok: true, op: "stat", kind: "file", size: 3 })).toBe(true);
    expect(isFileAnswer({ ok: true, op: "stat", kind: "socket", size: 3 })).toBe(false);
    expect(isFileAnswer({ ok: true, op: "stat", kind: "file", size: 3, mtime: 1700000000.5 })).toBe(true);
    expect(isFileAnswer({ ok: true, op: "stat", kind: "file", size: 3, mtime: "noon" })).toBe(false);
    expect(isFileAnswer({ ok: true, op: "list", entries: [{ name: "a.py", kind: "file" }] })).toBe(true);
    expect(isFileAnswer({ ok: true, op: "list", entries: [{ name: "../a.py", kind: "file" }] })).toBe(false);
    expect(isFileAnswer({ ok: false, error: "notFound" })).toBe(true);
    expect(isFileAnswer({ ok: false, error: "denied", detail: "why" })).toBe(true);
    expect(isFileAnswer({ ok: false, error: "exploded" })).toBe(false);
    expect(isFileAnswer({ ok: true, op: "read", bytes: { length: MAX_FILE_BYTES + 1 } })).toBe(false);
  });

  it("checks a run's workspace", () => {
    expect(isRunWorkspace({ programPath: "/ws/prog.py", roots: ["/ws"] })).toBe(true);
    expect(isRunWorkspace({ programPath: null, roots: [] })).toBe(true);
    expect(isRunWorkspace({ programPath: "prog.py", roots: ["/ws"] })).toBe(false);
  });
});
