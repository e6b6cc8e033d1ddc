import type { PyModule } from "./objects";
import type { SourceSpan } from "../../lang/ir";
import type { Frame } from "./frame";
import type { Interpreter } from "./interpreter";

/** How `import` statements find modules; the runtime supplies the built-in set. */
export interface ModuleLoader {
  importModule(interp: Interpreter, path: string[], alias: string | null, frame: Frame): void;
  importFrom(
    interp: Interpreter,
    path: string[],
    names: { name: string; alias: string | null; span: SourceSpan }[],
    frame: Frame,
    at: (span: SourceSpan) => void,
    /** A relative import's level (`from . import x`: 1); 0 for an absolute one. */
    level?: number,
  ): void;
  /** Every module imported so far (their globals are among what a program can still reach). */
  loadedModules(): Iterable<PyModule>;
}
