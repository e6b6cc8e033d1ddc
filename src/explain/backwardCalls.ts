import { lineCommentPattern, type SourceLanguage } from "../lang/sourceLanguage";

/** Where the program calls `.backward(`: 0-based lines and the column of the dot, for code lenses. */
export function backwardCalls(
  source: string,
  language: SourceLanguage = "python",
): { line: number; column: number }[] {
  const found: { line: number; column: number }[] = [];
  const lines = source.split("\n");
  const comment = lineCommentPattern(language);
  lines.forEach((text, line) => {
    const code = text.replace(comment, ""); // a comment that mentions backward() is not a call
    const match = /\.backward\s*\(/.exec(code);
    if (match) found.push({ line, column: match.index });
  });
  return found;
}
