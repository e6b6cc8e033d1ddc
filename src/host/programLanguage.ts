import * as vscode from "vscode";
import { isGradLensProgram, languageOfEditor, type SourceLanguage } from "../lang/sourceLanguage";

/** The editor languages GradLens works in: hovers and code lenses are offered in these. */
export const PROGRAM_SELECTOR: vscode.DocumentSelector = [
  { language: "python" },
  { language: "javascript" },
  { language: "typescript" },
];

/**
 * The language GradLens runs a document in, or null when it is not a GradLens program: any
 * Python file (and notebook cell), a JavaScript or TypeScript file only when it imports `gradlens`.
 */
export function programLanguage(document: vscode.TextDocument): SourceLanguage | null {
  const language = languageOfEditor(document.languageId);
  return language !== null && isGradLensProgram(language, document.getText()) ? language : null;
}

export function isProgram(document: vscode.TextDocument): boolean {
  return programLanguage(document) !== null;
}

/** The editor's document when it is a GradLens program. */
export function programIn(editor: vscode.TextEditor | undefined): vscode.TextDocument | undefined {
  return editor && isProgram(editor.document) ? editor.document : undefined;
}
