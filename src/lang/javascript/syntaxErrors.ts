import type { Tree } from "@lezer/common";
import type { SourceSpan } from "../ir";

export interface JsSyntaxProblem {
  message: string;
  span: SourceSpan;
}

/**
 * Where the parser had to recover, one problem per line, worded as V8 words its SyntaxErrors
 * (`Unexpected token '}'`, `Unexpected end of input`).
 */
export function findJsSyntaxErrors(source: string, tree: Tree): JsSyntaxProblem[] {
  const problems: JsSyntaxProblem[] = [];
  let lastLine = -1;
  tree.iterate({
    enter(node) {
      if (!node.type.isError) return;
      const line = source.slice(0, node.from).split("\n").length;
      if (line === lastLine) return;
      lastLine = line;
      const from = node.from;
      // an empty error node marks what was missing: point at the token that follows it
      const rest = source.slice(from);
      const token = /^\s*(\S)/.exec(rest);
      if (token === null) {
        const end = source.trimEnd().length;
        problems.push({ message: "SyntaxError: Unexpected end of input", span: { from: end, to: end } });
        return;
      }
      const at = from + token[0].length - 1;
      const word = /^[A-Za-z_$][\w$]*|^\d[\w.]*|^\S/.exec(source.slice(at))![0];
      const kind = /^\d/.test(word) ? "number" : /^[A-Za-z_$]/.test(word) ? "identifier" : "token";
      const message = kind === "number" ? "Unexpected number" : `Unexpected ${kind} '${word}'`;
      const to = node.to > at ? node.to : at + word.length;
      problems.push({ message: `SyntaxError: ${message}`, span: { from: at, to } });
    },
  });
  return problems;
}
