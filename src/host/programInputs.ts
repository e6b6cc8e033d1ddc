import { parentPath } from "../files/workspacePath";
import type { HostFiles } from "./hostFiles";
import type { ModuleDiagnostics } from "./moduleDiagnostics";

/** What the run controllers need of the workspace's files: the reader, and the modules' diagnostics. */
export interface ProgramFiles {
  host: HostFiles;
  diagnostics: ModuleDiagnostics;
}

/**
 * Whether a change to `path` concerns a run that read or looked at `inputs` (Trace.inputs):
 * it read that file, or looked for files in its folder (a module search, `os.listdir`).
 */
export function readsChanged(inputs: ReadonlySet<string>, path: string): boolean {
  return inputs.has(path) || inputs.has(parentPath(path));
}
