import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../files/fileRequest";
import { answerFromDisk, cliWorkspace, programPath } from "./nodeFileOwner";

let base: string;
let ws: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), "gradlens-owner-")));
  ws = join(base, "ws");
  mkdirSync(join(ws, "data"), { recursive: true });
  writeFileSync(join(ws, "names.txt"), "emma\n");
  writeFileSync(join(base, "secret.txt"), "not yours\n");
  symlinkSync(join(base, "secret.txt"), join(ws, "leak.txt")); // points out of the workspace
  symlinkSync(join(ws, "names.txt"), join(ws, "alias.txt")); // stays inside
  symlinkSync(base, join(ws, "up")); // a folder link out
  // a sparse file past the limit: its size is known without writing it
  writeFileSync(join(ws, "huge.bin"), "");
  truncateSync(join(ws, "huge.bin"), MAX_FILE_BYTES + 1);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("the CLI's files", () => {
  const roots = () => [programPath(ws)];
  const at = (...parts: string[]) => programPath(join(ws, ...parts));

  it("reads, lists and looks at files inside the workspace", () => {
    const read = answerFromDisk({ op: "read", path: at("names.txt") }, roots());
    expect(read.ok && read.op === "read" && new TextDecoder().decode(read.bytes)).toBe("emma\n");
    expect(answerFromDisk({ op: "stat", path: at("data") }, roots())).toEqual({
      ok: true,
      op: "stat",
      kind: "directory",
      size: expect.any(Number),
      mtime: expect.any(Number),
    });
    const list = answerFromDisk({ op: "list", path: at() }, roots());
    expect(list.ok && list.op === "list" && list.entries.map((e) => `${e.name}:${e.kind}`).sort()).toEqual([
      "alias.txt:file",
      "data:directory",
      "huge.bin:file",
      "leak.txt:file",
      "names.txt:file",
      "up:directory",
    ]);
  });

  it("refuses what lies outside, by path or through a symbolic link", () => {
    expect(answerFromDisk({ op: "read", path: programPath(join(base, "secret.txt")) }, roots())).toEqual({
      ok: false,
      error: "denied",
    });
    expect(answerFromDisk({ op: "read", path: at("leak.txt") }, roots())).toEqual({
      ok: false,
      error: "denied",
    });
    expect(answerFromDisk({ op: "read", path: at("up", "secret.txt") }, roots())).toEqual({
      ok: false,
      error: "denied",
    });
    const alias = answerFromDisk({ op: "read", path: at("alias.txt") }, roots());
    expect(alias.ok).toBe(true);
  });

  it("says what is wrong as the program will hear it", () => {
    expect(answerFromDisk({ op: "read", path: at("missing.txt") }, roots())).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(answerFromDisk({ op: "read", path: at("data") }, roots())).toEqual({
      ok: false,
      error: "isDirectory",
    });
    expect(answerFromDisk({ op: "list", path: at("names.txt") }, roots())).toEqual({
      ok: false,
      error: "notDirectory",
    });
    expect(answerFromDisk({ op: "read", path: at("names.txt", "x") }, roots())).toEqual({
      ok: false,
      error: "notDirectory",
    });
    expect(answerFromDisk({ op: "read", path: at("huge.bin") }, roots())).toEqual({
      ok: false,
      error: "tooLarge",
    });
  });

  it("gives a program its own folder, and the current directory when the program lies under it", () => {
    expect(cliWorkspace(join(ws, "prog.py"), ws)).toEqual({ programPath: at("prog.py"), roots: [at()] });
    expect(cliWorkspace("data/prog.py", ws)).toEqual({
      programPath: at("data", "prog.py"),
      roots: [at("data"), at()],
    });
    // run from a folder the program is not in: only the program's folder
    expect(cliWorkspace(join(ws, "prog.py"), join(ws, "data"))).toEqual({
      programPath: at("prog.py"),
      roots: [at()],
    });
    expect(cliWorkspace(join(ws, "prog.py"), base).roots).toEqual([at(), programPath(base)]);
    // a filesystem root is never a workspace of its own accord
    expect(cliWorkspace(join(ws, "prog.py"), "/").roots).toEqual([at()]);
  });

  it("adds the git repository a program is in, wherever it is run from", () => {
    const repo = join(base, "book");
    mkdirSync(join(repo, ".git"), { recursive: true });
    mkdirSync(join(repo, "ch04"));
    const program = join(repo, "ch04", "train.py");
    expect(cliWorkspace(program, join(repo, "ch04")).roots).toEqual([
      programPath(join(repo, "ch04")),
      programPath(repo),
    ]);
    expect(cliWorkspace(program, base).roots).toEqual([programPath(join(repo, "ch04")), programPath(base)]);
  });
});
