import { relative, isAbsolute } from "node:path";
import type { Span } from "../trace/trace";
import { LineIndex, type LineColumn } from "./lineColumn";
import { nativePath } from "./nodeFileOwner";

/** Where a span is, as the CLI prints it: the file (as given, or relative to the current directory) and a line and column. */
export interface SourcePlace extends LineColumn {
  file: string;
}

/**
 * Places spans in their files: the program's own (named as the user gave it), or one of its
 * modules (a span with `file`), whose text is read once to count its lines.
 */
export class SourcePlaces {
  private readonly indexes = new Map<string, { name: string; lines: LineIndex }>();

  constructor(
    programName: string,
    programSource: string,
    private readonly readFile: (path: string) => string,
    private readonly cwd: string,
  ) {
    this.indexes.set("", { name: programName, lines: new LineIndex(programSource) });
  }

  /** The start (or, with `end`, the end) of `span`; a span-less diagnostic is at the program's 1:1. */
  at(span: Span | null, end = false): SourcePlace {
    const { name, lines } = this.fileOf(span?.file);
    const offset = span === null ? 0 : end ? Math.max(span.to, span.from) : span.from;
    return { file: name, ...lines.at(offset) };
  }

  private fileOf(file: string | undefined): { name: string; lines: LineIndex } {
    const key = file ?? "";
    let known = this.indexes.get(key);
    if (!known) {
      const native = nativePath(key);
      const rel = relative(this.cwd, native);
      const name = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : native;
      let text = "";
      try {
        text = this.readFile(native);
      } catch {
        // gone since the run: the place is still named, at its offsets' best guess
      }
      this.indexes.set(key, (known = { name, lines: new LineIndex(text) }));
    }
    return known;
  }
}
