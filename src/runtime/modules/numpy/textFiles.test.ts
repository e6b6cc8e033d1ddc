import { describe, expect, it } from "vitest";
import { MemoryFiles } from "../../../files/testing/memoryFiles";
import { withFileAccess } from "../../files/runFileAccess";
import { runProgram } from "../../runProgram";

const FILES = {
  "/ws/data/a.txt": "# x y z\n1 2 3\n4 5 6\n\n7 8 9 # tail\n",
  "/ws/data/b.csv": "a,b,c\n1.5,2,-3e2\n3,,inf\n,4,5\n",
  "/ws/data/empty.txt": "",
};

/** The program is /ws/prog.py, in the workspace folder /ws. */
const run = (source: string) =>
  withFileAccess(new MemoryFiles(FILES), () =>
    runProgram(source, { workspace: { programPath: "/ws/prog.py", roots: ["/ws"] } }),
  );

const PROGRAM =
  "import numpy as np\na = np.loadtxt('data/a.txt')\nprint(repr(a), a.dtype, a.shape)\nprint(repr(np.loadtxt('data/a.txt', usecols=(0, -1), dtype=int)))\nx, y, z = np.loadtxt('data/a.txt', unpack=True)\nprint(x, y, z)\nprint(repr(np.loadtxt('data/a.txt', skiprows=2)), repr(np.loadtxt('data/a.txt', usecols=1)))\nprint(repr(np.loadtxt('data/a.txt', ndmin=2, skiprows=4)), repr(np.loadtxt(['5'])), repr(np.loadtxt(['5'], ndmin=1)))\nprint(repr(np.loadtxt(['1', '2'], ndmin=2)), repr(np.loadtxt(['1;2 % c'], delimiter=';', comments=['#', '%'])))\nwith open('data/b.csv') as f:\n    print(repr(np.loadtxt(f, delimiter=',', skiprows=1, max_rows=1, dtype=np.float32)))\nprint(repr(np.genfromtxt('data/b.csv', delimiter=',', skip_header=1)))\nprint(repr(np.genfromtxt('data/b.csv', delimiter=',', skip_header=1, usecols=(1,), dtype=int)))\nprint(repr(np.genfromtxt(['1 x 3', '# c', '4 5 6'], skip_footer=1)))\nprint(repr(np.genfromtxt(['1,2', '3,4'], delimiter=',', unpack=True)))\nfor f in [lambda: np.loadtxt(['1,2', '3'], delimiter=','), lambda: np.loadtxt(['# c', '1 2', '3 x']),\n          lambda: np.loadtxt(['1 2'], usecols=5), lambda: np.loadtxt('data/missing.txt'),\n          lambda: np.genfromtxt(['1 2', '3 4 5', '6 7']), lambda: np.loadtxt([1, 2])]:\n    try:\n        f()\n    except Exception as e:\n        print(type(e).__name__, e)\nprint(repr(np.loadtxt('data/empty.txt')))\n";

// recorded from numpy 1.24.2 (Debian's /usr/bin/python3) in a folder holding the same files
const EXPECTED =
  "array([[1., 2., 3.],\n       [4., 5., 6.],\n       [7., 8., 9.]]) float64 (3, 3)\narray([[1, 3],\n       [4, 6],\n       [7, 9]])\n[1. 4. 7.] [2. 5. 8.] [3. 6. 9.]\narray([[4., 5., 6.],\n       [7., 8., 9.]]) array([2., 5., 8.])\narray([[7., 8., 9.]]) array(5.) array([5.])\narray([[1.],\n       [2.]]) array([1., 2.])\narray([   1.5,    2. , -300. ], dtype=float32)\narray([[   1.5,    2. , -300. ],\n       [   3. ,    nan,    inf],\n       [   nan,    4. ,    5. ]])\narray([ 2, -1,  4])\narray([ 1., nan,  3.])\narray([[1., 3.],\n       [2., 4.]])\nValueError the number of columns changed from 2 to 1 at row 2; use `usecols` to select a subset and avoid this error\nValueError could not convert string 'x' to float64 at row 1, column 2.\nValueError invalid column index 5 at row 1 with 2 columns\nFileNotFoundError data/missing.txt not found.\nValueError Some errors were detected !\n    Line #2 (got 3 columns instead of 2)\nTypeError non-string returned while reading data\narray([], dtype=float64)\n";

describe("np.loadtxt and np.genfromtxt", () => {
  it("read numbers from the workspace's files, open files and lists of lines, as numpy does", () => {
    const trace = run(PROGRAM);
    expect(trace.stdout).toBe(EXPECTED);
    expect(trace.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ["warning", 'UserWarning: loadtxt: input contained no data: "data/empty.txt"'],
    ]);
    // a change to the file re-runs the program
    expect(trace.inputs).toContain("/ws/data/a.txt");
  });

  it("read only inside the workspace, and say what they do not model", () => {
    const outside = run("import numpy as np\nnp.loadtxt('../outside.txt')\n");
    expect(outside.diagnostics[0].message).toBe(
      "PermissionError: [Errno 13] Permission denied: '../outside.txt' (GradLens programs may only read files inside the workspace)",
    );
    const strings = run("import numpy as np\nnp.loadtxt(['a b'], dtype=str)\n");
    expect(strings.diagnostics[0].code).toBe("unsupported");
  });
});
