import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { nodeWorkspaceFiles } from "./nodeFiles";

const root = mkdtempSync(join(tmpdir(), "gradlens-files-"));
mkdirSync(join(root, "data"));
writeFileSync(join(root, "data", "names.txt"), "emma\n");
writeFileSync(join(root, "train.py"), "");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the CLI's view of the real files", () => {
  it("shows what is under the folder, read-only, and nothing outside it", () => {
    const files = nodeWorkspaceFiles(root);
    expect(files.kind(`${files.cwd}/data`)).toBe("dir");
    expect(files.kind(`${files.cwd}/data/names.txt`)).toBe("file");
    expect(files.kind(`${files.cwd}/missing.txt`)).toBeNull();
    expect(files.list(files.cwd)?.sort()).toEqual(["data", "train.py"]);
    expect(files.kind("/etc/passwd")).toBeNull();
    expect(files.list("/")).toBeNull();
  });

  it("answers a program's os.path.exists and os.listdir", () => {
    const trace = runProgram(
      "import os\nprint(os.path.exists('data/names.txt'), sorted(os.listdir('data')), os.path.isdir('..'))\n",
      {
        files: nodeWorkspaceFiles(root),
      },
    );
    expect(trace.stdout).toBe("True ['names.txt'] False\n");
  });
});
