import type { SourceSpan } from "../../lang/ir";
import type { FrontEndDiagnostic } from "../../lang/lowering";
import { parsePython, type ParseResult } from "../../lang/python/parsePython";
import { baseName, childPath, relativeTo } from "../../files/workspacePath";
import type { Frame } from "../interpreter/frame";
import type { Interpreter } from "../interpreter/interpreter";
import type { ModuleLoader } from "../interpreter/moduleLoader";
import { PyList, PyModule, type PyValue } from "../interpreter/objects";
import { PyError, UnsupportedError } from "../interpreter/pyErrors";
import { noteUnwinding } from "../interpreter/traceback";
import { publicNames } from "../moduleLoader";
import type { ProgramFiles } from "./programFiles";
import { TextDecoderState } from "./textDecoding";

/**
 * Names CPython finds before it looks in the program's folder: its built-in modules and those
 * already imported when a program starts (`python3 prog.py` on Linux, 3.11). A `math.py` beside
 * the program does not replace `math`, while a `random.py` does replace `random` — as in CPython.
 */
const BEFORE_THE_PROGRAM = new Set([
  "array",
  "atexit",
  "binascii",
  "builtins",
  "cmath",
  "errno",
  "faulthandler",
  "fcntl",
  "gc",
  "grp",
  "itertools",
  "marshal",
  "math",
  "posix",
  "pwd",
  "pyexpat",
  "select",
  "spwd",
  "sys",
  "syslog",
  "time",
  "unicodedata",
  "zlib",
  "abc",
  "codecs",
  "collections",
  "contextlib",
  "encodings",
  "functools",
  "genericpath",
  "importlib",
  "io",
  "keyword",
  "operator",
  "os",
  "posixpath",
  "reprlib",
  "site",
  "stat",
  "types",
  "warnings",
  "zipimport",
]);

/** Where a module's code is: a file (`helper.py`, `pkg/__init__.py`) and, for a package, its folders. */
interface Found {
  file: string | null;
  /** A package's `__path__`: the folders its submodules are found in; null for a plain module. */
  dirs: string[] | null;
}

/** Parsed module sources, by path and text: a live run re-parses only the module that changed. */
const parsed = new Map<string, ParseResult>();
const PARSED_KEPT = 64;

function parseModule(path: string, source: string): ParseResult {
  const key = `${path}\0${source}`;
  let result = parsed.get(key);
  if (result) {
    parsed.delete(key); // most recently used last
  } else {
    result = parsePython(source, { file: path });
    if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
  }
  parsed.set(key, result);
  return result;
}

/**
 * The program's own modules — `helper.py` beside it, packages with `__init__.py`, namespace
 * folders — found as CPython finds them on `sys.path` (the program's folder, then the
 * workspace's folders), run once each per run as the user's code (their values carry spans in
 * their own file), with CPython's circular-import behaviour: a module is importable, partly
 * initialised, while its own code runs. Names not found in the workspace go to the built-in
 * modules (`fallback`), which keep their ModuleNotFoundError for what nobody has.
 */
export class WorkspaceModules implements ModuleLoader {
  private readonly modules = new Map<string, PyModule>();
  private readonly running = new Set<string>();
  /** What a top-level name is in the workspace, by name and the folders searched (sys.path may grow). */
  private readonly searched = new Map<string, Found | null>();
  /** What each top-level name was found to be by its latest import. */
  private readonly ownTop = new Map<string, Found | null>();
  /** The source of each module file run, by path (for the trace's expression texts). */
  readonly sources = new Map<string, string>();
  /** What the front end reported in the modules (constructs GradLens does not run), spans in their files. */
  readonly diagnostics: FrontEndDiagnostic[] = [];

  constructor(
    private readonly files: ProgramFiles,
    private readonly fallback: ModuleLoader,
  ) {}

  *loadedModules(): Iterable<PyModule> {
    yield* this.modules.values();
    yield* this.fallback.loadedModules();
  }

  importModule(interp: Interpreter, path: string[], alias: string | null, frame: Frame): void {
    if (!this.owns(path[0])) return this.fallback.importModule(interp, path, alias, frame);
    const module = this.load(interp, path);
    frame.store(alias ?? path[0], alias !== null ? module : this.modules.get(path[0])!);
  }

  importFrom(
    interp: Interpreter,
    path: string[],
    names: { name: string; alias: string | null; span: SourceSpan }[],
    frame: Frame,
    at: (span: SourceSpan) => void,
    level = 0,
  ): void {
    const absolute = level > 0 ? [...this.packageOf(frame, level), ...path] : path;
    if (!this.owns(absolute[0])) return this.fallback.importFrom(interp, absolute, names, frame, at);
    const name = absolute.join(".");
    const module = this.load(interp, absolute);
    for (const { name: wanted, alias, span } of names) {
      at(span);
      if (wanted === "*") {
        if (frame.kind !== "module")
          throw new PyError("SyntaxError", "import * only allowed at module level");
        for (const [k, v] of publicNames(interp, module)) frame.store(k, v);
        continue;
      }
      let v: PyValue | undefined = module.attrs.get(wanted);
      if (v === undefined && module.attrs.has("__path__")) {
        // `from pkg import mod`: a submodule not imported yet
        const sub = this.find(module, wanted);
        if (sub) v = this.load(interp, [...absolute, wanted]);
      }
      if (v === undefined) {
        const where = module.attrs.get("__file__");
        const location = typeof where === "string" ? where : "unknown location";
        throw new PyError(
          "ImportError",
          this.running.has(name)
            ? `cannot import name '${wanted}' from partially initialized module '${name}' (most likely due to a circular import) (${location})`
            : `cannot import name '${wanted}' from '${name}' (${location})`,
        );
      }
      frame.store(alias ?? wanted, v);
    }
  }

  /** Whether `top` names a module or package of the workspace (looked for once per run). */
  private owns(top: string): boolean {
    if (BEFORE_THE_PROGRAM.has(top)) return false;
    const dirs = this.files.importPath();
    const key = `${top}\0${dirs.join("\0")}`;
    let found = this.searched.get(key);
    if (found === undefined) {
      found = this.search(dirs, top);
      this.searched.set(key, found);
    }
    this.ownTop.set(top, found);
    return found !== null;
  }

  /** The package a relative import in `frame`'s module starts from, `level` dots up. */
  private packageOf(frame: Frame, level: number): string[] {
    const pkg = frame.globals.get("__package__");
    if (typeof pkg !== "string" || pkg === "")
      throw new PyError("ImportError", "attempted relative import with no known parent package");
    const parts = pkg.split(".");
    if (level - 1 >= parts.length)
      throw new PyError("ImportError", "attempted relative import beyond top-level package");
    return parts.slice(0, parts.length - (level - 1));
  }

  /**
   * `name` in the folders `dirs`, as CPython's path finder looks: in each folder in turn a
   * package (`name/__init__.py`), then a module (`name.py`); folders named `name` without an
   * `__init__.py` make a namespace package when nothing else is found.
   */
  private search(dirs: readonly string[], name: string): Found | null {
    const portions: string[] = [];
    for (const dir of dirs) {
      const entries = this.files.entriesOrNull(dir);
      if (entries === null) continue;
      const folder = entries.find((e) => e.name === name && e.kind === "directory");
      if (folder) {
        const pkg = childPath(dir, name);
        const init = this.files
          .entriesOrNull(pkg)
          ?.find((e) => e.name === "__init__.py" && e.kind === "file");
        if (init) return { file: childPath(pkg, "__init__.py"), dirs: [pkg] };
      }
      if (entries.some((e) => e.name === `${name}.py` && e.kind === "file"))
        return { file: childPath(dir, `${name}.py`), dirs: null };
      if (folder) portions.push(childPath(dir, name));
    }
    return portions.length > 0 ? { file: null, dirs: portions } : null;
  }

  /** A submodule of the package `parent`, in its `__path__`. */
  private find(parent: PyModule, name: string): Found | null {
    const path = parent.attrs.get("__path__");
    const dirs = path instanceof PyList ? path.items.filter((d): d is string => typeof d === "string") : [];
    return this.search(dirs, name);
  }

  /** Imports `path` (`pkg`, `pkg.sub`, …, each in turn) and returns its last module. */
  private load(interp: Interpreter, path: string[]): PyModule {
    let module: PyModule | null = null;
    for (let i = 1; i <= path.length; i++) {
      const name = path.slice(0, i).join(".");
      const known = this.modules.get(name);
      if (known) {
        module = known;
        continue;
      }
      let found: Found | null;
      if (module === null) found = this.ownTop.get(name) ?? null;
      else {
        if (!module.attrs.has("__path__"))
          throw new PyError(
            "ModuleNotFoundError",
            `No module named '${name}'; '${module.name}' is not a package`,
          );
        found = this.find(module, path[i - 1]);
      }
      if (found === null) throw new PyError("ModuleNotFoundError", `No module named '${name}'`);
      const child = this.execute(interp, name, found);
      // CPython binds a submodule in its package once the submodule has run
      module?.attrs.set(path[i - 1], child);
      module = child;
    }
    return module!;
  }

  /** Makes module `name` from what was found, and runs its code (registered first, for circular imports). */
  private execute(interp: Interpreter, name: string, found: Found): PyModule {
    const module = new PyModule(name);
    const globals = module.attrs;
    const isPackage = found.dirs !== null;
    globals.set("__name__", name);
    globals.set(
      "__package__",
      isPackage ? name : name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : "",
    );
    if (found.file !== null) globals.set("__file__", found.file);
    if (found.dirs !== null) globals.set("__path__", new PyList([...found.dirs]));
    this.modules.set(name, module);
    if (found.file === null) return module; // a namespace package has no code
    const site = interp.at;
    this.running.add(name);
    try {
      interp.runUserModule(this.program(found.file), globals);
    } catch (e) {
      // CPython forgets a module whose code failed: the next import runs it again
      this.modules.delete(name);
      if (e instanceof PyError || e instanceof UnsupportedError) e.span ??= interp.at;
      noteUnwinding(e, interp.at, site);
      throw e;
    } finally {
      this.running.delete(name);
    }
    interp.at = site;
    return module;
  }

  /** The parsed code of the module file `path`; a syntax error is a SyntaxError located in that file. */
  private program(path: string) {
    const bytes = this.files.read(path, path, true);
    const source = decodeSource(bytes, path);
    this.sources.set(path, source);
    const result = parseModule(path, source);
    if (!result.program) {
      const first = result.diagnostics.find((d) => d.code === "syntax") ?? result.diagnostics[0];
      const error = new PyError("SyntaxError", first?.message ?? "invalid syntax");
      error.span = first?.span ?? { from: 0, to: 0, file: path };
      throw error;
    }
    for (const d of result.diagnostics)
      if (!this.diagnostics.some((k) => k.span.file === d.span.file && k.span.from === d.span.from))
        this.diagnostics.push(d);
    return result.program;
  }

  /** The workspace file a module's span names, relative to the program's folder (for messages). */
  displayName(file: string): string {
    return this.files.folder === null ? baseName(file) : relativeTo(file, this.files.folder);
  }
}

/** A module's source as CPython reads it: UTF-8, a leading byte-order mark dropped. */
function decodeSource(bytes: Uint8Array, path: string): string {
  try {
    const text = new TextDecoderState("utf-8", "strict", "none").decode(bytes, true);
    return text.startsWith("\ufeff") ? text.slice(1) : text;
  } catch (e) {
    if (!(e instanceof PyError)) throw e;
    const at = Number(/position (\d+)/.exec(e.message)?.[1] ?? 0);
    const line = bytes.subarray(0, at).filter((b) => b === 10).length + 1;
    const error = new PyError(
      "SyntaxError",
      `Non-UTF-8 code starting with '\\x${bytes[at].toString(16).padStart(2, "0")}' in file ${path} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`,
    );
    error.span = { from: 0, to: 0, file: path };
    throw error;
  }
}
