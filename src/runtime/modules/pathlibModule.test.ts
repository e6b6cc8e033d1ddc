import { describe, expect, it } from "vitest";
import { MemoryFiles } from "../../files/testing/memoryFiles";
import { withFileAccess } from "../files/runFileAccess";
import { runProgram } from "../runProgram";

// pathlib: pure path arithmetic, reading through open(), glob/rglob/iterdir, errors
const SOURCE =
  "from pathlib import Path, PurePath, PosixPath\nimport csv\np = Path('data') / 'people.csv'\nprint(p, repr(p), p.name, p.stem, p.suffix, p.parent, repr(p.parent), p.parts)\nprint(p.exists(), p.is_file(), p.is_dir(), Path('data').is_dir(), Path('nope.txt').exists())\nprint(repr(p.read_text()))\nwith p.open() as f:\n    print(list(csv.DictReader(f)))\nwith open(p) as f: print(f.readline().strip())\nprint(sorted(str(q) for q in Path('data').glob('*.txt')))\nprint(sorted(str(q) for q in Path('data').glob('**/*.txt')))\nprint(sorted(str(q) for q in Path('data').rglob('*.txt')))\nprint(sorted(str(q) for q in Path('data').glob('*')))\nprint(sorted(q.name for q in Path('data').iterdir()))\nprint(Path('a/b.tar.gz').suffixes, Path('a/b.tar.gz').stem, Path('.bashrc').suffix, Path('a/').name, Path('/').name)\nprint(Path(), repr(Path()), Path('.').parent, Path('/').parent, Path('a').parent)\nprint(Path('a', 'b', 'c'), Path('/x') / '/y', 'pre' / Path('x'), Path('a//b/./c'), Path('a/../b'))\nprint(Path('a/b.txt').with_suffix('.csv'), Path('a/b.txt').with_name('c.py'), Path('a/b.txt').with_stem('z'))\nprint(Path('a') == Path('a/'), Path('a') == 'a', Path('a') < Path('b'))\nprint(Path('/a/b').is_absolute(), Path('a').is_absolute(), Path('/a/b/c').relative_to('/a'))\nprint(Path('a/b').joinpath('c', 'd'), list(Path('a/b/c').parents), Path('a/b').as_posix())\nprint(str(Path('data').resolve()) == str(Path.cwd() / 'data'), Path('data').absolute() == Path.cwd() / 'data')\nprint(Path('data/notes.txt').read_text().splitlines())\ntry: Path('missing.txt').read_text()\nexcept FileNotFoundError as e: print('FileNotFoundError', e)\ntry: Path('a').with_suffix('x')\nexcept ValueError as e: print('ValueError', e)\ntry: Path('/a/b').relative_to('/c')\nexcept ValueError as e: print('ValueError', e)\ntry: Path('a') / 3\nexcept TypeError as e: print('TypeError', e)\ntry: Path(3)\nexcept TypeError as e: print('TypeError', e)\nprint(Path('data/people.csv').match('*.csv'), Path('data/people.csv').match('data/*.csv'), Path('a/b').match('a'))\nprint(isinstance(Path('a'), PurePath), type(Path('a')).__name__, Path('~').name)\nprint(Path('data') / Path('x.txt'), Path('data', Path('y')), Path('data').joinpath(Path('/abs')))\nprint(Path('data').stat().st_size > 0 if False else 'skip')\nprint(sorted(p.name for p in Path('.').glob('data/*.csv')))\nprint(Path('x.py').stem, Path('').suffix, Path('a.b.').suffix, Path('a..b').suffix, Path('..').name)\n";

// what CPython 3.11 printed for SOURCE in a folder holding FILES
const CPYTHON =
  "data/people.csv PosixPath('data/people.csv') people.csv people .csv data PosixPath('data') ('data', 'people.csv')\nTrue True False True False\n'name,age\\nann,3\\nbob,4\\n'\n[{'name': 'ann', 'age': '3'}, {'name': 'bob', 'age': '4'}]\nname,age\n['data/notes.txt']\n['data/notes.txt', 'data/sub/deep.txt']\n['data/notes.txt', 'data/sub/deep.txt']\n['data/notes.txt', 'data/people.csv', 'data/sub']\n['notes.txt', 'people.csv', 'sub']\n['.tar', '.gz'] b.tar  a \n. PosixPath('.') . / .\na/b/c /y pre/x a/b/c a/../b\na/b.csv a/c.py a/z.txt\nTrue False True\nTrue False b/c\na/b/c/d [PosixPath('a/b'), PosixPath('a'), PosixPath('.')] a/b\nTrue True\n['hello', 'world']\nFileNotFoundError [Errno 2] No such file or directory: 'missing.txt'\nValueError Invalid suffix 'x'\nValueError '/a/b' is not in the subpath of '/c' OR one path is relative and the other is absolute.\nTypeError unsupported operand type(s) for /: 'PosixPath' and 'int'\nTypeError expected str, bytes or os.PathLike object, not int\nTrue True False\nTrue PosixPath ~\ndata/x.txt data/y /abs\nskip\n['people.csv']\nx   .b ..\n";

const FILES: Record<string, string> = {
  "/ws/data/people.csv": "name,age\nann,3\nbob,4\n",
  "/ws/data/notes.txt": "hello\nworld\n",
  "/ws/data/sub/deep.txt": "x\n",
};

const run = (source: string) =>
  withFileAccess(new MemoryFiles(FILES, ["/ws"]), () =>
    runProgram(source, { workspace: { programPath: "/ws/prog.py", roots: ["/ws"] } }),
  );

describe("pathlib", () => {
  it("prints what CPython prints", () => {
    const trace = run(SOURCE);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(CPYTHON);
  });

  it("reads only inside the workspace and never writes, as open() and os do", () => {
    const source = `from pathlib import Path
import csv
for f in [lambda: Path('/etc/passwd').read_text(), lambda: Path('x.txt').write_text('a'), lambda: Path('d').mkdir(), lambda: Path('/etc').exists(), lambda: csv.writer(open('data/notes.txt')).writerow([1])]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(Path('data/notes.txt').read_bytes())
`;
    const trace = run(source);
    expect(trace.stdout).toBe(
      [
        "PermissionError [Errno 13] Permission denied: '/etc/passwd'",
        "PermissionError GradLens programs may not change files (Path.write_text was called)",
        "PermissionError GradLens programs may not change files (Path.mkdir was called)",
        "False",
        "OSError not writable",
        "",
      ].join("\n"),
    );
    // bytes are not modelled: a located stop at the program's own line, not a crash
    const lineOf = (offset: number) => source.slice(0, offset).split("\n").length;
    expect(trace.diagnostics.map((d) => [d.message, d.span && lineOf(d.span.from)])).toEqual([
      ["Reading a file in binary mode ('rb') is not supported by GradLens", 6],
    ]);
  });

  it("hashes paths (equal paths are one dict key), stats files, and has no home directory", () => {
    const source = `from pathlib import Path, PurePath
import os
seen = {Path('data/people.csv'): 1, Path('data'): 2}
print(seen[Path('data') / 'people.csv'], Path('data/') in seen, Path('./data') in seen, Path('x') in seen)
s = {Path('a/b'), Path('a//b'), Path('a/./b'), PurePath('a/b'), Path('c')}
print(len(s), hash(Path('a/b')) == hash(Path('a//b')), sorted(s))
counts = {}
for p in sorted(Path('data').rglob('*.txt')) + [Path('data/notes.txt')]:
    counts[p] = counts.get(p, 0) + 1
print(counts)
st = Path('data/people.csv').stat()
print(st.st_size, os.stat('data/people.csv').st_size, os.path.getsize('data/people.csv'), Path('data/notes.txt').stat().st_size, os.stat(Path('data/notes.txt')).st_size)
print(type(st.st_mtime).__name__, st.st_mtime > 1e9, st.st_mtime == os.path.getmtime('data/people.csv'), st.st_mtime_ns // 10**9 == int(st.st_mtime))
for f in [lambda: Path('data/missing.csv').stat(), lambda: os.stat('nope'), lambda: os.path.getmtime('nope'), lambda: Path.home(), lambda: Path('~/x').expanduser()]:
    try:
        print(f())
    except (OSError, RuntimeError) as e:
        print(type(e).__name__, e)
print(Path('rel/x').expanduser(), Path('/abs/~x').expanduser())
`;
    const trace = run(source);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // recorded from CPython 3.11 in a folder holding FILES; its Path.home() found /root there, so
    // the two home lines are what CPython 3.11 raises when it finds no home directory
    expect(trace.stdout).toBe(`1 True True False
2 True [PosixPath('a/b'), PosixPath('c')]
{PosixPath('data/notes.txt'): 2, PosixPath('data/sub/deep.txt'): 1}
21 21 21 12 12
float True True True
FileNotFoundError [Errno 2] No such file or directory: 'data/missing.csv'
FileNotFoundError [Errno 2] No such file or directory: 'nope'
FileNotFoundError [Errno 2] No such file or directory: 'nope'
RuntimeError Could not determine home directory.
RuntimeError Could not determine home directory.
rel/x /abs/~x
`);
  });

  it("gives the owner's modification time, and locates Path.home()'s error at the call", () => {
    const source = `from pathlib import Path\nprint(Path('data/notes.txt').stat().st_mtime)\nPath.home()\n`;
    const trace = run(source);
    expect(trace.stdout).toBe("1700000000.25\n");
    const error = trace.diagnostics.find((d) => d.severity === "error");
    expect(error?.message).toBe("RuntimeError: Could not determine home directory.");
    expect(source.slice(error!.span!.from, error!.span!.to)).toBe("Path.home()");
  });
});
