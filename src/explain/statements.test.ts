import { describe, expect, it } from "vitest";
import { bindsName, statements } from "./statements";
import { spanOf } from "./testing/sourceTrace";

/** The text of each statement's targets. */
function targets(source: string): string[][] {
  return statements(source).map((s) => s.targets.map((t) => source.slice(t.from, t.to).trim()));
}

describe("statements", () => {
  it("splits lines and semicolons, and finds plain, tuple, chained and augmented targets", () => {
    expect(targets("a = 1; b = 2\nx, y = f(k=1)\nc = d = Value(1)\ny += 1 - b\nz **= 2\nm <<= 1")).toEqual([
      ["a"],
      ["b"],
      ["x, y"],
      ["c", "d"],
      ["y"],
      ["z"],
      ["m"],
    ]);
  });

  it("sees no assignment in comparisons, keyword arguments, walrus or lambda defaults", () => {
    expect(targets("x == y\nx <= 1\nx >= 1\nx != 1\nprint(sep='')\n(n := 3)\nf = lambda x=1: x")).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
      ["f"],
    ]);
  });

  it("finds for-loop targets and one-line bodies after a compound header", () => {
    expect(
      targets("for i, x in enumerate(xs):\n    pass\nif ok: y = 1\nwhile a < b: a += 1\ndef f(x=1):"),
    ).toEqual([["i, x"], [], ["y"], ["a"], []]);
    expect(targets("for x in xs: s = s + x")).toEqual([["x", "s"]]);
  });

  it("keeps a statement across open brackets, continuations and multi-line strings", () => {
    const source =
      'loss = sum(\n    (y - t) ** 2 for y, t in zip(ys, ts)\n)\ns = """a = b\n# no"""\nq = 1 + \\\n  2\n';
    const all = statements(source);
    expect(all.map((s) => source.slice(s.from, s.to))).toEqual([
      "loss = sum(\n    (y - t) ** 2 for y, t in zip(ys, ts)\n)",
      's = """a = b\n# no"""',
      "q = 1 + \\\n  2",
    ]);
    expect(targets(source)).toEqual([["loss"], ["s"], ["q"]]);
  });

  it("ignores `=` and `;` inside strings and comments", () => {
    const source = 's = \'a = b; c\'  # d = e; f\nt = "x\\" = y"';
    expect(targets(source)).toEqual([["s"], ["t"]]);
    expect(statements(source)[0].to).toBe(source.indexOf("  #"));
  });

  it("tells a bound name from one read inside a target", () => {
    const source = "x[i] = v\nx.data = 1\na.b, c = 1, 2\n(p, [q, r]) = t\nself.w = w";
    const all = statements(source);
    const binds = (line: number, text: string, nth = 0) =>
      bindsName(source, all[line], spanOf(source, text, nth));
    expect(binds(0, "x")).toBe(false);
    expect(binds(0, "i")).toBe(false);
    expect(binds(0, "v")).toBe(false);
    expect(binds(1, "x", 1)).toBe(false);
    expect(binds(2, "a")).toBe(false);
    expect(binds(2, "c")).toBe(true);
    expect(binds(3, "p")).toBe(true);
    expect(binds(3, "q")).toBe(true);
    expect(binds(3, "r")).toBe(true);
    expect(binds(4, "w", 0)).toBe(false);
  });
});
