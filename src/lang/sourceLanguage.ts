/**
 * Which front end reads a program, and whether a file is one GradLens should run at all. Every
 * Python file is (GradLens is opened for it); a JavaScript or TypeScript file only when it
 * imports the `gradlens` module — the other JS in a workspace is not ours to run or flag.
 */
export type SourceLanguage = "python" | "javascript" | "typescript";

/** By file name: `.js`/`.mjs`/`.cjs`/`.jsx` JavaScript, `.ts`/`.mts`/`.cts`/`.tsx` TypeScript, else Python. */
export function languageOfFile(fileName: string): SourceLanguage {
  if (/\.(m|c)?jsx?$/i.test(fileName)) return "javascript";
  if (/\.(m|c)?tsx?$/i.test(fileName)) return "typescript";
  return "python";
}

/** By an editor's language id (VS Code's `python`, `javascript`, `typescript`); null for any other. */
export function languageOfEditor(languageId: string): SourceLanguage | null {
  return languageId === "python" || languageId === "javascript" || languageId === "typescript"
    ? languageId
    : null;
}

/** `import … from "gradlens"` or `import "gradlens"`, outside comments (there is no `require` in GradLens's JavaScript). */
const IMPORTS_GRADLENS = /^[^/]*?(?:\bfrom\s*|\bimport\s*)["']gradlens["']/m;

/** Whether GradLens should run a program in `language` with this text. */
export function isGradLensProgram(language: SourceLanguage, text: string): boolean {
  return language === "python" || IMPORTS_GRADLENS.test(text);
}

/** Where a line comment starts in `language`, for scanning lines without a parser. */
export function lineCommentPattern(language: SourceLanguage): RegExp {
  return language === "python" ? /#.*$/ : /\/\/.*$/;
}
