import { toInt } from "../interpreter/numbers";
import { truthy } from "../interpreter/operators";
import { PyBuiltin, PyInstance, PyInt, type Kwargs, type PyValue } from "../interpreter/objects";
import { typeError, UnsupportedError, valueError } from "../interpreter/pyErrors";
import type { Runtime } from "../interpreter/runtime";
import { typeName } from "../interpreter/stringify";
import { fileClass, FileObject } from "./fileObject";
import { osError, type ProgramFiles } from "./programFiles";
import { codecNamed, TextDecoderState } from "./textDecoding";
import { TextReader, type NewlineMode } from "./textReader";

const PARAMETERS = [
  "file",
  "mode",
  "buffering",
  "encoding",
  "errors",
  "newline",
  "closefd",
  "opener",
] as const;
type Parameter = (typeof PARAMETERS)[number];

/** `open()`'s arguments by name, as CPython's argument parser binds and checks them. */
function bind(args: PyValue[], kwargs: Kwargs): Partial<Record<Parameter, PyValue>> {
  if (args.length > PARAMETERS.length)
    throw typeError(`open() takes at most ${PARAMETERS.length} arguments (${args.length} given)`);
  const bound: Partial<Record<Parameter, PyValue>> = {};
  args.forEach((v, i) => (bound[PARAMETERS[i]] = v));
  for (const [k, v] of kwargs ?? []) {
    const at = PARAMETERS.indexOf(k as Parameter);
    if (at < 0) throw typeError(`'${k}' is an invalid keyword argument for open()`);
    if (at < args.length)
      throw typeError(`argument for open() given by name ('${k}') and position (${at + 1})`);
    bound[k as Parameter] = v;
  }
  if (bound.file === undefined) throw typeError("open() missing required argument 'file' (pos 1)");
  return bound;
}

function optionalString(v: PyValue | undefined, name: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  throw typeError(`open() argument '${name}' must be str or None, not ${typeName(v)}`);
}

interface Mode {
  reading: boolean;
  writing: boolean;
  binary: boolean;
}

/** CPython's checks of `mode`, in its order and words. */
function parseMode(mode: string): Mode {
  const seen = new Set<string>();
  for (const c of mode) {
    if (!"axrwb+t".includes(c) || seen.has(c)) throw valueError(`invalid mode: '${mode}'`);
    seen.add(c);
  }
  const has = (c: string) => seen.has(c);
  if (has("t") && has("b")) throw valueError("can't have text and binary mode at once");
  const kinds = ["x", "r", "w", "a"].filter(has).length;
  if (kinds > 1) throw valueError("must have exactly one of create/read/write/append mode");
  if (kinds === 0)
    throw valueError("Must have exactly one of create/read/write/append mode and at most one plus");
  return { reading: has("r"), writing: !has("r") || has("+"), binary: has("b") };
}

/** The path `file` names: a str, or what an os.PathLike's `__fspath__` gives. */
function pathOf(rt: Runtime, file: PyValue): string {
  if (typeof file === "string") return file;
  if (file instanceof PyInt || typeof file === "boolean")
    throw new UnsupportedError("open() of a file descriptor is not supported by GradLens: give it a path");
  if (file instanceof PyInstance) {
    const fspath = file.cls.lookup("__fspath__");
    if (fspath !== undefined) {
      const path = rt.call(fspath, [file]);
      if (typeof path === "string") return path;
      throw typeError(`expected ${file.cls.name}.__fspath__() to return str or bytes, not ${typeName(path)}`);
    }
  }
  throw typeError(`expected str, bytes or os.PathLike object, not ${typeName(file)}`);
}

const NEWLINES = new Set(["", "\n", "\r", "\r\n"]);

/**
 * Python's `open()` for the files of the workspace, read-only, in text mode: the whole file is
 * read when it is opened (through the run's ProgramFiles), then decoded as the program reads
 * it. A mode that writes is a PermissionError (GradLens programs cannot write files); binary
 * mode is not supported (GradLens has no bytes).
 */
export function makeOpen(rt: Runtime, files: ProgramFiles): PyBuiltin {
  return new PyBuiltin(
    "open",
    (args, kwargs) => {
      const a = bind(args, kwargs);
      const modeArg = a.mode ?? "r";
      if (typeof modeArg !== "string")
        throw typeError(`open() argument 'mode' must be str, not ${typeName(modeArg)}`);
      let buffering = -1;
      if (a.buffering !== undefined) {
        if (!(a.buffering instanceof PyInt || typeof a.buffering === "boolean"))
          throw typeError(`'${typeName(a.buffering)}' object cannot be interpreted as an integer`);
        buffering = toInt(a.buffering).v;
      }
      const encoding = optionalString(a.encoding, "encoding");
      const errors = optionalString(a.errors, "errors");
      const newline = optionalString(a.newline, "newline");
      const mode = parseMode(modeArg);
      if (mode.binary && encoding !== null) throw valueError("binary mode doesn't take an encoding argument");
      if (mode.binary && errors !== null) throw valueError("binary mode doesn't take an errors argument");
      if (mode.binary && newline !== null) throw valueError("binary mode doesn't take a newline argument");
      const given = pathOf(rt, a.file!);
      if (a.closefd !== undefined && !truthy(rt, a.closefd))
        throw valueError("Cannot use closefd=False with file name");
      if (a.opener !== undefined && a.opener !== null)
        throw new UnsupportedError("open(opener=...) is not supported by GradLens");
      if (mode.writing) throw osError("denied", given, "GradLens programs cannot write files");
      if (mode.binary)
        throw new UnsupportedError(
          `Reading a file in binary mode ('${modeArg}') is not supported by GradLens`,
        );
      if (given === "") throw osError("notFound", given);
      const path = files.resolve(given);
      const bytes = files.read(path, given);
      if (buffering === 0) throw valueError("can't have unbuffered text I/O");
      if (newline !== null && !NEWLINES.has(newline)) throw valueError(`illegal newline value: ${newline}`);
      const codec = codecNamed(encoding ?? "utf-8");
      const handler = errors ?? "strict";
      const decoder = new TextDecoderState(
        codec,
        handler,
        newline === null ? "translate" : newline === "" ? "universal" : "none",
      );
      const reader = new TextReader(bytes, decoder, newline as NewlineMode);
      // CPython names its locale's encoding when none is given: UTF-8 on the systems learners use
      return new FileObject(fileClass(rt), reader, a.file!, modeArg, encoding ?? "UTF-8", handler);
    },
    [],
  );
}

/** The builtins with `open` reading through this run's files (GradLens's sandbox has no other). */
export function withOpen(
  builtins: Map<string, PyValue>,
  rt: Runtime,
  files: ProgramFiles,
): Map<string, PyValue> {
  builtins.set("open", makeOpen(rt, files));
  return builtins;
}
