import type { Tree } from "@lezer/common";
import type { JsSyntaxProblem } from "./syntaxErrors";

/**
 * Literals the parser accepts but a module rejects, worded as V8 words them: a legacy octal or
 * zero-led number (`017`, `08`: modules are strict) and a `\u{…}` escape past U+10FFFF.
 */
export function findLiteralErrors(source: string, tree: Tree): JsSyntaxProblem[] {
  const problems: JsSyntaxProblem[] = [];
  const report = (message: string, from: number, to: number) =>
    problems.push({ message: `SyntaxError: ${message}`, span: { from, to } });
  tree.iterate({
    enter(node) {
      if (node.name === "Number") {
        const text = source.slice(node.from, node.to);
        if (/^0[0-7]+$/.test(text))
          report("Octal literals are not allowed in strict mode.", node.from, node.to);
        else if (/^0[0-9]/.test(text))
          report("Decimals with leading zeros are not allowed in strict mode.", node.from, node.to);
        return;
      }
      if (node.name !== "String" && node.name !== "TemplateString") return;
      // a template's interpolations are nodes of their own, checked when the walk reaches them
      let from = node.from;
      const cursor = node.node.firstChild;
      for (let c = cursor; c !== null; c = c.nextSibling) {
        if (c.name !== "Interpolation") continue;
        checkEscapes(source, from, c.from, report);
        from = c.to;
      }
      checkEscapes(source, from, node.to, report);
    },
  });
  return problems;
}

function checkEscapes(
  source: string,
  from: number,
  to: number,
  report: (message: string, from: number, to: number) => void,
): void {
  for (let i = from; i < to; i++) {
    if (source[i] !== "\\") continue;
    i++; // the escaped character is never the start of another escape
    if (source[i] !== "u" || source[i + 1] !== "{") continue;
    const end = source.indexOf("}", i);
    if (end < 0 || end > to) continue;
    if (parseInt(source.slice(i + 2, end), 16) > 0x10ffff)
      report("Undefined Unicode code-point", i - 1, end + 1);
    i = end;
  }
}
