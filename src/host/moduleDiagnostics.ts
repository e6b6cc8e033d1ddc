import * as vscode from "vscode";
import type { HealthDiagnostic } from "../explain/gradientHealth";
import type { TraceDiagnostic } from "../trace/trace";
import { toVscodeDiagnostics } from "./diagnostics";

type Item = TraceDiagnostic | HealthDiagnostic;

/**
 * Diagnostics a run found in the program's own modules (an error raised in `helper.py`, a NaN
 * made there), shown on those files. Several programs may import one module: each program's
 * findings are kept apart and a module shows them all, until the program's next run. They live
 * in a collection of their own, as the module may be run as a program itself too.
 */
export class ModuleDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection("gradlens-modules");
  /** By module URI, by program: what that program's last run found there. */
  private readonly found = new Map<string, Map<string, vscode.Diagnostic[]>>();
  /** A program's runs, numbered: a slow document open must not put an older run's findings back. */
  private readonly runs = new Map<string, number>();

  constructor(private readonly uriOf: (path: string) => vscode.Uri | null) {}

  /** The items of program `program`'s latest run that lie in other files (their spans name them). */
  async set(program: string, items: readonly Item[]): Promise<void> {
    const run = (this.runs.get(program) ?? 0) + 1;
    this.runs.set(program, run);
    const byFile = new Map<string, Item[]>();
    for (const item of items) {
      const file = item.span?.file;
      if (file === undefined) continue;
      const group = byFile.get(file);
      if (group) group.push(item);
      else byFile.set(file, [item]);
    }
    const made = new Map<string, vscode.Diagnostic[]>();
    for (const [file, group] of byFile) {
      const uri = this.uriOf(file);
      if (!uri) continue;
      try {
        const document = await vscode.workspace.openTextDocument(uri);
        made.set(uri.toString(), toVscodeDiagnostics(document, group, file));
      } catch {
        // the file is gone: nothing to show it on
      }
    }
    if (this.runs.get(program) !== run) return;
    for (const [key, byProgram] of this.found) {
      if (byProgram.delete(program) && !made.has(key)) this.show(key, byProgram);
    }
    for (const [key, diagnostics] of made) {
      let byProgram = this.found.get(key);
      if (!byProgram) this.found.set(key, (byProgram = new Map()));
      byProgram.set(program, diagnostics);
      this.show(key, byProgram);
    }
  }

  forget(program: string): void {
    void this.set(program, []);
  }

  private show(key: string, byProgram: Map<string, vscode.Diagnostic[]>): void {
    const uri = vscode.Uri.parse(key);
    if (byProgram.size === 0) {
      this.found.delete(key);
      this.collection.delete(uri);
    } else this.collection.set(uri, [...byProgram.values()].flat());
  }

  dispose(): void {
    this.collection.dispose();
  }
}
