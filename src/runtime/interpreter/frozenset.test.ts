import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * frozenset (construction, hashing as CPython hashes it, set operations keeping the left
 * operand's type, repr, subset comparisons, `in`) and the set methods beside it, against what
 * CPython 3 printed for the same program (recorded with /usr/bin/python3).
 */

const PROGRAM =
  'a = frozenset([3, 1, 2])\nb = frozenset({2, 5})\nprint(a, repr(b), frozenset(), type(a).__name__, len(a), 2 in a, 9 in a)\nprint(a | b, a & b, a - b, a ^ b, {1, 7} | a, a | {1, 7})\nprint(a == {1, 2, 3}, a == frozenset([1, 2, 3]), a != b, hash(a) == hash(frozenset([2, 3, 1])))\nd = {a: "x", frozenset(): "empty"}\nprint(d[frozenset({1, 2, 3})], d[frozenset()], d)\ns = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}\nprint(len(s), frozenset([1, 2]) in s)\nprint(a.union([9]), a.intersection({1, 2}, [2]), a.difference([1]), a.symmetric_difference([1, 8]))\nprint(a.issubset({1, 2, 3, 4}), a.issuperset([1]), a.isdisjoint(b), a.copy() is a, isinstance(a, frozenset))\nprint(frozenset({1}) < a, a <= a, a < a, a > frozenset(), {1, 2} <= a, sorted(a), list(frozenset("abc")) == list(frozenset("abc")))\ns2 = {1, 2, 3, 4}\ns2.intersection_update({1, 2, 9}); print(s2)\ns2.difference_update([1]); print(s2)\ns2.symmetric_difference_update({2, 7}); print(s2)\nprint(s2.symmetric_difference([7, 8]), {1, 2}.issubset([1, 2, 3]), {1}.isdisjoint([2]))\nprint({a: 1}, [frozenset([(1, 2)])], frozenset([frozenset([1])]))\ntry:\n    a.add(4)\nexcept AttributeError as e:\n    print(e)\ntry:\n    hash({1})\nexcept TypeError as e:\n    print(e)\ntry:\n    {frozenset([1]): 1}[{1}]\nexcept TypeError as e:\n    print(e)\nprint(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset([(1, 2), -1])), hash(frozenset([0.5, True])))\n';

const CPYTHON =
  "frozenset({1, 2, 3}) frozenset({2, 5}) frozenset() frozenset 3 True False\nfrozenset({1, 2, 3, 5}) frozenset({2}) frozenset({1, 3}) frozenset({1, 3, 5}) {1, 2, 3, 7} frozenset({1, 2, 3, 7})\nTrue True True True\nx empty {frozenset({1, 2, 3}): 'x', frozenset(): 'empty'}\n2 True\nfrozenset({1, 2, 3, 9}) frozenset({2}) frozenset({2, 3}) frozenset({8, 2, 3})\nTrue True False True True\nTrue True False True True [1, 2, 3] True\n{1, 2}\n{2}\n{7}\n{8} True True\n{frozenset({1, 2, 3}): 1} [frozenset({(1, 2)})] frozenset({frozenset({1})})\n'frozenset' object has no attribute 'add'\nunhashable type: 'set'\nunhashable type: 'set'\n133146708735736 -272375401224217160 324682432506898787 -1295661564487491767\n";

describe("frozenset and set methods", () => {
  it("print what CPython printed", () => {
    const trace = runProgram(PROGRAM);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(CPYTHON);
  });

  it("augmented assignment: a set changes in place, a frozenset rebinds; copy and dataclass defaults", () => {
    const trace = runProgram(
      "import copy\na = frozenset([1]); b = a\na |= {2}\nprint(a, b, a is b)\ns = {1}; t = s; s |= {3}; s -= {1}; s &= {3, 4}; s ^= {5}; print(s, t is s)\nc = copy.copy(a); d = copy.deepcopy(a); print(c, d, type(d).__name__)\nfrom dataclasses import dataclass\n@dataclass\nclass K:\n    tags: frozenset = frozenset()\nprint(K())\n",
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      "frozenset({1, 2}) frozenset({1}) False\n{3, 5} True\nfrozenset({1, 2}) frozenset({1, 2}) frozenset\nK(tags=frozenset())\n",
    );
  });

  it("a frozenset has no methods that change it", () => {
    const trace = runProgram("frozenset([1]).discard(1)\n");
    expect(trace.diagnostics.map((d) => d.message)).toEqual([
      "AttributeError: 'frozenset' object has no attribute 'discard'",
    ]);
  });
});
