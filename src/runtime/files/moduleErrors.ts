import { siteInProgram } from "../interpreter/traceback";
import type { TraceDiagnostic } from "../../trace/trace";
import type { WorkspaceModules } from "./workspaceModules";

/**
 * For an error raised in one of the program's modules (its diagnostic is in that file), the
 * same error where the program's own text led to it — the call `helper.f(0)` or the `import
 * helper` — so the file being edited shows it too, saying where it was raised.
 */
export function inProgramFile(
  error: unknown,
  diagnostic: TraceDiagnostic,
  modules: WorkspaceModules,
): TraceDiagnostic[] {
  const file = diagnostic.span?.file;
  if (file === undefined) return [];
  const site = siteInProgram(error);
  if (site === null) return [];
  const source = modules.sources.get(file);
  const where =
    source === undefined
      ? modules.displayName(file)
      : `${modules.displayName(file)}, line ${lineOf(source, diagnostic.span!.from)}`;
  return [{ ...diagnostic, message: `${diagnostic.message} (raised in ${where})`, span: site }];
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}
