import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

describe("sys", () => {
  it("describes CPython 3.11 on Linux", () => {
    const trace = runProgram(`import sys
print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, sys.maxsize, sys.platform, sys.getrecursionlimit())
print(sys.float_info.epsilon, sys.float_info.max, sys.float_info)
print(sys.version_info, type(sys.argv), len(sys.path), 'sys' in sys.modules, sys.byteorder)
`);
    expect(trace.diagnostics).toEqual([]);
    // recorded from CPython 3.11.2
    expect(trace.stdout).toBe(`True (3, 11) 3 9223372036854775807 linux 1000
2.220446049250313e-16 1.7976931348623157e+308 sys.float_info(max=1.7976931348623157e+308, max_exp=1024, max_10_exp=308, min=2.2250738585072014e-308, min_exp=-1021, min_10_exp=-307, dig=15, mant_dig=53, epsilon=2.220446049250313e-16, radix=2, rounds=1)
sys.version_info(major=3, minor=11, micro=2, releaselevel='final', serial=0) <class 'list'> 1 True little
`);
  });

  it("gives argv as the program's name", () => {
    expect(runProgram("import sys\nprint(sys.argv)\n", { fileName: "train.py" }).stdout).toBe(
      "['train.py']\n",
    );
    expect(runProgram("import sys\nprint(sys.argv)\n").stdout).toBe("['']\n");
  });

  it("writes sys.stdout, sys.stderr and print(file=...) to the program's output, as a terminal shows both", () => {
    const trace = runProgram(`import sys
print(sys.stdout.write('hi\\n'))
print('warn', 1, sep='-', end='!\\n', file=sys.stderr)
sys.stderr.write('e\\n')
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print(1, 2, file=w)
print(w.parts, file=sys.stdout, flush=True)
`);
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe("hi\n3\nwarn-1!\ne\n['1', ' ', '2', '\\n']\n");
  });

  it("ends the run cleanly on sys.exit(), with the status noted when it is not 0", () => {
    const clean = runProgram("import sys\nprint('before')\nsys.exit(0)\nprint('after')\n");
    expect(clean.ok).toBe(true);
    expect(clean.stdout).toBe("before\n");
    expect(clean.diagnostics).toEqual([]);
    const failed = runProgram("import sys\nsys.exit(3)\n");
    expect(failed.ok).toBe(true);
    expect(failed.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ["info", "The program exited with status 3 (SystemExit)"],
    ]);
    const message = runProgram("exit('bad data')\n");
    expect(message.diagnostics[0].message).toBe("SystemExit: bad data (the program exited with status 1)");
  });

  it("lets a program catch SystemExit and read its code", () => {
    const trace = runProgram(`import sys
for call in [lambda: sys.exit(3), lambda: sys.exit(), lambda: quit()]:
    try:
        call()
    except SystemExit as e:
        print('exit', e.code, repr(e))
try:
    raise ValueError('x')
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
print(sys.exc_info())
`);
    // recorded from CPython 3.11
    expect(trace.stdout).toBe(
      "exit 3 SystemExit(3)\nexit None SystemExit()\nexit None SystemExit(None)\nValueError x\n(None, None, None)\n",
    );
  });

  it("honours setrecursionlimit", () => {
    const trace = runProgram(`import sys
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
sys.setrecursionlimit(50)
print(sys.getrecursionlimit())
try:
    deep(60)
except RecursionError:
    print('too deep')
sys.setrecursionlimit(1000)
print(deep(500))
`);
    expect(trace.stdout).toBe("50\ntoo deep\n500\n");
  });
});
