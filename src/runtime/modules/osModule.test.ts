import { describe, expect, it } from "vitest";
import { MemoryFiles } from "../../files/testing/memoryFiles";
import type { RunOptions } from "../runApi";
import { withFileAccess } from "../files/runFileAccess";
import { runProgram } from "../runProgram";

const FILES_PROGRAM = `import os
print(os.getcwd(), os.path.exists('data'), os.path.isdir('data'), os.path.isfile('data/train.txt'), os.path.exists('nope.txt'), os.path.isfile('data'))
print(sorted(os.listdir('data')), sorted(os.listdir()), os.path.abspath('data/../model.py'))
for root, dirs, files in os.walk('data'):
    dirs.sort()
    print(root, dirs, sorted(files))
try:
    os.listdir('missing')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
try:
    os.listdir('model.py')
except NotADirectoryError as e:
    print('NotADirectoryError', e)
os.chdir('data')
print(os.getcwd(), os.path.exists('train.txt'), os.path.relpath('/ws/model.py'))
`;

// recorded from CPython 3.11 run in a folder holding the same files (its path shown as /ws)
const FILES_STDOUT = `/ws True True True False False
['sub', 'train.txt'] ['data', 'model.py'] /ws/model.py
data ['sub'] ['train.txt']
data/sub [] ['x.csv']
FileNotFoundError [Errno 2] No such file or directory: 'missing'
NotADirectoryError [Errno 20] Not a directory: 'model.py'
/ws/data True ../model.py
`;

const FILES = { "/ws/data/train.txt": "emma\n", "/ws/data/sub/x.csv": "1,2\n", "/ws/model.py": "" };
/** The program is /ws/prog.py, in the workspace folder /ws. */
const IN_WS: RunOptions = { workspace: { programPath: "/ws/prog.py", roots: ["/ws"] } };

describe("os and the workspace's files", () => {
  it("answers exists, isfile, isdir, listdir, walk and chdir from the workspace's files", () => {
    const trace = withFileAccess(new MemoryFiles(FILES), () => runProgram(FILES_PROGRAM, IN_WS));
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe(FILES_STDOUT);
  });

  it("asks the files with absolute, normalised paths, and open() follows os.chdir", () => {
    const files = new MemoryFiles(FILES);
    const trace = withFileAccess(files, () =>
      runProgram(
        "import os\nprint(os.path.getsize('data/train.txt'), os.path.isfile('./data/../data/train.txt'))\nos.chdir('data')\nprint(open('train.txt').read(), end='')\n",
        IN_WS,
      ),
    );
    expect(trace.diagnostics).toEqual([]);
    // recorded from CPython 3.11 in a folder holding the same files
    expect(trace.stdout).toBe("5 True\nemma\n");
    const asked = files.asked.map((r) => r.path);
    expect(asked).toContain("/ws/data/train.txt");
    expect(asked.every((p) => p.startsWith("/") && !p.includes("/../") && !p.includes("//"))).toBe(true);
  });

  it("sees no files at all by default", () => {
    const trace = runProgram(
      "import os\nprint(os.getcwd(), os.path.exists('/'), os.path.exists('x.py'))\nos.listdir('.')\n",
    );
    expect(trace.stdout).toBe("/ False False\n");
    expect(trace.diagnostics[0].message).toBe("FileNotFoundError: [Errno 2] No such file or directory: '.'");
  });

  it("refuses to change files or run processes with a PermissionError the program may catch", () => {
    const trace = runProgram(`import os
for f in [lambda: os.remove('x'), lambda: os.makedirs('out', exist_ok=True), lambda: os.system('ls'), lambda: os.popen('ls')]:
    try:
        f()
    except PermissionError as e:
        print(type(e).__name__, e)
os.mkdir('out')
`);
    expect(trace.stdout).toBe(
      [
        "PermissionError GradLens programs may not change files or run processes (os.remove was called)",
        "PermissionError GradLens programs may not change files or run processes (os.makedirs was called)",
        "PermissionError GradLens programs may not change files or run processes (os.system was called)",
        "PermissionError GradLens programs may not change files or run processes (os.popen was called)",
        "",
      ].join("\n"),
    );
    expect(trace.ok).toBe(false);
    expect(trace.diagnostics[0].message).toBe(
      "PermissionError: GradLens programs may not change files or run processes (os.mkdir was called)",
    );
  });
});
