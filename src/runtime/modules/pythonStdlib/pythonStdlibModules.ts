import { PyClass, PyModule } from "../../interpreter/objects";
import { libraryModule } from "../libraryProgram";
import type { StdlibFactory } from "../stdlib";
import { ARGPARSE_SOURCE } from "./argparseSource";
import { BISECT_SOURCE } from "./bisectSource";
import { CONTEXTLIB_SOURCE } from "./contextlibSource";
import { DATETIME_SOURCE } from "./datetimeSource";
import { FNMATCH_SOURCE } from "./fnmatchSource";
import { GLOB_SOURCE } from "./globSource";
import { HEAPQ_SOURCE } from "./heapqSource";
import { LOGGING_SOURCE } from "./loggingSource";
import { OPERATOR_SOURCE } from "./operatorSource";
import { RE_SOURCE } from "./reSource";
import { makeRegexCoreModule } from "../regexCore";
import { TIMEIT_SOURCE } from "./timeitSource";
import { TQDM_SOURCE } from "./tqdmSource";
import { TYPES_SOURCE } from "./typesSource";

/**
 * Standard modules (and tqdm) GradLens writes in Python over its own interpreter: small, pure
 * Python in CPython too, so the program's own code runs them the same way.
 */
const written = (name: string, source: string): [string, StdlibFactory] => [
  name,
  (interp) => libraryModule(interp, name, source),
];

/**
 * A module CPython writes in C: its classes' instances are named with the module in messages
 * (`unsupported operand type(s) for +: 'datetime.date' and 'int'`), as C types' are.
 */
const writtenAsC = (name: string, source: string): [string, StdlibFactory] => [
  name,
  (interp) => {
    const module = libraryModule(interp, name, source);
    for (const v of module.attrs.values())
      if (v instanceof PyClass && v.module === name) v.messageName = `${name}.${v.name}`;
    return module;
  },
];

/** tqdm's submodules (`tqdm.auto`, `tqdm.notebook`) give the same bar. */
const tqdmAlias = (name: string): [string, StdlibFactory] => [
  name,
  (_interp, _context, load) => {
    const module = new PyModule(name);
    for (const [k, v] of load("tqdm").attrs) module.attrs.set(k, v);
    return module;
  },
];

export const PYTHON_STDLIB_MODULES: [string, StdlibFactory][] = [
  written("operator", OPERATOR_SOURCE),
  written("heapq", HEAPQ_SOURCE),
  written("bisect", BISECT_SOURCE),
  written("types", TYPES_SOURCE),
  written("contextlib", CONTEXTLIB_SOURCE),
  written("argparse", ARGPARSE_SOURCE),
  written("timeit", TIMEIT_SOURCE),
  written("fnmatch", FNMATCH_SOURCE),
  ["_gradlens_re", () => makeRegexCoreModule()],
  written("re", RE_SOURCE),
  written("logging", LOGGING_SOURCE),
  written("glob", GLOB_SOURCE),
  writtenAsC("datetime", DATETIME_SOURCE),
  written("tqdm", TQDM_SOURCE),
  tqdmAlias("tqdm.auto"),
  tqdmAlias("tqdm.notebook"),
  tqdmAlias("tqdm.std"),
];
