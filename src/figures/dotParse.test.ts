import { describe, expect, it } from "vitest";
import { DotSyntaxError, parseDot } from "./dotParse";
import { dotSvg } from "./dotSvg";
import { checkXml } from "./testing/xmlCheck";

describe("DOT", () => {
  it("reads nodes, edges, defaults and graph attributes as the graphviz package writes them", () => {
    const model = parseDot(
      'digraph {\n\tgraph [rankdir=LR]\n\tnode [shape=box]\n\t1 [label="{ a | data 2.0000 }" shape=record]\n\t"1+" [label="+"]\n\t"1+" -> 1\n\t2 -> "1+" [color=red]\n}\n',
    );
    expect(model.directed).toBe(true);
    expect(model.graphAttrs.get("rankdir")).toBe("LR");
    expect(model.nodes.map((n) => [n.id, n.attrs.get("shape"), n.attrs.get("label")])).toEqual([
      ["1", "record", "{ a | data 2.0000 }"],
      ["1+", "box", "+"],
      ["2", "box", undefined],
    ]);
    expect(model.edges.map((e) => [e.tail, e.head, e.attrs.get("color")])).toEqual([
      ["1+", "1", undefined],
      ["2", "1+", "red"],
    ]);
  });

  it("reads edge chains, subgraphs and clusters", () => {
    const model = parseDot("graph G { a -- b -- c; subgraph cluster_0 { label=x; d; e } a -- {d e} }");
    expect(model.directed).toBe(false);
    expect(model.edges.map((e) => `${e.tail}${e.head}`)).toEqual(["ab", "bc", "ad", "ae"]);
    expect(model.clusters).toEqual([
      { name: "cluster_0", attrs: new Map([["label", "x"]]), nodes: ["d", "e"] },
    ]);
  });

  it("refuses what is not DOT", () => {
    expect(() => parseDot("digraph { a -> }")).toThrow(DotSyntaxError);
  });

  it("draws well-formed SVG with the labels escaped", () => {
    const svg = dotSvg('digraph { a [label="x < y & z"]; a -> b; b -> a }');
    expect(checkXml(svg).errors).toEqual([]);
    expect(svg).toContain("x &lt; y &amp; z");
  });
});
