import { describe, expect, it } from "vitest";
import type { Occurrence } from "../trace/trace";
import { bindingStatement, spellsName } from "./statements";

const source = "w = Value(1.0)\nloss = w * w\n";
const at = (name: string, nth = 0): Occurrence => {
  let from = -1;
  for (let i = 0; i <= nth; i++) from = source.indexOf(name, from + 1);
  return { name, span: { from, to: from + name.length }, node: 0 };
};

describe("bindingStatement", () => {
  it("gives the statement the front end marked, and nothing for a read", () => {
    const bound = { ...at("w"), statement: { from: 0, to: 14 } };
    expect(bindingStatement(source, bound)).toEqual({ from: 0, to: 14 });
    expect(bindingStatement(source, at("w", 1))).toBeNull();
  });

  it("drops a mark whose name the text no longer spells (edited since the run)", () => {
    const bound = { ...at("w"), statement: { from: 0, to: 14 } };
    expect(bindingStatement("ww = Value(1.0)\n", bound)).toBeNull();
    expect(bindingStatement("w\n", bound)).toBeNull(); // the statement runs past the text
  });
});

describe("spellsName", () => {
  it("wants the whole word, `$` included for JavaScript", () => {
    expect(spellsName("a = $w", { from: 5, to: 6 }, "w")).toBe(false);
    expect(spellsName("a = w_1", { from: 4, to: 5 }, "w")).toBe(false);
    expect(spellsName("a = w + 1", { from: 4, to: 5 }, "w")).toBe(true);
  });
});
