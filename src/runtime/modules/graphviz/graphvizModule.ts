import { DotSyntaxError } from "../../../figures/dotParse";
import { dotSvg } from "../../../figures/dotSvg";
import { figureOutputs } from "../../figureOutputs";
import { dictSet, toArray } from "../../interpreter/collections";
import type { Interpreter } from "../../interpreter/interpreter";
import {
  DONE,
  PyBuiltin,
  PyClass,
  PyDict,
  PyInstance,
  PyIterator,
  PyList,
  PyModule,
  PyProperty,
  type Kwargs,
  type PyValue,
} from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { typeName } from "../../interpreter/stringify";
import type { ModuleFactory } from "../../moduleLoader";
import { attrList, aList, quote, quoteEdge, sourceLines } from "./dotSource";

/**
 * The `graphviz` package's `Digraph` and `Graph`: a graph is built by `node`, `edge`, `attr`
 * and `subgraph` calls into `body` lines of DOT, exactly as the package writes them (so
 * `print(dot.source)` prints what it would). Showing one — the last expression of a notebook
 * cell, `display(dot)`, `dot.render()`, `dot.view()` — draws it with GradLens's own layout and
 * renderer (src/figures/dotSvg.ts) into the run's figures; no file is written.
 */

const CONSTRUCTOR_PARAMS = [
  "name",
  "comment",
  "filename",
  "directory",
  "format",
  "engine",
  "encoding",
  "graph_attr",
  "node_attr",
  "edge_attr",
  "body",
  "strict",
];

/** A `Digraph` or `Graph` instance: its state lives in its attributes, as the package's does. */
export class GraphObject extends PyInstance {}

function str(v: PyValue | undefined, what: string): string {
  if (typeof v === "string") return v;
  throw typeError(`expected string or bytes-like object, got '${typeName(v ?? null)}' (${what})`);
}

function optionalStr(v: PyValue | undefined, what: string): string | null {
  return v === undefined || v === null ? null : str(v, what);
}

/** A mapping's items (a dict's sorted, as the package sorts plain dicts), values None dropped. */
function items(rt: Interpreter, v: PyValue | undefined, what: string, sort: boolean): [string, string][] {
  if (v === undefined || v === null) return [];
  let pairs: [PyValue, PyValue][];
  if (v instanceof PyDict) pairs = [...v.entries.values()].map((e) => [e.key, e.value]);
  else
    pairs = toArray(rt, v).map((p) => {
      const pair = toArray(rt, p);
      if (pair.length !== 2) throw valueError(`${what} items must be (key, value) pairs`);
      return [pair[0], pair[1]];
    });
  const out = pairs
    .filter(([, value]) => value !== null)
    .map(([k, value]): [string, string] => [str(k, what), str(value, what)]);
  if (sort && v instanceof PyDict) out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return out;
}

function kwargItems(kwargs: Kwargs, skip: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of kwargs ?? []) {
    if (skip.includes(k) || v === null) continue;
    out.push([k, str(v, k)]);
  }
  return out;
}

function attrOf(g: PyInstance, name: string): PyValue {
  return g.attrs.get(name) ?? null;
}

function bodyOf(g: PyInstance): PyList {
  const body = attrOf(g, "body");
  if (!(body instanceof PyList)) throw typeError("graph body must be a list of str");
  return body;
}

function lines(rt: Interpreter, g: PyInstance, asSubgraph: boolean): string[] {
  const body = bodyOf(g).items.map((l) => str(l, "body line"));
  return sourceLines(
    {
      directed: attrOf(g, "directed") === true,
      strict: attrOf(g, "strict") === true,
      name: optionalStr(attrOf(g, "name"), "name"),
      comment: optionalStr(attrOf(g, "comment"), "comment"),
      graphAttr: items(rt, attrOf(g, "graph_attr"), "graph_attr", true),
      nodeAttr: items(rt, attrOf(g, "node_attr"), "node_attr", true),
      edgeAttr: items(rt, attrOf(g, "edge_attr"), "edge_attr", true),
      body,
    },
    asSubgraph,
  );
}

export function graphSource(rt: Interpreter, g: PyInstance): string {
  return lines(rt, g, false).join("");
}

/** The graph drawn as SVG (a DOT syntax error in hand-written body lines is the error `dot` would report). */
export function graphSvg(rt: Interpreter, g: PyInstance): string {
  try {
    return dotSvg(graphSource(rt, g));
  } catch (e) {
    if (e instanceof DotSyntaxError)
      throw new PyError("CalledProcessError", `dot could not read the graph: syntax error: ${e.message}`);
    throw e;
  }
}

function method(
  name: string,
  f: (self: GraphObject, args: PyValue[], kwargs: Kwargs) => PyValue,
): PyProperty {
  return new PyProperty(
    new PyBuiltin(
      name,
      ([self]) => new PyBuiltin(name, (args, kwargs) => f(self as GraphObject, args, kwargs)),
    ),
    null,
  );
}

function bind(
  fname: string,
  args: PyValue[],
  kwargs: Kwargs,
  names: string[],
  rest: boolean,
): Record<string, PyValue | undefined> {
  if (args.length > names.length)
    throw typeError(`${fname}() takes ${names.length} positional arguments but ${args.length} were given`);
  const out: Record<string, PyValue | undefined> = Object.create(null);
  names.forEach((n, i) => (out[n] = args[i]));
  for (const [k, v] of kwargs ?? []) {
    if (names.includes(k)) {
      if (out[k] !== undefined) throw typeError(`${fname}() got multiple values for argument '${k}'`);
      out[k] = v;
    } else if (!rest) throw typeError(`${fname}() got an unexpected keyword argument '${k}'`);
  }
  return out;
}

function makeGraphClasses(rt: Interpreter, m: PyModule): void {
  const outputs = figureOutputs(rt);
  const show = (g: GraphObject, span = rt.at) => {
    if (!outputs.drawing) return;
    const name = optionalStr(attrOf(g, "name"), "name");
    outputs.add({ svg: graphSvg(rt, g), span, kind: "graphviz", ...(name ? { title: name } : {}) });
  };
  outputs.displayers.push((value, span) => {
    if (!(value instanceof GraphObject)) return false;
    show(value, span);
    return true;
  });

  const base = new PyClass("Dot", null, "graphviz.dot");
  const construct = (cls: PyClass, directed: boolean) => (args: PyValue[], kwargs: Kwargs) => {
    const a = bind(cls.name, args, kwargs, CONSTRUCTOR_PARAMS, false);
    const g = new GraphObject(cls);
    g.attrs.set("directed", directed);
    g.attrs.set("name", a.name ?? null);
    g.attrs.set("comment", a.comment ?? null);
    g.attrs.set(
      "filename",
      a.filename ?? `${a.name === undefined || a.name === null ? cls.name : str(a.name, "name")}.gv`,
    );
    g.attrs.set("directory", a.directory ?? "");
    g.attrs.set("format", a.format ?? "pdf");
    g.attrs.set("engine", a.engine ?? "dot");
    g.attrs.set("encoding", a.encoding ?? "utf-8");
    g.attrs.set("strict", a.strict ?? false);
    for (const kind of ["graph_attr", "node_attr", "edge_attr"]) {
      const d = new PyDict();
      for (const [k, v] of items(rt, a[kind], kind, false)) dictSet(d, k, v);
      g.attrs.set(kind, d);
    }
    g.attrs.set("body", new PyList(a.body === undefined || a.body === null ? [] : toArray(rt, a.body)));
    return g;
  };
  const digraph: PyClass = new PyClass("Digraph", base, "graphviz.graphs", (args, kwargs) =>
    construct(digraph, true)(args, kwargs),
  );
  const graph: PyClass = new PyClass("Graph", base, "graphviz.graphs", (args, kwargs) =>
    construct(graph, false)(args, kwargs),
  );

  const append = (g: GraphObject, line: string) => bodyOf(g).items.push(line);
  const d = base.dict;
  d.set(
    "node",
    method("node", (g, args, kwargs) => {
      const a = bind("node", args, kwargs, ["name", "label", "_attributes"], true);
      const name = quote(str(a.name, "name"));
      const label = optionalStr(a.label, "label");
      append(
        g,
        `\t${name}${attrList(label, kwargItems(kwargs, ["name", "label", "_attributes"]), items(rt, a._attributes, "_attributes", true))}\n`,
      );
      return null;
    }),
  );
  d.set(
    "edge",
    method("edge", (g, args, kwargs) => {
      const a = bind("edge", args, kwargs, ["tail_name", "head_name", "label", "_attributes"], true);
      const tail = quoteEdge(str(a.tail_name, "tail_name"));
      const head = quoteEdge(str(a.head_name, "head_name"));
      const attrs = attrList(
        optionalStr(a.label, "label"),
        kwargItems(kwargs, ["tail_name", "head_name", "label", "_attributes"]),
        items(rt, a._attributes, "_attributes", true),
      );
      append(g, `\t${tail} ${attrOf(g, "directed") === true ? "->" : "--"} ${head}${attrs}\n`);
      return null;
    }),
  );
  d.set(
    "edges",
    method("edges", (g, [pairs]) => {
      for (const pair of toArray(rt, pairs ?? null)) {
        const [t, h] = toArray(rt, pair);
        append(
          g,
          `\t${quoteEdge(str(t, "tail_name"))} ${attrOf(g, "directed") === true ? "->" : "--"} ${quoteEdge(str(h, "head_name"))}\n`,
        );
      }
      return null;
    }),
  );
  d.set(
    "attr",
    method("attr", (g, args, kwargs) => {
      const a = bind("attr", args, kwargs, ["kw", "_attributes"], true);
      const kw = optionalStr(a.kw, "kw");
      if (kw !== null && kw !== "graph" && kw !== "node" && kw !== "edge")
        throw valueError(`attr statement must target graph, node, or edge: '${kw}'`);
      const attrs = kwargItems(kwargs, ["kw", "_attributes"]);
      const extra = items(rt, a._attributes, "_attributes", true);
      if (attrs.length === 0 && extra.length === 0) return null;
      append(
        g,
        kw === null ? `\t${aList(null, attrs, extra)}\n` : `\t${kw}${attrList(null, attrs, extra)}\n`,
      );
      return null;
    }),
  );
  const contextManager = new PyClass("_GeneratorContextManager", null, "contextlib");
  d.set(
    "subgraph",
    method("subgraph", (g, args, kwargs) => {
      const a = bind(
        "subgraph",
        args,
        kwargs,
        ["graph", "name", "comment", "graph_attr", "node_attr", "edge_attr", "body"],
        false,
      );
      if (a.graph === undefined || a.graph === null) {
        const cls = g.cls;
        const sub = cls.construct!(
          [],
          new Map<string, PyValue>([
            ["name", a.name ?? null],
            ["comment", a.comment ?? null],
            ["graph_attr", a.graph_attr ?? null],
            ["node_attr", a.node_attr ?? null],
            ["edge_attr", a.edge_attr ?? null],
            ["body", a.body ?? null],
            ["format", attrOf(g, "format")],
            ["engine", attrOf(g, "engine")],
          ]),
        ) as GraphObject;
        sub.attrs.set("strict", null);
        const manager = new PyInstance(contextManager);
        manager.attrs.set("__enter__", new PyBuiltin("__enter__", () => sub));
        manager.attrs.set(
          "__exit__",
          new PyBuiltin("__exit__", ([type]) => {
            if (type === null || type === undefined) addSubgraph(g, sub);
            return false;
          }),
        );
        return manager;
      }
      if (
        [a.name, a.comment, a.graph_attr, a.node_attr, a.edge_attr, a.body].some(
          (v) => v !== undefined && v !== null,
        )
      )
        throw valueError("graph must be sole argument of subgraph()");
      if (!(a.graph instanceof GraphObject))
        throw typeError(`subgraph() argument must be a Graph or Digraph, not ${typeName(a.graph)}`);
      addSubgraph(g, a.graph);
      return null;
    }),
  );
  const addSubgraph = (g: GraphObject, sub: GraphObject) => {
    if (attrOf(sub, "directed") !== attrOf(g, "directed"))
      throw valueError(`${rt.repr(g)} cannot add subgraph of different kind: ${rt.repr(sub)}`);
    if (attrOf(sub, "strict") === true) throw valueError("subgraphs cannot be strict");
    for (const line of lines(rt, sub, true)) append(g, `\t${line}`);
  };
  d.set("source", new PyProperty(new PyBuiltin("source", ([g]) => graphSource(rt, g as GraphObject)), null));
  d.set("__str__", new PyBuiltin("__str__", ([g]) => graphSource(rt, g as GraphObject)));
  d.set(
    "__iter__",
    new PyBuiltin("__iter__", ([g]) => {
      const all = lines(rt, g as GraphObject, false);
      let i = 0;
      return new PyIterator(() => (i < all.length ? all[i++] : DONE), "generator");
    }),
  );
  d.set(
    "clear",
    method("clear", (g, args, kwargs) => {
      const a = bind("clear", args, kwargs, ["keep_attrs"], false);
      if (a.keep_attrs !== true)
        for (const kind of ["graph_attr", "node_attr", "edge_attr"]) {
          const dict = attrOf(g, kind);
          if (dict instanceof PyDict) dict.entries.clear();
        }
      bodyOf(g).items.length = 0;
      return null;
    }),
  );
  d.set(
    "copy",
    method("copy", (g) => {
      const copy = new GraphObject(g.cls);
      for (const [k, v] of g.attrs) {
        if (v instanceof PyList) copy.attrs.set(k, new PyList([...v.items]));
        else if (v instanceof PyDict) {
          const dict = new PyDict();
          for (const [key, e] of v.entries) dict.entries.set(key, { ...e });
          copy.attrs.set(k, dict);
        } else copy.attrs.set(k, v);
      }
      return copy;
    }),
  );
  const written = (g: GraphObject, args: PyValue[], kwargs: Kwargs, verb: string) => {
    const a = bind(verb, args, kwargs, ["filename", "directory", "view", "cleanup", "format"], true);
    const filename = optionalStr(a.filename, "filename") ?? str(attrOf(g, "filename"), "filename");
    const format = optionalStr(a.format, "format") ?? str(attrOf(g, "format"), "format");
    const directory = optionalStr(a.directory, "directory") ?? str(attrOf(g, "directory") ?? "", "directory");
    show(g);
    const path = `${directory ? `${directory}/` : ""}${filename}.${format}`;
    outputs.note(
      "info",
      `${verb}() wrote no file (${path}): GradLens runs programs without writing files. The graph is shown instead.`,
      rt.at,
      "graphviz",
    );
    return path;
  };
  d.set(
    "render",
    method("render", (g, args, kwargs) => written(g, args, kwargs, "render")),
  );
  d.set(
    "view",
    method("view", (g, args, kwargs) => written(g, args, kwargs, "view")),
  );
  d.set(
    "save",
    method("save", (g, args, kwargs) => {
      const a = bind("save", args, kwargs, ["filename", "directory"], true);
      const filename = optionalStr(a.filename, "filename") ?? str(attrOf(g, "filename"), "filename");
      outputs.note(
        "info",
        `save() wrote no file (${filename}): GradLens runs programs without writing files.`,
        rt.at,
        "graphviz",
      );
      return filename;
    }),
  );
  d.set(
    "_repr_svg_",
    method("_repr_svg_", (g) => graphSvg(rt, g)),
  );
  d.set(
    "_repr_image_svg_xml",
    method("_repr_image_svg_xml", (g) => graphSvg(rt, g)),
  );
  d.set(
    "_repr_mimebundle_",
    method("_repr_mimebundle_", (g) => {
      const bundle = new PyDict();
      dictSet(bundle, "image/svg+xml", graphSvg(rt, g));
      return bundle;
    }),
  );
  d.set(
    "pipe",
    method("pipe", () => {
      throw new UnsupportedError(
        "`Digraph.pipe()` is not supported by GradLens (it returns bytes); use `dot.source`, or show the graph",
      );
    }),
  );
  d.set(
    "__getattr__",
    new PyBuiltin("__getattr__", ([, name]) => {
      throw new UnsupportedError(
        `\`graphviz.Digraph.${String(name)}\` is not supported by GradLens (or is not part of graphviz)`,
      );
    }),
  );
  m.attrs.set("Digraph", digraph);
  m.attrs.set("Graph", graph);
  m.attrs.set("__version__", "0.20.1");
  m.attrs.set("nohtml", new PyBuiltin("nohtml", ([s]) => str(s, "s")));
  m.attrs.set("escape", new PyBuiltin("escape", ([s]) => str(s, "s").replace(/\\/g, "\\\\")));
  for (const name of ["Source", "render", "view", "pipe", "unflatten"])
    m.attrs.set(
      name,
      new PyBuiltin(name, () => {
        throw new UnsupportedError(
          `\`graphviz.${name}\` is not supported by GradLens; build the graph with Digraph`,
        );
      }),
    );
}

const modules = new WeakMap<Interpreter, PyModule>();

export const GRAPHVIZ_MODULES: [string, ModuleFactory][] = [
  [
    "graphviz",
    (interp) => {
      let m = modules.get(interp);
      if (!m) {
        m = new PyModule("graphviz");
        modules.set(interp, m);
        makeGraphClasses(interp, m);
      }
      return m;
    },
  ],
];
