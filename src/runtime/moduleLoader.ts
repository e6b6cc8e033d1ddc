import { isUnavailableModule, unavailableModule } from "./modules/unavailableModules";
import { parsePython } from "../lang/python/parsePython";
import type { Program, SourceSpan } from "../lang/ir";
import type { Frame } from "./interpreter/frame";
import type { Interpreter } from "./interpreter/interpreter";
import type { ModuleLoader } from "./interpreter/moduleLoader";
import { dictSet } from "./interpreter/collections";
import { PyDict, PyModule, type PyValue } from "./interpreter/objects";
import { PyError, UnsupportedError } from "./interpreter/pyErrors";
import { addMathExtras } from "./modules/mathExtras";
import { makeMathModule } from "./modules/mathModule";
import { MICROGRAD_NN_SOURCE } from "./modules/microgradNn";
import { makeValueClass } from "./modules/microgradValue";
import { makeRandomModule } from "./modules/randomModule";
import { STDLIB_MODULES, type ModuleContext } from "./modules/stdlib";
import { GRAPHVIZ_MODULES } from "./modules/graphviz/graphvizModule";
import { MATPLOTLIB_MODULES } from "./modules/matplotlib/pyplotModule";
import { TORCH_MODULES } from "./modules/torchModule";
import { NUMPY_MODULES } from "./modules/numpy/numpyModule";
import { SKLEARN_HINT, SKLEARN_MODULES } from "./modules/sklearn/sklearnModule";
import { NO_FILES } from "./workspaceFiles";
import { SCIPY_HINT } from "./modules/scipyModules";
import { markModuleFunctions } from "./interpreter/liveRows";

/** Makes a module for one run (a module written in TypeScript: `torch`, `torch.nn.functional`, …). */
export type ModuleFactory = (interp: Interpreter) => PyModule;

const registered = new Map<string, ModuleFactory>([
  ...TORCH_MODULES,
  ...NUMPY_MODULES,
  ...MATPLOTLIB_MODULES,
  ...GRAPHVIZ_MODULES,
  ...SKLEARN_MODULES,
]);

/**
 * The seam for modules written elsewhere in GradLens: register a factory under the module's
 * dotted name (`torch`, `torch.nn`) and `import` finds it. Parent packages must be registered too.
 */
export function registerBuiltinModule(name: string, factory: ModuleFactory): void {
  registered.set(name, factory);
}

/**
 * Modules other parts of GradLens are building: an import of one is reported as not supported
 * rather than as Python's ModuleNotFoundError (which would be untrue).
 */
const NOT_AVAILABLE = new Set(["torch"]);

/** Frameworks GradLens does not run: still a ModuleNotFoundError, with a hint when nothing catches it. */
const FRAMEWORKS = new Set([
  "pandas",
  "tensorflow",
  "keras",
  "jax",
  "flax",
  "sympy",
  "seaborn",
  "plotly",
  "cv2",
  "PIL",
  "transformers",
  "datasets",
  "tiktoken",
  "requests",
]);

let nnProgram: Program | null = null;

function microgradNnProgram(): Program {
  if (!nnProgram) {
    const parsed = parsePython(MICROGRAD_NN_SOURCE, { isLibrary: true });
    if (!parsed.program) throw new Error("micrograd.nn source does not parse");
    nnProgram = parsed.program;
  }
  return nnProgram;
}

/**
 * The modules a program may import, made on first import and shared for the run: the ones
 * built in here (the standard modules are listed in modules/stdlib.ts). Any other is Python's
 * ModuleNotFoundError.
 */
export class BuiltinModules implements ModuleLoader {
  private readonly loaded = new Map<string, PyModule>();

  loadedModules(): Iterable<PyModule> {
    return this.loaded.values();
  }

  constructor(private readonly context: ModuleContext = { files: NO_FILES, programName: "" }) {}

  private load(interp: Interpreter, path: string[]): PyModule {
    const name = path.join(".");
    const cached = this.loaded.get(name);
    if (cached) return cached;
    if (path.length > 1) this.load(interp, path.slice(0, -1));
    const module = this.make(interp, name);
    markModuleFunctions(module);
    this.loaded.set(name, module);
    const sysModules = this.loaded.get("sys")?.attrs.get("modules");
    if (sysModules instanceof PyDict) dictSet(sysModules, name, module);
    if (path.length > 1)
      this.loaded.get(path.slice(0, -1).join("."))!.attrs.set(path[path.length - 1], module);
    return module;
  }

  private make(interp: Interpreter, name: string): PyModule {
    const factory = registered.get(name);
    if (factory) return factory(interp);
    const standard = STDLIB_MODULES.get(name);
    if (standard) return standard(interp, this.context, (other) => this.load(interp, other.split(".")));
    const module = new PyModule(name);
    switch (name) {
      case "math": {
        const math = makeMathModule(interp);
        addMathExtras(interp, math);
        return math;
      }
      case "random":
        return makeRandomModule(interp);
      case "micrograd":
        return module;
      case "micrograd.engine":
        module.attrs.set("Value", makeValueClass(interp));
        return module;
      case "micrograd.nn": {
        this.load(interp, ["micrograd", "engine"]);
        const globals = interp.runLibraryModule(microgradNnProgram(), name);
        for (const [k, v] of globals) if (!k.startsWith("__")) module.attrs.set(k, v);
        return module;
      }
    }
    if (isUnavailableModule(name)) return unavailableModule(name);
    const top = name.split(".")[0];
    if (NOT_AVAILABLE.has(top))
      // a submodule of a module GradLens has (`torch.utils`) is named itself
      throw new UnsupportedError(
        `The module \`${registered.has(top) ? name : top}\` is not available in GradLens`,
      );
    throw this.notFound(name);
  }

  /** Python's ModuleNotFoundError, which `except ImportError` catches; the hint shows only when nothing does. */
  private notFound(name: string): PyError {
    const error = new PyError("ModuleNotFoundError", `No module named '${name}'`);
    const top = name.split(".")[0];
    // the workspace's own modules were looked for first (runtime/files/workspaceModules.ts)
    if (top === "sklearn") error.hint = SKLEARN_HINT;
    else if (top === "scipy") error.hint = SCIPY_HINT;
    else if (FRAMEWORKS.has(top)) error.hint = `GradLens does not run ${top}`;
    else if (!STDLIB_MODULES.has(top) && !registered.has(top))
      error.hint = "GradLens does not have this module";
    return error;
  }

  importModule(interp: Interpreter, path: string[], alias: string | null, frame: Frame): void {
    const module = this.load(interp, path);
    if (alias !== null) frame.store(alias, module);
    else frame.store(path[0], this.loaded.get(path[0])!);
  }

  importFrom(
    interp: Interpreter,
    path: string[],
    names: { name: string; alias: string | null; span: SourceSpan }[],
    frame: Frame,
    at: (span: SourceSpan) => void,
  ): void {
    const module = this.load(interp, path);
    for (const { name, alias, span } of names) {
      at(span);
      if (name === "*") {
        if (frame.kind !== "module")
          throw new PyError("SyntaxError", "import * only allowed at module level");
        for (const [k, v] of publicNames(interp, module)) frame.store(k, v);
        continue;
      }
      let v: PyValue | undefined = module.attrs.get(name);
      const hook = module.attrs.get("__getattr__");
      if (v === undefined && hook !== undefined) {
        // a module's own __getattr__ answers `from m import name` too (PEP 562)
        try {
          v = interp.call(hook, [name]);
        } catch (e) {
          if (!(e instanceof PyError && e.pyType === "AttributeError")) throw e;
        }
      }
      if (v === undefined) {
        try {
          v = this.load(interp, [...path, name]);
        } catch (e) {
          if (!(e instanceof PyError)) throw e;
          throw new PyError(
            "ImportError",
            `cannot import name '${name}' from '${module.name}' (unknown location)`,
          );
        }
      }
      frame.store(alias ?? name, v);
    }
  }
}

/** What `from m import *` binds: the names in `__all__`, or else every name not starting with `_`. */
export function publicNames(interp: Interpreter, module: PyModule): [string, PyValue][] {
  const all = module.attrs.get("__all__");
  if (all === undefined) return [...module.attrs].filter(([k]) => !k.startsWith("_"));
  return [...interp.iterate(all)].map((name) => {
    const k = String(name);
    const v = module.attrs.get(k);
    if (v === undefined)
      throw new PyError("AttributeError", `module '${module.name}' has no attribute '${k}'`);
    return [k, v];
  });
}
