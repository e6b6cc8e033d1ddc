import { parsePython } from "../../lang/python/parsePython";
import type { Program } from "../../lang/ir";
import type { Interpreter } from "../interpreter/interpreter";
import { PyModule } from "../interpreter/objects";

const programs = new Map<string, Program>();

/**
 * The parsed program of a module GradLens writes in Python (`torch.nn`, `pathlib`,
 * `scipy.stats`, …): parsed once per process, run afresh by each run that imports it.
 */
export function libraryProgram(name: string, source: string): Program {
  let program = programs.get(name);
  if (!program) {
    const parsed = parsePython(source, { isLibrary: true });
    if (!parsed.program) throw new Error(`${name}'s source does not parse`);
    program = parsed.program;
    programs.set(name, program);
  }
  return program;
}

/** A module written in Python, run as library code for this run; its own `__getattr__` (PEP 562) names what GradLens lacks. */
export function libraryModule(interp: Interpreter, name: string, source: string): PyModule {
  const module = new PyModule(name);
  const globals = interp.runLibraryModule(libraryProgram(name, source), name);
  for (const [k, v] of globals) if (!k.startsWith("__") || k === "__getattr__") module.attrs.set(k, v);
  return module;
}
