/**
 * The DOT language, enough to draw what the Python `graphviz` package writes (and what a
 * program appends to a graph's `body` by hand): graphs and digraphs, node, edge and attribute
 * statements, `ID = ID`, subgraphs (as scopes for defaults, clusters remembered), edge chains
 * `a -> b -> c`, ports, quoted and HTML-like identifiers, and comments. Attribute defaults
 * (`node [shape=box]`) apply to what a scope creates after them, as in Graphviz.
 */

export type Attrs = Map<string, string>;

export interface DotNode {
  id: string;
  attrs: Attrs;
}

export interface DotEdge {
  tail: string;
  head: string;
  attrs: Attrs;
}

export interface DotCluster {
  name: string;
  attrs: Attrs;
  nodes: string[];
}

export interface DotModel {
  directed: boolean;
  name: string;
  graphAttrs: Attrs;
  /** In order of first appearance. */
  nodes: DotNode[];
  edges: DotEdge[];
  clusters: DotCluster[];
}

export class DotSyntaxError extends Error {}

type Token = { kind: "id"; value: string; html: boolean; quoted: boolean } | { kind: "punct"; value: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (src.startsWith("//", i) || (c === "#" && (i === 0 || src[i - 1] === "\n"))) {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (src.startsWith("/*", i)) {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (src.startsWith("->", i) || src.startsWith("--", i)) {
      tokens.push({ kind: "punct", value: src.slice(i, i + 2) });
      i += 2;
    } else if ("{}[]=;,:+".includes(c)) {
      tokens.push({ kind: "punct", value: c });
      i++;
    } else if (c === '"') {
      let value = "";
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === "\\" && src[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (src[i] === "\\" && src[i + 1] === "\n") i += 2;
        else value += src[i++];
      }
      if (i >= src.length) throw new DotSyntaxError("unterminated quoted string");
      i++;
      // "a" + "b" concatenates
      tokens.push({ kind: "id", value, html: false, quoted: true });
    } else if (c === "<") {
      let depth = 0;
      const start = i;
      for (; i < src.length; i++) {
        if (src[i] === "<") depth++;
        else if (src[i] === ">" && --depth === 0) break;
      }
      if (i >= src.length) throw new DotSyntaxError("unterminated HTML string");
      tokens.push({ kind: "id", value: src.slice(start + 1, i), html: true, quoted: true });
      i++;
    } else {
      const m = /^(-?(\.[0-9]+|[0-9]+(\.[0-9]*)?)|[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)/.exec(
        src.slice(i),
      );
      if (!m) throw new DotSyntaxError(`unexpected character '${c}'`);
      tokens.push({ kind: "id", value: m[0], html: false, quoted: false });
      i += m[0].length;
    }
  }
  return tokens;
}

/** An HTML-like label as the text it shows: tags dropped, `<br/>` a line break, entities decoded. */
export function htmlLabelText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

interface Scope {
  node: Attrs;
  edge: Attrs;
  cluster: DotCluster | null;
}

class Parser {
  private at = 0;
  private readonly nodes = new Map<string, DotNode>();
  /** The nodes each open subgraph has named so far (an edge to a subgraph joins them all). */
  private readonly members: string[][] = [];
  private readonly model: DotModel;
  constructor(private readonly tokens: Token[]) {
    this.model = { directed: true, name: "", graphAttrs: new Map(), nodes: [], edges: [], clusters: [] };
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
  private isPunct(value: string): boolean {
    const t = this.peek();
    return t?.kind === "punct" && t.value === value;
  }
  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t?.kind === "id" && !t.quoted && t.value.toLowerCase() === word;
  }
  private expect(value: string): void {
    if (!this.isPunct(value)) throw new DotSyntaxError(`expected '${value}'`);
    this.at++;
  }
  private id(): string {
    const t = this.tokens[this.at++];
    if (t?.kind !== "id") throw new DotSyntaxError("expected an identifier");
    let value = t.html ? htmlLabelText(t.value) : t.value;
    // "a" + "b": concatenated quoted strings
    while (this.peek()?.kind === "punct" && (this.peek() as { value: string }).value === "+") {
      this.at++;
      value += this.id();
    }
    return value;
  }

  parse(): DotModel {
    if (this.isKeyword("strict")) this.at++;
    if (this.isKeyword("digraph")) this.model.directed = true;
    else if (this.isKeyword("graph")) this.model.directed = false;
    else throw new DotSyntaxError("expected 'graph' or 'digraph'");
    this.at++;
    if (this.peek()?.kind === "id") this.model.name = this.id();
    this.expect("{");
    this.statements({ node: new Map(), edge: new Map(), cluster: null }, this.model.graphAttrs);
    this.expect("}");
    return this.model;
  }

  private statements(scope: Scope, graphAttrs: Attrs): void {
    while (this.peek() && !this.isPunct("}")) {
      this.statement(scope, graphAttrs);
      if (this.isPunct(";") || this.isPunct(",")) this.at++;
    }
  }

  private attrList(): Attrs {
    const attrs: Attrs = new Map();
    while (this.isPunct("[")) {
      this.at++;
      while (!this.isPunct("]")) {
        const key = this.id();
        let value = "true";
        if (this.isPunct("=")) {
          this.at++;
          value = this.id();
        }
        attrs.set(key, value);
        if (this.isPunct(",") || this.isPunct(";")) this.at++;
        if (!this.peek()) throw new DotSyntaxError("unterminated attribute list");
      }
      this.at++;
    }
    return attrs;
  }

  private touchNode(id: string, scope: Scope): DotNode {
    let node = this.nodes.get(id);
    if (!node) {
      node = { id, attrs: new Map(scope.node) };
      this.nodes.set(id, node);
      this.model.nodes.push(node);
    }
    if (scope.cluster && !scope.cluster.nodes.includes(id)) scope.cluster.nodes.push(id);
    for (const list of this.members) if (!list.includes(id)) list.push(id);
    return node;
  }

  /** A node id with its port, or a subgraph: the nodes it stands for. */
  private operand(scope: Scope, graphAttrs: Attrs): string[] {
    if (this.isPunct("{") || this.isKeyword("subgraph")) return this.subgraph(scope, graphAttrs);
    const id = this.id();
    if (this.isPunct(":")) {
      this.at++;
      this.id();
      if (this.isPunct(":")) {
        this.at++;
        this.id();
      }
    }
    return [id];
  }

  private subgraph(scope: Scope, graphAttrs: Attrs): string[] {
    let name = "";
    if (this.isKeyword("subgraph")) {
      this.at++;
      if (this.peek()?.kind === "id") name = this.id();
    }
    this.expect("{");
    const cluster: DotCluster | null = name.startsWith("cluster")
      ? { name, attrs: new Map(), nodes: [] }
      : null;
    if (cluster) this.model.clusters.push(cluster);
    const inner: Scope = {
      node: new Map(scope.node),
      edge: new Map(scope.edge),
      cluster: cluster ?? scope.cluster,
    };
    const members: string[] = [];
    this.members.push(members);
    try {
      this.statements(inner, cluster ? cluster.attrs : new Map(graphAttrs));
    } finally {
      this.members.pop();
    }
    this.expect("}");
    if (scope.cluster && cluster)
      for (const id of cluster.nodes) if (!scope.cluster.nodes.includes(id)) scope.cluster.nodes.push(id);
    return members;
  }

  private statement(scope: Scope, graphAttrs: Attrs): void {
    for (const kw of ["graph", "node", "edge"] as const) {
      if (
        this.isKeyword(kw) &&
        this.tokens[this.at + 1]?.kind === "punct" &&
        (this.tokens[this.at + 1] as { value: string }).value === "["
      ) {
        this.at++;
        const attrs = this.attrList();
        const target = kw === "graph" ? graphAttrs : scope[kw];
        for (const [k, v] of attrs) target.set(k, v);
        return;
      }
    }
    const ids = this.operand(scope, graphAttrs);
    if (this.isPunct("=")) {
      this.at++;
      graphAttrs.set(ids[0], this.id());
      return;
    }
    const chain: string[][] = [ids];
    while (this.isPunct("->") || this.isPunct("--")) {
      this.at++;
      chain.push(this.operand(scope, graphAttrs));
    }
    const attrs = this.attrList();
    if (chain.length === 1) {
      for (const id of ids) {
        const node = this.touchNode(id, scope);
        for (const [k, v] of attrs) node.attrs.set(k, v);
      }
      return;
    }
    for (const group of chain) for (const id of group) this.touchNode(id, scope);
    for (let k = 0; k + 1 < chain.length; k++)
      for (const tail of chain[k])
        for (const head of chain[k + 1])
          this.model.edges.push({ tail, head, attrs: new Map([...scope.edge, ...attrs]) });
  }
}

export function parseDot(src: string): DotModel {
  return new Parser(tokenize(src)).parse();
}
