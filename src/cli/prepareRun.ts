import { languageOfFile, type SourceLanguage } from "../lang/sourceLanguage";
import { assembleProgram } from "../notebook/assembleProgram";
import { NotebookFormatError, readIpynb } from "../notebook/ipynb";
import type { TraceDiagnostic } from "../trace/trace";
import { fileLocator, notebookLocator, type SourceLocator } from "./sourceLocator";

/** What the CLI runs for a file: its program, how to place diagnostics in the file, and what was skipped. */
export interface PreparedRun {
  source: string;
  language: SourceLanguage;
  locate: SourceLocator;
  /** Diagnostics from before the run (a notebook's skipped magics and plotting lines). */
  skipped: TraceDiagnostic[];
  /** A notebook's cell starts in `source`: the run ends each cell as Jupyter does (its figures, its last value). */
  cellStarts?: readonly number[];
}

export function isNotebook(file: string): boolean {
  return file.toLowerCase().endsWith(".ipynb");
}

/**
 * A source file runs as it is; a notebook's code cells run as one program, exactly as the
 * extension runs them (src/notebook/assembleProgram.ts). Throws NotebookFormatError for a
 * notebook GradLens cannot read or run.
 */
export function prepareRun(file: string, text: string): PreparedRun {
  if (!isNotebook(file))
    return { source: text, language: languageOfFile(file), locate: fileLocator(text), skipped: [] };
  const cells = readIpynb(text);
  const code = cells.filter((c) => c.kind === "code");
  if (code.length > 0 && !code.some((c) => c.language === "python"))
    throw new NotebookFormatError(`its code cells are ${code[0].language}; GradLens runs Python notebooks`);
  const program = assembleProgram(cells);
  return {
    source: program.source,
    language: "python",
    locate: notebookLocator(
      program.map,
      cells.map((c) => c.text),
    ),
    skipped: program.skipped,
    cellStarts: program.cellStarts,
  };
}
