import type { ViewGraph } from "../viewGraph";
import { toggleFolds, type FoldChoices } from "./foldState";

/**
 * What a `toggleGroup` message means for the graph on screen: a key of a group node opens
 * every fold that group stands for; any other key is an open fold (a drawn value's `fold`),
 * which closes. The host keeps the returned choices per document and builds the graph again
 * with them (`buildViewGraph(trace, { nodeLimit, ...choices, previous })`).
 */
export function applyToggle(choices: FoldChoices, graph: ViewGraph, key: string): FoldChoices {
  const group = graph.nodes.find((n) => n.kind === "group" && n.key === key);
  if (group && group.kind === "group") return toggleFolds(choices, group.folds, true);
  return toggleFolds(choices, [key], false);
}

/** Fresh choices for a document: nothing opened or closed by hand. */
export function noFoldChoices(): FoldChoices {
  return { expanded: new Set(), collapsed: new Set() };
}
