import { parentPath } from "../files/workspacePath";
import type { HostFiles } from "./hostFiles";
import type { ModuleDiagnostics } from "./moduleDiagnostics";

/** What the run controllers need of the workspace's files: the reader, and the modules' diagnostics. */
export interface ProgramFiles {
  host: HostFiles;
  diagnostics: ModuleDiagnostics;
}

/**
 * Whether a change to `path` concerns a run that read or looked at `inputs` (Trace.inputs): it
 * read that file or asked whether it exists; or, when the file was created or deleted, the run
 * looked through its folder (a module search, `os.listdir`), whose entries have changed.
 */
export function readsChanged(inputs: ReadonlySet<string>, path: string, createdOrDeleted: boolean): boolean {
  return inputs.has(path) || (createdOrDeleted && inputs.has(parentPath(path)));
}
