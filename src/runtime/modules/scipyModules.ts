import { PyBuiltin, PyModule } from "../interpreter/objects";
import { PyError } from "../interpreter/pyErrors";
import { SCIPY_SPECIAL_SOURCE, SCIPY_STATS_SOURCE } from "./scipyModule";
import type { StdlibFactory } from "./stdlib";
import { libraryModule } from "./libraryProgram";

/** What a program is told when it reaches for a part of SciPy GradLens does not have. */
export const SCIPY_HINT =
  "GradLens has only scipy.stats.norm and scipy.special's expit, logit, softmax, log_softmax and logsumexp";

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
  ["scipy.stats", (interp) => libraryModule(interp, "scipy.stats", SCIPY_STATS_SOURCE)],
  ["scipy.special", (interp) => libraryModule(interp, "scipy.special", SCIPY_SPECIAL_SOURCE)],
];
