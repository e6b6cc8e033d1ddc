import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

// Expected output recorded from CPython 3.11 running the same lines.
describe("the built-in containers' protocol methods as attributes", () => {
  it("answers hasattr and calls them as CPython does", () => {
    const trace = runProgram(
      [
        'print(hasattr([], "__len__"), hasattr({}, "__getitem__"), hasattr("s", "__iter__"), hasattr({1}, "__getitem__"), hasattr(1.5, "__len__"))',
        'print([1, 2].__len__(), (5, 6).__getitem__(1), {"a": 1}.__contains__("a"), list("ab".__iter__()), getattr({2, 3}, "__len__")())',
      ].join("\n"),
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe("True True True False False\n2 6 True ['a', 'b'] 2\n");
  });
});
