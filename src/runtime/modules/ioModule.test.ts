import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

// StringIO: reading, writing, newline modes, seek/tell/truncate, closing, errors
const SOURCE =
  'import io\ns = io.StringIO("a,b\\nc,d\\r\\ne\\rf")\nprint(repr(s.readline()), repr(s.readline()), repr(s.read()))\ns = io.StringIO("a\\r\\nb\\rc\\n", newline=None)\nprint(s.readlines())\ns = io.StringIO("a\\r\\nb\\rc\\n", newline="")\nprint(s.readlines(), repr(s.getvalue()))\ns = io.StringIO()\nprint(s.write("x\\ny"), s.tell(), repr(s.getvalue()), repr(s.read()))\ns.seek(0); print(repr(s.read(1)), s.tell())\ns = io.StringIO(newline=None); s.write("a\\r\\nb\\r"); print(repr(s.getvalue()))\ns = io.StringIO(newline="\\r\\n"); s.write("a\\nb"); print(repr(s.getvalue()))\ns = io.StringIO("hello"); s.write("J"); print(repr(s.getvalue()))\ns = io.StringIO("hello"); s.seek(10); s.write("!"); print(repr(s.getvalue()))\ns = io.StringIO("hello world"); s.seek(5); print(s.truncate(), repr(s.getvalue()))\nwith io.StringIO("l1\\nl2\\n") as f:\n    for line in f: print(repr(line))\nprint(f.closed)\ntry: f.read()\nexcept ValueError as e: print("ValueError", e)\ntry: io.StringIO(1)\nexcept TypeError as e: print("TypeError", e)\ns = io.StringIO(); s.writelines(["a", "b"]); print(s.getvalue())\ntry: s.write(3)\nexcept TypeError as e: print("TypeError", e)\nprint(io.StringIO("x").readable(), io.StringIO("x").writable(), io.StringIO("x").seekable())\ns=io.StringIO("abc"); print(s.seek(0,2), s.tell())\ntry: s.seek(1,1)\nexcept OSError as e: print(type(e).__name__, e)\ntry: io.StringIO("a", newline="x")\nexcept ValueError as e: print("ValueError", e)\nprint(io.StringIO("a\\nb").readline(1))\n';

// what CPython 3.11 printed for SOURCE
const CPYTHON =
  "'a,b\\n' 'c,d\\r\\n' 'e\\rf'\n['a\\n', 'b\\n', 'c\\n']\n['a\\r\\n', 'b\\r', 'c\\n'] 'a\\r\\nb\\rc\\n'\n3 3 'x\\ny' ''\n'x' 1\n'a\\nb\\n'\n'a\\r\\nb'\n'Jello'\n'hello\\x00\\x00\\x00\\x00\\x00!'\n5 'hello'\n'l1\\n'\n'l2\\n'\nTrue\nValueError I/O operation on closed file\nTypeError initial_value must be str or None, not int\nab\nTypeError string argument expected, got 'int'\nTrue True True\n3 3\nOSError Can't do nonzero cur-relative seeks\nValueError illegal newline value: 'x'\na\n";

const run = (source: string) => runProgram(source);

describe("io.StringIO", () => {
  it("prints what CPython prints", () => {
    const trace = run(SOURCE);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(CPYTHON);
  });
});
