import { describe, expect, it } from "vitest";
import { MemoryFiles } from "../../files/testing/memoryFiles";
import type { Trace } from "../../trace/trace";
import { runProgram } from "../runProgram";
import { withFileAccess } from "./runFileAccess";

const FILES = {
  "/ws/src/prog.py": "",
  "/ws/src/names.txt": "emma\nolivia\nava\n",
  "/ws/data/a.txt": "x\n",
  "/ws/names.txt": "root names\n",
  "/ws2/secret.txt": "not yours\n",
  "/etc/passwd": "root:x:0:0\n",
};

function run(source: string, roots = ["/ws"], programPath: string | null = "/ws/src/prog.py"): Trace {
  // the owner would refuse outside `roots` too; here it knows every file, so the run's own rule is tested
  return withFileAccess(new MemoryFiles(FILES, ["/"]), () =>
    runProgram(source, { workspace: { programPath, roots } }),
  );
}

const denied = (path: string) =>
  `PermissionError: [Errno 13] Permission denied: '${path}' (GradLens programs may only read files inside the workspace)`;

describe("where a program may read", () => {
  it("resolves paths against the program's folder, and may climb within the workspace", () => {
    expect(run("print(open('names.txt').read())\n").stdout).toBe("emma\nolivia\nava\n\n");
    expect(run("print(open('../names.txt').read())\n").stdout).toBe("root names\n\n");
    expect(run("print(open('../data/a.txt').read())\n").stdout).toBe("x\n\n");
    expect(run("print(open('/ws/data/a.txt').read())\n").stdout).toBe("x\n\n");
  });

  it("refuses what lies outside the workspace: `..` escapes, absolute paths, a sibling folder", () => {
    for (const path of ["../../etc/passwd", "/etc/passwd", "../../ws2/secret.txt", "/ws/../ws2/secret.txt"]) {
      const trace = run(`text = open('${path}').read()\n`);
      expect(
        trace.diagnostics.map((d) => d.message),
        path,
      ).toEqual([denied(path)]);
      expect(trace.diagnostics[0].span).toEqual({ from: 7, to: 15 + path.length });
      expect(trace.inputs, path).toBeUndefined(); // nothing was asked
    }
  });

  it("reads in every workspace folder, and none without a workspace", () => {
    expect(run("print(open('/ws2/secret.txt').read())\n", ["/ws", "/ws2"]).stdout).toBe("not yours\n\n");
    expect(run("open('names.txt')\n", []).diagnostics[0].message).toMatch(
      /^PermissionError: .*this program has none\)$/,
    );
  });

  it("reads in the first workspace folder when the program is not saved", () => {
    expect(run("print(open('names.txt').read())\n", ["/ws"], null).stdout).toBe("root names\n\n");
  });

  it("answers os.path and os.listdir from the same view, as CPython words them", () => {
    // recorded from CPython 3.11 in a folder with names.txt (16 bytes) and data/a.txt
    const source = `import os
print(os.path.exists('names.txt'), os.path.exists('data'), os.path.exists('nope'), os.path.isfile('data'), os.path.isdir('data'), os.path.isfile('names.txt'))
print(os.path.getsize('names.txt'), os.listdir('data'), os.path.join('data', 'a.txt'), os.path.splitext('data/a.txt'), os.path.basename('data/a.txt'), os.path.dirname('data/a.txt'))
try:
    os.listdir('nope')
except OSError as e:
    print(type(e).__name__, e)
try:
    os.listdir('names.txt')
except OSError as e:
    print(type(e).__name__, e)
try:
    os.path.getsize('nope')
except OSError as e:
    print(type(e).__name__, e)
`;
    const files = { "/ws/names.txt": "emma\nolivia\nava\n", "/ws/data/a.txt": "x\n" };
    const trace = withFileAccess(new MemoryFiles(files, ["/ws"]), () =>
      runProgram(source, { workspace: { programPath: "/ws/prog.py", roots: ["/ws"] } }),
    );
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe(`True True False False True True
16 ['a.txt'] data/a.txt ('data/a', '.txt') a.txt data
FileNotFoundError [Errno 2] No such file or directory: 'nope'
NotADirectoryError [Errno 20] Not a directory: 'names.txt'
FileNotFoundError [Errno 2] No such file or directory: 'nope'
`);
    // outside the workspace nothing exists, as far as the program can tell
    expect(run("import os\nprint(os.path.exists('/etc/passwd'), os.getcwd())\n").stdout).toBe(
      "False /ws/src\n",
    );
  });
});
