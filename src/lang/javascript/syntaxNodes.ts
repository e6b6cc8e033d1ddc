import type { SyntaxNode } from "@lezer/common";

const COMMENTS = new Set(["LineComment", "BlockComment"]);

/** A node's children without comments (which the JavaScript grammar keeps in the tree). */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (!COMMENTS.has(child.name)) out.push(child);
  return out;
}
