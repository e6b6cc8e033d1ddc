import { PyBuiltin, PyModule } from "../interpreter/objects";
import { UnsupportedError } from "../interpreter/pyErrors";

/**
 * Standard modules GradLens does not run, and why. CPython always has them, so a program imports
 * them without a guard, often without using them (an `import pickle` left over from saving a
 * model): the import succeeds here too, and the first use of one of their names stops the run
 * with a located message, rather than a ModuleNotFoundError no CPython would raise.
 */
const NO_BYTES = "GradLens has no bytes objects";
const NO_WRITES = "GradLens programs may read files but not write or move them";
const NO_NETWORK = "GradLens programs have no network";
const ALONE = "a GradLens program runs alone, without processes or threads";
const NOT_YET = "GradLens does not have it yet";

const WHY = new Map<string, string>([
  ["pickle", NO_BYTES],
  ["marshal", NO_BYTES],
  ["struct", NO_BYTES],
  ["gzip", NO_BYTES],
  ["bz2", NO_BYTES],
  ["lzma", NO_BYTES],
  ["zlib", NO_BYTES],
  ["zipfile", NO_BYTES],
  ["tarfile", NO_BYTES],
  ["hashlib", NO_BYTES],
  ["base64", NO_BYTES],
  ["array", NO_BYTES],
  ["shutil", NO_WRITES],
  ["tempfile", NO_WRITES],
  ["urllib", NO_NETWORK],
  ["http", NO_NETWORK],
  ["socket", NO_NETWORK],
  ["ssl", NO_NETWORK],
  ["subprocess", ALONE],
  ["multiprocessing", ALONE],
  ["threading", ALONE],
  ["concurrent", ALONE],
  ["signal", ALONE],
  ["asyncio", ALONE],
  ["datetime", NOT_YET],
  ["inspect", NOT_YET],
  ["traceback", NOT_YET],
  ["textwrap", NOT_YET],
  ["fractions", NOT_YET],
  ["decimal", NOT_YET],
  ["uuid", NOT_YET],
  ["platform", NOT_YET],
  ["locale", NOT_YET],
  ["codecs", NOT_YET],
  ["weakref", NOT_YET],
  ["gc", NOT_YET],
  ["ctypes", NOT_YET],
  ["unittest", NOT_YET],
  ["doctest", NOT_YET],
]);

/** Whether `name` (dotted) is a standard module GradLens imports but does not run. */
export function isUnavailableStdlib(name: string): boolean {
  return WHY.has(name.split(".")[0]);
}

/** The module `name` stands for: importable, every name in it a located "not available" message. */
export function unavailableStdlibModule(name: string): PyModule {
  const module = new PyModule(name);
  const why = WHY.get(name.split(".")[0])!;
  module.attrs.set(
    "__getattr__",
    new PyBuiltin("__getattr__", ([attr]) => {
      throw new UnsupportedError(`\`${name}.${String(attr)}\` is not available: ${why}`);
    }),
  );
  return module;
}
