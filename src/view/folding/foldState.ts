import type { FoldTree } from "./foldTree";

/** How many value nodes a graph shows before folding starts (the `gradlens.nodeLimit` setting). */
export const DEFAULT_NODE_LIMIT = 2000;

export interface FoldOptions {
  /** Fold while the graph would show more value nodes than this. */
  nodeLimit?: number;
  /** Fold keys the user opened: never folded by default. */
  expanded?: ReadonlySet<string>;
  /** Fold keys the user closed: always folded. */
  collapsed?: ReadonlySet<string>;
}

/**
 * Past the node limit, a recurrence this long (`sum(…)` over 300 terms) is folded too: open,
 * it makes the graph as many columns wide, and laying those out costs more than the rest.
 */
export const LONG_CHAIN = 24;

/**
 * Which folds are closed: the user's choices and the program's layers (Fold.shut) unless the
 * user opened them, then — while more than `nodeLimit` units would
 * show — the outermost folds, largest first, level by level inwards, and then any long
 * recurrence left open. Deterministic: ties go to the fold made first.
 */
export function closedFolds(tree: FoldTree, valueCount: number, options: FoldOptions): Uint8Array {
  const { folds } = tree;
  const limit = Math.max(1, options.nodeLimit ?? DEFAULT_NODE_LIMIT);
  const expanded = options.expanded ?? new Set<string>();
  const closed = new Uint8Array(folds.length);
  for (let f = 0; f < folds.length; f++) if (folds[f].shut && !expanded.has(folds[f].key)) closed[f] = 1;
  if (options.collapsed)
    for (const key of options.collapsed) {
      const f = tree.byKey.get(key);
      if (f !== undefined && !expanded.has(key)) closed[f] = 1;
    }

  // Units each fold shows while open (its direct values plus each child's units, or 1 if closed).
  const byDepth: number[][] = [];
  for (let f = 0; f < folds.length; f++) (byDepth[folds[f].depth] ??= []).push(f);
  const units = new Float64Array(folds.length);
  for (let f = 0; f < folds.length; f++) units[f] = folds[f].direct;
  for (let d = byDepth.length - 1; d >= 1; d--)
    for (const f of byDepth[d] ?? []) {
      const p = folds[f].parent;
      if (p >= 0) units[p] += closed[f] ? 1 : units[f];
    }
  let count = valueCount - folds.reduce((s, f) => s + f.direct, 0);
  for (const f of byDepth[1] ?? []) count += closed[f] ? 1 : units[f];

  const hidden = (f: number) => {
    for (let p = folds[f].parent; p >= 0; p = folds[p].parent) if (closed[p]) return true;
    return false;
  };
  for (let d = 1; d < byDepth.length && count > limit; d++) {
    const candidates = (byDepth[d] ?? []).filter(
      (f) => !closed[f] && units[f] > 1 && !expanded.has(folds[f].key) && !hidden(f),
    );
    candidates.sort((a, b) => units[b] - units[a] || a - b);
    for (const f of candidates) {
      if (count <= limit) break;
      closed[f] = 1;
      count -= units[f] - 1;
    }
  }
  if (valueCount > limit)
    for (let f = 0; f < folds.length; f++)
      if (folds[f].chain >= LONG_CHAIN && !closed[f] && !expanded.has(folds[f].key) && !hidden(f))
        closed[f] = 1;
  return closed;
}

/** The user's fold choices for one document, as the host keeps them between runs. */
export interface FoldChoices {
  expanded: Set<string>;
  collapsed: Set<string>;
}

/**
 * Applies a `toggleGroup` from the webview: `keys` are the folds a group node stands for (all
 * open together) or the one open fold a member belongs to. Opening wins over an earlier close
 * and the other way round, so the two sets never share a key.
 */
export function toggleFolds(choices: FoldChoices, keys: readonly string[], open: boolean): FoldChoices {
  const expanded = new Set(choices.expanded);
  const collapsed = new Set(choices.collapsed);
  for (const key of keys) {
    (open ? expanded : collapsed).add(key);
    (open ? collapsed : expanded).delete(key);
  }
  return { expanded, collapsed };
}
