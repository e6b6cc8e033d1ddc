import type { Trace } from "../trace/trace";
import type { CliIo } from "./main";

/**
 * `gradlens figures FILE -o DIR`: the figures the program showed, in order, as
 * `DIR/figure-1.svg`, `DIR/figure-2.svg`, … (the program itself writes no files; the person
 * running the CLI asks for these). Returns the paths written, or null after saying why not.
 */
export function writeFigures(trace: Trace, dir: string, io: CliIo): string[] | null {
  const figures = trace.figures ?? [];
  if (figures.length === 0) return [];
  try {
    io.makeDirectory?.(dir);
  } catch (e) {
    io.stderr(`gradlens: cannot make ${dir}: ${(e as Error).message}\n`);
    return null;
  }
  const written: string[] = [];
  for (let i = 0; i < figures.length; i++) {
    const path = `${dir.replace(/\/+$/, "")}/figure-${i + 1}.svg`;
    try {
      io.writeFile(path, figures[i].svg);
    } catch (e) {
      io.stderr(`gradlens: cannot write ${path}: ${(e as Error).message}\n`);
      return null;
    }
    written.push(path);
  }
  return written;
}
