import type { Tape } from "../engine/tape";
import type { Occurrence } from "../trace/trace";
import type { RunOptions } from "./runApi";

/**
 * Which Value row a run's trace differentiates: the row the caller chose (`RunOptions.output`),
 * else the value a chosen name last stood for, else the root of the program's last
 * `backward()`. A chosen tensor row gives null: it is differentiated on the tensor side, in
 * place of any Value root. The same rule for every language.
 */
export function traceRoot(
  options: RunOptions,
  tape: Tape,
  occurrences: readonly Occurrence[],
  lastRoot: number | null,
): number | null {
  if (options.output !== undefined && tape.isTensorBirth(options.output)) return null;
  return chosenRow(options.output, tape) ?? namedOutput(options.outputName, occurrences) ?? lastRoot;
}

/** The Value row the caller chose (by its birth, see Tape.birthOf), if it is one in this run. */
function chosenRow(output: number | undefined, tape: Tape): number | null {
  if (output === undefined || !Number.isInteger(output) || output < 0) return null;
  const row = tape.rowOfBirth(output);
  return row >= 0 && !tape.isTensor(row) ? row : null;
}

/** The value a name last stood for in the program (its last occurrence), if any. */
function namedOutput(name: string | undefined, occurrences: readonly Occurrence[]): number | null {
  if (name === undefined) return null;
  for (let i = occurrences.length - 1; i >= 0; i--)
    if (occurrences[i].name === name) return occurrences[i].node;
  return null;
}
