import type { SyntaxNode } from "@lezer/common";

/**
 * `1.` (a float written with a trailing dot, common in PyTorch code: `torch.tensor([1., 2.])`)
 * is read by the Lezer grammar as the member expression `1` `.` with a missing name. Python reads
 * it as the float 1.0; this recognises that shape so the lowering can do the same and the
 * syntax check does not report it.
 */
export function isTrailingDotFloat(node: SyntaxNode | null, source: string): boolean {
  if (!node || node.name !== "MemberExpression") return false;
  const number = node.firstChild;
  const dot = number?.nextSibling;
  const missing = dot?.nextSibling;
  return (
    number?.name === "Number" &&
    /^[0-9][0-9_]*$/.test(source.slice(number.from, number.to)) &&
    dot?.name === "." &&
    dot.from === number.to &&
    missing !== null &&
    missing !== undefined &&
    missing.type.isError &&
    missing.from === missing.to &&
    missing.nextSibling === null
  );
}
