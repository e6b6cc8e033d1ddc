import { PyBuiltin, PyModule } from "../interpreter/objects";
import { PyError } from "../interpreter/pyErrors";
import type { Interpreter } from "../interpreter/interpreter";
import { SCIPY_SPECIAL_SOURCE, SCIPY_STATS_SOURCE } from "./scipyModule";
import type { StdlibFactory } from "./stdlib";
import { libraryProgram } from "./libraryProgram";

/** What a program is told when it reaches for a part of SciPy GradLens does not have. */
export const SCIPY_HINT =
  "GradLens has only scipy.stats.norm and scipy.special's expit, logit, softmax, log_softmax and logsumexp";

/** A module written in Python, run as library code for this run. */
function sourceModule(interp: Interpreter, name: string, source: string): PyModule {
  const module = new PyModule(name);
  const globals = interp.runLibraryModule(libraryProgram(name, source), name);
  // the module's own __getattr__ (PEP 562) names what GradLens lacks
  for (const [k, v] of globals) if (!k.startsWith("__") || k === "__getattr__") module.attrs.set(k, v);
  return module;
}

/** `scipy`, which (as SciPy does lazily) makes its submodules reachable after `import scipy`. */
export const SCIPY_MODULES: [string, StdlibFactory][] = [
  [
    "scipy",
    (_interp, _context, load) => {
      const scipy = new PyModule("scipy");
      scipy.attrs.set("__version__", "1.10.1");
      scipy.attrs.set(
        "__getattr__",
        new PyBuiltin("__getattr__", ([name]) => {
          if (name === "stats" || name === "special") return load(`scipy.${name}`);
          const error = new PyError("AttributeError", `module 'scipy' has no attribute '${String(name)}'`);
          error.hint = SCIPY_HINT;
          throw error;
        }),
      );
      return scipy;
    },
  ],
  ["scipy.stats", (interp) => sourceModule(interp, "scipy.stats", SCIPY_STATS_SOURCE)],
  ["scipy.special", (interp) => sourceModule(interp, "scipy.special", SCIPY_SPECIAL_SOURCE)],
];
