import { formatNumber, formatValues } from "./format";

/** The numbers behind one edge `x → y` of the graph, for the text that explains its label. */
export interface ChainRuleTerms {
  /** What the text calls the root, the operand and the result (`loss`, `x`, `x * w`). */
  root: string;
  operand: string;
  result: string;
  /** ∂L/∂y: the result's gradient. */
  upstream: readonly number[] | null;
  /** ∂y/∂x for scalars; null for tensor operations (a vector–Jacobian product). */
  local: readonly number[] | null;
  /** ∂L/∂y · ∂y/∂x: what flows back along the edge. */
  contribution: readonly number[] | null;
  /** Shapes of the result and the operand. */
  resultShape: readonly number[];
  operandShape: readonly number[];
  /** The local rule in words, e.g. `∂(a·b)/∂a = b`. */
  rule: string;
}

/**
 * The chain rule for one edge, spelled out with numbers:
 * `∂L/∂x via y = ∂L/∂y · ∂y/∂x = -11.0000 × -0.5000 = 5.5000`, then the local rule on its own
 * line. Null when nothing flows back along the edge (it does not reach the root).
 */
export function chainRuleText(t: ChainRuleTerms): string | null {
  if (t.contribution === null) return null;
  const L = symbolName(t.root);
  const x = symbolName(t.operand);
  const y = symbolName(t.result);
  const head = `∂${L}/∂${x} via ${y} = ∂${L}/∂${y} · ∂${y}/∂${x}`;
  const scalar = t.resultShape.length === 0 && t.operandShape.length === 0;
  let body: string;
  if (scalar && t.upstream !== null && t.local !== null) {
    body = `${head} = ${formatNumber(t.upstream[0])} × ${formatNumber(t.local[0])} = ${formatNumber(t.contribution[0])}`;
  } else {
    body = `${head} (vector–Jacobian product) = ${formatValues(t.contribution, t.operandShape)}`;
  }
  return t.rule === "" ? body : `${body}\n${t.rule}`;
}

/** A name as it stands in `∂L/∂x`: identifiers as they are, anything else in parentheses. */
export function symbolName(label: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*(\[[^\]]*\])?$/u.test(label) ? label : `(${label})`;
}
