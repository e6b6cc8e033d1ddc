import type { Tree } from "@lezer/common";

/**
 * The Lezer grammar has no rule for an empty `()`, `[]` or `{}` in a `case` pattern (`case
 * Point():`, `case []:`, `case {}:`), and its recovery can lose the rest of the clause. Python
 * allows them. Before the pattern is parsed again, each such pair is written as `_ ` (a capture
 * the grammar reads, of the same length, so every offset stays the program's); the lowering
 * reads the program's own text there and sees the bracket (see lowerPattern.ts).
 */
export function fillEmptyPatterns(source: string, tree: Tree): string {
  if (!source.includes("case")) return source;
  const regions: [number, number][] = [];
  tree.iterate({
    enter(n) {
      if (n.name !== "MatchClause") return;
      let end = n.to;
      for (let c = n.node.firstChild; c; c = c.nextSibling)
        if (c.name === "Guard" || c.name === "Body") {
          end = c.from;
          break;
        }
      regions.push([n.from + "case".length, end]);
    },
  });
  const chars = source.split("");
  let changed = false;
  for (const [from, to] of regions) {
    for (let i = from; i < to; i++) {
      const c = chars[i];
      if (c === "#") {
        while (i < to && chars[i] !== "\n") i++;
      } else if (c === '"' || c === "'") {
        i = stringEnd(source, i) - 1;
      } else if (
        (c === "(" && chars[i + 1] === ")") ||
        (c === "[" && chars[i + 1] === "]") ||
        (c === "{" && chars[i + 1] === "}")
      ) {
        chars[i] = "_";
        chars[i + 1] = " ";
        changed = true;
      }
    }
  }
  return changed ? chars.join("") : source;
}

/** Where the string literal opening at `at` ends (just past its closing quote, or the text's end). */
function stringEnd(source: string, at: number): number {
  const quote = source[at];
  const triple = source.startsWith(quote.repeat(3), at);
  const close = triple ? quote.repeat(3) : quote;
  for (let i = at + close.length; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source.startsWith(close, i)) return i + close.length;
    else if (!triple && source[i] === "\n") return i;
  }
  return source.length;
}
