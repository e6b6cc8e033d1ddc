import type { TraceDiagnostic } from "../trace/trace";

/**
 * Diagnostics a module adds while the program runs (`warnings.warn` gives an info at the
 * call), collected per interpreter and handed to the trace when the run ends.
 */
const notes = new WeakMap<object, TraceDiagnostic[]>();

export function addRunNote(interp: object, note: TraceDiagnostic): void {
  const list = notes.get(interp);
  if (list) list.push(note);
  else notes.set(interp, [note]);
}

export function runNotes(interp: object): TraceDiagnostic[] {
  return notes.get(interp) ?? [];
}
