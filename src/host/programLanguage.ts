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
  const known = answers.get(document);
  if (known && known.version === document.version) return known.language;
  const editorLanguage = languageOfEditor(document.languageId);
  const language =
    editorLanguage !== null && isGradLensProgram(editorLanguage, document.getText()) ? editorLanguage : null;
  answers.set(document, { version: document.version, language });
  return language;
}

/** The answer for each document's version: asked on every keystroke and run, it reads the text once. */
const answers = new WeakMap<vscode.TextDocument, { version: number; language: SourceLanguage | null }>();

export function isProgram(document: vscode.TextDocument): boolean {
  return programLanguage(document) !== null;
}

/** The editor's document when it is a GradLens program. */
export function programIn(editor: vscode.TextEditor | undefined): vscode.TextDocument | undefined {
  return editor && isProgram(editor.document) ? editor.document : undefined;
}
