import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { backwardCalls } from "./backwardCalls";
import { nodesAtOffset } from "./nodesAtOffset";

const source = [
  "from micrograd.engine import Value",
  "w = Value(-0.5)",
  "x = Value(2.0)",
  "y = x * w + 1", // line 3
  "for i in range(3):",
  "    y = y * 2",
  "y.backward()  # then look at .backward() in a comment",
].join("\n");

describe("nodesAtOffset", () => {
  const trace = runProgram(source);
  const at = (text: string, delta = 0) => nodesAtOffset(trace, source.indexOf(text) + delta);

  it("picks the value a name stands for", () => {
    const [node] = at("x * w");
    expect(trace.nodes[node].names).toContain("x");
  });

  it("picks every value the innermost expression made, once per loop iteration", () => {
    const nodes = at("y * 2", 2); // the `*`
    expect(nodes.length).toBe(3);
    expect(nodes.every((n) => trace.nodes[n].op === "*")).toBe(true);
  });

  it("finds nothing outside the program's values", () => {
    expect(nodesAtOffset(trace, source.indexOf("from"))).toEqual([]);
  });
});

describe("backwardCalls", () => {
  it("finds .backward( calls and ignores comments", () => {
    expect(backwardCalls(source)).toEqual([{ line: 6, column: 1 }]);
  });
});
