import * as vscode from "vscode";
import { backwardCalls } from "../explain/backwardCalls";
import { programLanguage } from "./programLanguage";

/** Above each `.backward()`: the graph, the step-through and the gradient check, one click away. */
export class BackwardCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly lenses: readonly { title: string; command: string }[]) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const language = programLanguage(document);
    if (language === null) return [];
    return backwardCalls(document.getText(), language).flatMap(({ line }) => {
      const range = document.lineAt(line).range;
      return this.lenses.map((lens) => new vscode.CodeLens(range, { ...lens, arguments: [document.uri] }));
    });
  }
}
