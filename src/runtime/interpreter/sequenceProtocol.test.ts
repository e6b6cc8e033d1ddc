import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/** An object with `__getitem__` and no `__iter__` iterates as in CPython: obj[0], obj[1], … until IndexError. */
describe("the sequence protocol", () => {
  const run = (src: string) => {
    const trace = runProgram(src);
    return { out: trace.stdout, errors: trace.diagnostics.map((d) => d.message) };
  };

  it("iterates indices from 0 until IndexError, in for, list() and unpacking", () => {
    const { out, errors } = run(
      [
        "class Seq:",
        "    def __getitem__(self, i):",
        "        if i >= 3:",
        "            raise IndexError('done')",
        "        return i * 10",
        "a, b, c = Seq()",
        "print(list(Seq()), [x for x in Seq()], a + b + c, 20 in Seq())",
        "",
      ].join("\n"),
    );
    expect(errors).toEqual([]);
    expect(out).toBe("[0, 10, 20] [0, 10, 20] 30 True\n");
  });

  it("lets other errors through, and a class without __getitem__ is still not iterable", () => {
    const other = run("class S:\n    def __getitem__(self, i):\n        raise KeyError(i)\nlist(S())\n");
    expect(other.errors[0]).toContain("KeyError: 0");
    const none = run("class N:\n    pass\nfor x in N():\n    pass\n");
    expect(none.errors[0]).toContain("TypeError: 'N' object is not iterable");
  });
});
