import type { Interpreter } from "../interpreter/interpreter";
import { PyModule } from "../interpreter/objects";
import type { WorkspaceFiles } from "../workspaceFiles";
import { makeCollectionsModule } from "./collectionsModule";
import { makeAbcModule } from "./abcModule";
import { makeCopyModule } from "./copyModule";
import { makeEnumModule } from "./enumModule";
import { makeJsonModule } from "./jsonModule";
import { makeCsvCoreModule } from "./csvCore";
import { makeCsvModule } from "./csvModule";
import { makeIoModule } from "./ioModule";
import { makePathlibModule } from "./pathlibModule";
import { makeIPythonDisplayModule, makeIPythonModule } from "./notebookDisplay";
import { makeIpywidgetsModule } from "./ipywidgetsModule";
import { fillDisplay } from "./ipythonModule";
import { makePprintModule } from "./pprintModule";
import { makeStatisticsModule } from "./statisticsModule";
import { makeStringModule } from "./stringModule";
import { makeTimeModule } from "./timeModule";
import { makeWarningsModule } from "./warningsModule";
import { makeDataclassesModule } from "./dataclassesModule";
import { makeFunctoolsModule } from "./functoolsModule";
import { makeItertoolsModule } from "./itertoolsModule";
import { makeOsModule } from "./osModule";
import { PYTHON_STDLIB_MODULES } from "./pythonStdlib/pythonStdlibModules";
import { makeSysModule } from "./sysModule";
import { makeTypingModule } from "./typingModule";
import { SCIPY_MODULES } from "./scipyModules";

/** What the standard modules know of the run: the files it may look at and the program's name. */
export interface ModuleContext {
  readonly files: WorkspaceFiles;
  /** `sys.argv[0]`: the program's file name as the caller gave it ("" when there is none). */
  readonly programName: string;
}

/** Makes one standard module for a run; `load` imports another (a parent package, a dependency). */
export type StdlibFactory = (
  interp: Interpreter,
  context: ModuleContext,
  load: (name: string) => PyModule,
) => PyModule;

/** `from __future__ import annotations` and friends: accepted, and already how GradLens runs. */
function makeFutureModule(): PyModule {
  const m = new PyModule("__future__");
  for (const feature of [
    "annotations",
    "division",
    "print_function",
    "absolute_import",
    "unicode_literals",
    "generators",
    "nested_scopes",
    "with_statement",
    "generator_stop",
  ])
    m.attrs.set(feature, true);
  return m;
}

/** The standard modules GradLens runs, by dotted name. */
export const STDLIB_MODULES = new Map<string, StdlibFactory>([
  ["__future__", () => makeFutureModule()],
  ["os", (interp, context) => makeOsModule(interp, context.files)],
  ["os.path", (_interp, _context, load) => load("os").attrs.get("path") as PyModule],
  ["sys", (interp, context) => makeSysModule(interp, context.programName, context.files)],
  ["collections", (interp) => makeCollectionsModule(interp)],
  ["itertools", (interp) => makeItertoolsModule(interp)],
  ["functools", (interp) => makeFunctoolsModule(interp)],
  ["dataclasses", (interp) => makeDataclassesModule(interp)],
  ["typing", (interp) => makeTypingModule(interp)],
  ["copy", (interp) => makeCopyModule(interp)],
  ["json", (interp) => makeJsonModule(interp)],
  ["io", (interp) => makeIoModule(interp)],
  ["_csv", (interp) => makeCsvCoreModule(interp)],
  ["csv", (interp, _context, load) => makeCsvModule(interp, load)],
  ["pathlib", (interp, _context, load) => makePathlibModule(interp, load)],
  ["pprint", (interp) => makePprintModule(interp)],
  ["time", (interp, _context, load) => makeTimeModule(interp, load)],
  ["string", (interp) => makeStringModule(interp)],
  ["warnings", (interp) => makeWarningsModule(interp)],
  ["abc", (interp) => makeAbcModule(interp)],
  ["enum", (interp) => makeEnumModule(interp)],
  ["statistics", (interp) => makeStatisticsModule(interp)],
  // the display classes are inert stand-ins; display() and clear_output() show and clear outputs
  [
    "IPython",
    (interp) => {
      const display = makeIPythonDisplayModule();
      fillDisplay(interp, display);
      return makeIPythonModule(display);
    },
  ],
  ["IPython.display", (_interp, _context, load) => load("IPython").attrs.get("display") as PyModule],
  ["ipywidgets", (interp) => makeIpywidgetsModule(interp)],
  ...SCIPY_MODULES,
  ...PYTHON_STDLIB_MODULES,
]);
