import { describe, expect, it } from "vitest";
import { CachedFileAccess } from "../../files/fileAccess";
import { FILE_WAIT_MS, MAX_FILE_BYTES, type FileAnswer } from "../../files/fileRequest";
import { MemoryFiles } from "../../files/testing/memoryFiles";
import type { Trace } from "../../trace/trace";
import { runProgram } from "../runProgram";
import { withFileAccess } from "./runFileAccess";

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

/** The files the recorded program reads, byte for byte as CPython read them. */
const FILES: Record<string, Uint8Array> = {
  "/ws/nl.txt": bytes("ab\ncd\r\nef\rgh"),
  "/ws/bad.txt": bytes("abc", [0xff], "def"),
  "/ws/big.bin": bytes("a".repeat(10000), [0xff], "b".repeat(10)),
  // a two-byte character cut by the first 8,192-byte chunk, and a \r\n cut by the second
  "/ws/split.bin": bytes("x".repeat(8191), "\u00e9\r", "y".repeat(8190), "\r\nz"),
  "/ws/latin.txt": bytes("caf", [0xe9], " na", [0xef], "ve\n"),
  "/ws/bom.txt": bytes([0xef, 0xbb, 0xbf], "hello\n"),
  "/ws/names.txt": bytes("emma\nolivia\nava\n"),
};

function run(
  source: string,
  files: Record<string, string | Uint8Array> = FILES,
  memoryBudgetMb?: number,
): Trace {
  return withFileAccess(new MemoryFiles(files, ["/ws"]), () =>
    runProgram(source, { workspace: { programPath: "/ws/prog.py", roots: ["/ws"] }, memoryBudgetMb }),
  );
}

const only = (trace: Trace) => trace.diagnostics.map((d) => d.message);

// Each line of PROGRAM and what CPython 3.11 printed for it, recorded in a folder with FILES.
const PROGRAM = `def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(lambda: open('nl.txt').read())
t(lambda: open('nl.txt').readlines())
t(lambda: list(open('nl.txt')))
t(lambda: open('nl.txt', newline='').readlines())
t(lambda: open('nl.txt', newline='\\r').readlines())
t(lambda: open('nl.txt', newline='\\r\\n').readlines())
t(lambda: open('nl.txt', newline='\\n').readlines())
t(lambda: open('bad.txt').read())
t(lambda: open('bad.txt', encoding='ascii').read())
t(lambda: open('bad.txt', encoding='latin-1').read())
t(lambda: open('bad.txt', errors='replace').read())
t(lambda: open('bad.txt', errors='ignore').read())
t(lambda: open('bad.txt', errors='backslashreplace').read())
t(lambda: open('bad.txt', errors='bogus').read())
t(lambda: open('big.bin').read(5))
t(lambda: open('big.bin').read())
t(lambda: open('big.bin').readline())
t(lambda: len(open('split.bin').read()))
t(lambda: [len(l) for l in open('split.bin')])
t(lambda: open('split.bin').read().count('\\n'))
t(lambda: open('latin.txt', encoding='latin-1').read())
t(lambda: open('latin.txt').read())
t(lambda: [ord(c) for c in open('bom.txt').read()[:2]])
t(lambda: open('bom.txt', encoding='utf-8-sig').read())
t(lambda: open('nl.txt', encoding='foo'))
f = open('nl.txt')
t(lambda: (f.read(3), f.readline(), f.readline(1), f.readline(), f.read(), f.read(), f.readline()))
t(lambda: (f.name, f.mode, f.closed, f.encoding, f.errors))
g = open('nl.txt')
g.read()
t(lambda: g.newlines)
f.close()
t(lambda: f.read())
t(lambda: f.readline())
t(lambda: list(f))
t(lambda: f.closed)
with open('names.txt') as h:
    first = next(h)
    rest = [line.strip() for line in h]
t(lambda: (first, rest, h.closed))
t(lambda: next(open('names.txt'), None))
e = open('names.txt'); e.read()
t(lambda: next(e, 'done'))
t(lambda: next(e))
t(lambda: open('names.txt').readlines(6))
t(lambda: open('names.txt', 'r').read().splitlines())
t(lambda: 'a\\nb\\r\\nc\\rd\\x0be\\x0cf\\x1cg\\x85h\\u2028i'.splitlines())
t(lambda: 'a\\nb\\r\\nc\\n'.splitlines(True))
t(lambda: 'a\\nb'.splitlines(keepends=True))
t(lambda: ''.splitlines())
t(lambda: open('nl.txt', 'rw'))
t(lambda: open('nl.txt', 'q'))
t(lambda: open('nl.txt', 'r', 0))
t(lambda: open(3.5))
t(lambda: open())
t(lambda: open('nl.txt', foo=1))
t(lambda: open('nl.txt', 'rb', encoding='utf-8'))
t(lambda: open('names.txt').read(-1))
t(lambda: open('names.txt').read(None))
t(lambda: open('names.txt').read('3'))
t(lambda: open('names.txt').readline(None))
t(lambda: open('nl.txt/x'))
t(lambda: open(''))
t(lambda: open('missing.txt'))
t(lambda: open('.'))
t(lambda: repr(open('names.txt', encoding='utf-8')))
`;

const CPYTHON_OUTPUT = `OK 'ab\\ncd\\nef\\ngh'
OK ['ab\\n', 'cd\\n', 'ef\\n', 'gh']
OK ['ab\\n', 'cd\\n', 'ef\\n', 'gh']
OK ['ab\\n', 'cd\\r\\n', 'ef\\r', 'gh']
OK ['ab\\ncd\\r', '\\nef\\r', 'gh']
OK ['ab\\ncd\\r\\n', 'ef\\rgh']
OK ['ab\\n', 'cd\\r\\n', 'ef\\rgh']
UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 3: invalid start byte
UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 3: ordinal not in range(128)
OK 'abcÿdef'
OK 'abc�def'
OK 'abcdef'
OK 'abc\\\\xffdef'
LookupError: unknown error handler name 'bogus'
OK 'aaaaa'
UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 10000: invalid start byte
UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1808: invalid start byte
OK 16385
OK [8193, 8191, 1]
OK 2
OK 'café naïve\\n'
UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 3: invalid continuation byte
OK [65279, 104]
OK 'hello\\n'
LookupError: unknown encoding: foo
OK ('ab\\n', 'cd\\n', 'e', 'f\\n', 'gh', '', '')
OK ('nl.txt', 'r', False, 'UTF-8', 'strict')
OK ('\\r', '\\n', '\\r\\n')
ValueError: I/O operation on closed file.
ValueError: I/O operation on closed file.
ValueError: I/O operation on closed file.
OK True
OK ('emma\\n', ['olivia', 'ava'], True)
OK 'emma\\n'
OK 'done'
StopIteration: 
OK ['emma\\n', 'olivia\\n']
OK ['emma', 'olivia', 'ava']
OK ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
OK ['a\\n', 'b\\r\\n', 'c\\n']
OK ['a\\n', 'b']
OK []
ValueError: must have exactly one of create/read/write/append mode
ValueError: invalid mode: 'q'
ValueError: can't have unbuffered text I/O
TypeError: expected str, bytes or os.PathLike object, not float
TypeError: open() missing required argument 'file' (pos 1)
TypeError: 'foo' is an invalid keyword argument for open()
ValueError: binary mode doesn't take an encoding argument
OK 'emma\\nolivia\\nava\\n'
OK 'emma\\nolivia\\nava\\n'
TypeError: argument should be integer or None, not 'str'
TypeError: 'NoneType' object cannot be interpreted as an integer
NotADirectoryError: [Errno 20] Not a directory: 'nl.txt/x'
FileNotFoundError: [Errno 2] No such file or directory: ''
FileNotFoundError: [Errno 2] No such file or directory: 'missing.txt'
IsADirectoryError: [Errno 21] Is a directory: '.'
OK "<_io.TextIOWrapper name='names.txt' mode='r' encoding='utf-8'>"
`;

describe("open() for reading text", () => {
  it("reads, decodes and splits lines as CPython's TextIOWrapper does, errors and all", () => {
    const trace = run(PROGRAM);
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe(CPYTHON_OUTPUT);
  });

  it("reads the makemore way: open('names.txt', 'r').read().splitlines()", () => {
    const trace = run("words = open('names.txt', 'r').read().splitlines()\nprint(len(words), words[:2])\n");
    expect(trace.stdout).toBe("3 ['emma', 'olivia']\n");
    expect(trace.variables.words).toEqual(["emma", "olivia", "ava"]);
    expect(trace.inputs).toEqual(["/ws/names.txt"]);
  });

  it("closes the file at the end of a with block, even when the block raises", () => {
    const source =
      "try:\n    with open('names.txt') as f:\n        raise ValueError('x')\nexcept ValueError:\n    pass\nprint(f.closed)\nf.read()\n";
    const trace = run(source);
    expect(trace.stdout).toBe("True\n");
    expect(only(trace)).toEqual(["ValueError: I/O operation on closed file."]);
    expect(trace.diagnostics[0].span).toEqual({
      from: source.indexOf("f.read()"),
      to: source.indexOf("f.read()") + 8,
    });
  });

  it("refuses to write, with CPython's PermissionError and GradLens's reason", () => {
    for (const mode of ["w", "a", "x", "r+", "wb", "w+"]) {
      const trace = run(`f = open('out.txt', '${mode}')\n`);
      expect(only(trace), mode).toEqual([
        "PermissionError: [Errno 13] Permission denied: 'out.txt' (GradLens programs cannot write files)",
      ]);
      expect(trace.diagnostics[0].span).toEqual({ from: 4, to: 23 + mode.length });
    }
    // a program may catch it as the OSError it is
    expect(run("try:\n    open('out.txt', 'w')\nexcept OSError as e:\n    print(e)\n").stdout).toBe(
      "[Errno 13] Permission denied: 'out.txt'\n",
    );
    expect(only(run("f = open('names.txt')\nf.write('x')\n"))).toEqual([
      "OSError: not writable (GradLens programs cannot write files)",
    ]);
  });

  it("reads again from the start after seek(0), as csv.Sniffer's recipe does; other seeks are reported", () => {
    const files = { "/ws/crlf.txt": bytes([0xef, 0xbb, 0xbf], "ab\r\ncd\n") };
    const source = `f = open('crlf.txt', encoding='utf-8-sig')
print(repr(f.read(3)), f.seek(0), repr(f.read()), f.seek(0), repr(f.readline()), list(f))
f.seek(0)
print([line for line in f])
with open('crlf.txt', newline='') as g:
    print(repr(g.readline()), g.seek(0, 0), repr(g.read()))
f.seek(3)
`;
    const trace = run(source, files);
    // recorded from CPython 3.11 (up to the last line, which CPython would run)
    expect(trace.stdout).toBe(`'ab\\n' 0 'ab\\ncd\\n' 0 'ab\\n' ['cd\\n']
['ab\\n', 'cd\\n']
'\\ufeffab\\r\\n' 0 '\\ufeffab\\r\\ncd\\n'
`);
    expect(only(trace)).toEqual([
      "NotImplementedError: TextIOWrapper.seek() is supported by GradLens only to the start (seek(0)): files are read front to back",
    ]);
  });

  it("does not read bytes (binary mode), which GradLens has not got", () => {
    const trace = run("data = open('names.txt', 'rb').read()\n");
    expect(trace.diagnostics[0].code).toBe("unsupported");
    expect(trace.diagnostics[0].message).toMatch(/binary mode \('rb'\) is not supported by GradLens/);
    expect(trace.diagnostics[0].span).toEqual({ from: 7, to: 30 }); // the open(...) call
  });

  it("says which encodings it lacks instead of decoding them wrongly", () => {
    const trace = run("open('names.txt', encoding='utf-16').read()\n");
    expect(trace.diagnostics[0].code).toBe("unsupported");
    expect(trace.diagnostics[0].message).toMatch(/'utf-16' is not supported by GradLens/);
    expect(run("print(open('latin.txt', encoding='ISO-8859-1').read())\n").stdout).toBe(
      "caf\u00e9 na\u00efve\n\n",
    );
  });

  it("charges what it reads against the memory budget", () => {
    const big = "x".repeat(40 * 1024 * 1024);
    const trace = run(
      "text = open('big.txt').read()\nparts = [text + str(i) for i in range(10)]\n",
      { "/ws/big.txt": big },
      64,
    );
    expect(only(trace)).toEqual(["MemoryError"]);
  });

  it("reports a file too large to read, and a read nobody answered, as located OSErrors", () => {
    const answering = (answer: FileAnswer) => ({ ask: () => answer });
    const program = "x = 1\ntext = open('names.txt').read()\n";
    const at = { from: 13, to: 30 };
    const tooLarge = withFileAccess(answering({ ok: false, error: "tooLarge" }), () =>
      runProgram(program, { workspace: { programPath: "/ws/prog.py", roots: ["/ws"] } }),
    );
    expect(tooLarge.diagnostics.map((d) => [d.message, d.span])).toEqual([
      [
        `OSError: [Errno 27] File too large: 'names.txt' (GradLens programs may read files of at most ${MAX_FILE_BYTES / 1024 / 1024} MB)`,
        at,
      ],
    ]);
    const timeout = withFileAccess(answering({ ok: false, error: "timeout" }), () =>
      runProgram(program, { workspace: { programPath: "/ws/prog.py", roots: ["/ws"] } }),
    );
    expect(timeout.diagnostics.map((d) => [d.message, d.span])).toEqual([
      [
        `OSError: [Errno 5] Input/output error: 'names.txt' (GradLens asked for this file and got no answer within ${FILE_WAIT_MS / 1000} seconds)`,
        at,
      ],
    ]);
  });

  it("reads nothing when no one answers for the run's files (no workspace)", () => {
    const trace = runProgram("open('names.txt')\n");
    expect(only(trace)).toEqual([
      "PermissionError: [Errno 13] Permission denied: 'names.txt' (GradLens programs may only read files inside the workspace, and this program has none)",
    ]);
  });

  it("asks for a file once per request however often the program (or its re-runs) reads it", () => {
    const files = new MemoryFiles(FILES, ["/ws"]);
    const cached = new CachedFileAccess(files);
    const options = { workspace: { programPath: "/ws/prog.py", roots: ["/ws"] } };
    const source = "a = open('names.txt').read()\nb = open('names.txt').read()\nprint(a == b)\n";
    const traces = withFileAccess(cached, () => [runProgram(source, options), runProgram(source, options)]);
    expect(traces.map((t) => t.stdout)).toEqual(["True\n", "True\n"]);
    expect(files.asked).toEqual([{ op: "read", path: "/ws/names.txt", module: false }]);
  });
});
