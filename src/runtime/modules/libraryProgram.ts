import { parsePython } from "../../lang/python/parsePython";
import type { Program } from "../../lang/ir";

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
