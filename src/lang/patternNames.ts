import type { NameExpr, Pattern } from "./ir";

/** Every capture of a pattern, in order (an or-pattern's from each of its alternatives). */
export function patternNames(p: Pattern): NameExpr[] {
  switch (p.k) {
    case "matchAs":
      return [...(p.pattern ? patternNames(p.pattern) : []), ...(p.name ? [p.name] : [])];
    case "matchStar":
      return p.name ? [p.name] : [];
    case "matchSequence":
      return p.items.flatMap(patternNames);
    case "matchMapping":
      return [...p.values.flatMap(patternNames), ...(p.rest ? [p.rest] : [])];
    case "matchClass":
      return [...p.args.flatMap(patternNames), ...p.keywords.flatMap((k) => patternNames(k.pattern))];
    case "matchOr":
      return p.alternatives.flatMap(patternNames);
    default:
      return [];
  }
}
