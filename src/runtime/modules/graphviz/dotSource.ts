/**
 * DOT source text as the Python `graphviz` package writes it: identifiers quoted only when
 * they need it (not a name or a number, or a DOT keyword), `<...>` left as an HTML-like label,
 * attribute lists `[label="..." shape=record]` (keyword attributes sorted by name), one
 * statement a line, each indented by a tab.
 */

const ID = /^([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$/;
const KEYWORDS = new Set(["node", "edge", "graph", "digraph", "subgraph", "strict"]);

/** A DOT identifier for `text`, quoted if it must be (a `"` inside is escaped). */
export function quote(text: string): string {
  if (/^<[\s\S]*>$/.test(text)) return text;
  if (!ID.test(text) || KEYWORDS.has(text.toLowerCase())) {
    // a quote already escaped stays as it is; a bare one gets its backslash
    return `"${text.replace(/((?:\\\\)*)\\?"/g, '$1\\"')}"`;
  }
  return text;
}

/** `node:port:compass` with the node and port quoted. */
export function quoteEdge(text: string): string {
  const colon = text.indexOf(":");
  if (colon < 0) return quote(text);
  const node = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  const colon2 = rest.indexOf(":");
  if (colon2 < 0) return `${quote(node)}:${quote(rest)}`;
  return `${quote(node)}:${quote(rest.slice(0, colon2))}:${rest.slice(colon2 + 1)}`;
}

/** `label=spam shape=record` — the label first, then keyword attributes by name, then `_attributes` in order. */
export function aList(
  label: string | null,
  kwargs: readonly [string, string][],
  attributes: readonly [string, string][] = [],
): string {
  const out: string[] = label === null ? [] : [`label=${quote(label)}`];
  const sorted = [...kwargs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [k, v] of sorted) out.push(`${quote(k)}=${quote(v)}`);
  for (const [k, v] of attributes) out.push(`${quote(k)}=${quote(v)}`);
  return out.join(" ");
}

/** ` [a_list]`, or nothing when there are no attributes. */
export function attrList(
  label: string | null,
  kwargs: readonly [string, string][],
  attributes: readonly [string, string][] = [],
): string {
  const content = aList(label, kwargs, attributes);
  return content === "" ? "" : ` [${content}]`;
}

export interface GraphHead {
  directed: boolean;
  strict: boolean;
  name: string | null;
  comment: string | null;
  graphAttr: [string, string][];
  nodeAttr: [string, string][];
  edgeAttr: [string, string][];
  body: string[];
}

/** The whole source, line by line (each ending in a newline), as a graph or as a subgraph. */
export function sourceLines(g: GraphHead, asSubgraph = false): string[] {
  const lines: string[] = [];
  if (g.comment) lines.push(`// ${g.comment}\n`);
  const name = g.name ? `${quote(g.name)} ` : "";
  if (asSubgraph) lines.push(g.name ? `subgraph ${name}{\n` : `${name}{\n`);
  else lines.push(`${g.strict ? "strict " : ""}${g.directed ? "digraph" : "graph"} ${name}{\n`);
  for (const [kw, attrs] of [
    ["graph", g.graphAttr],
    ["node", g.nodeAttr],
    ["edge", g.edgeAttr],
  ] as const) {
    if (attrs.length > 0) lines.push(`\t${kw}${attrList(null, attrs)}\n`);
  }
  lines.push(...g.body);
  lines.push("}\n");
  return lines;
}
