import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * The `match` statement (PEP 634). Each program's output was recorded from CPython 3.11
 * (`/usr/bin/python3`), as were the SyntaxErrors CPython's compiler gives for bad patterns.
 */
const PROGRAMS: { name: string; program: string; output: string }[] = [
  {
    name: "literal, capture, wildcard, value, sequence, mapping, class and OR/AS patterns, guards, dataclasses and namedtuples by __match_args__, no case matching, a match in a generator, its TypeErrors",
    program:
      'from dataclasses import dataclass\nfrom collections import namedtuple\nfrom enum import Enum\n\nclass Color(Enum):\n    RED = 1\n    GREEN = 2\n\n@dataclass\nclass Point:\n    x: int\n    y: int\n\nPair = namedtuple("Pair", "a b")\n\ndef describe(v):\n    match v:\n        case 0 | 1 as small:\n            return f"small {small}"\n        case None:\n            return "none"\n        case True:\n            return "true"\n        case -1.5:\n            return "neg"\n        case "hello":\n            return "greeting"\n        case Color.RED:\n            return "red"\n        case [x, y] if x == y:\n            return f"pair of same {x}"\n        case [x, *rest]:\n            return f"list head {x} rest {rest}"\n        case (a, b, c):\n            return f"triple {a} {b} {c}"\n        case {"type": "circle", "r": r, **others}:\n            return f"circle {r} {others}"\n        case {"type": t}:\n            return f"shape {t}"\n        case Point(x=0, y=yy):\n            return f"on y axis {yy}"\n        case Point(x, y):\n            return f"point {x} {y}"\n        case Pair(a, b=2):\n            return f"pair {a}"\n        case str() | bytes():\n            return "some string"\n        case int(n) if n > 100:\n            return f"big {n}"\n        case float(f):\n            return f"float {f}"\n        case []:\n            return "empty list"\n        case {}:\n            return "a dict"\n        case _:\n            return "other"\n\nfor v in [0, 1, None, True, False, -1.5, "hello", Color.RED, Color.GREEN, [3, 3], [1, 2], [1, 2, 3, 4], (1, 2, 3), range(2), {"type": "circle", "r": 2, "c": 1}, {"type": "sq"}, {"k": 1}, Point(0, 5), Point(1, 2), Pair(1, 2), Pair(1, 3), "x", 500, 50, 2.5, [], [7], (), {}, [1, [2, 3]]]:\n    print(repr(v), "->", describe(v))\n\ndef command(cmd):\n    match cmd.split():\n        case ["go", direction]:\n            print("going", direction)\n        case ["drop", *objects]:\n            print("dropping", objects)\n        case ["quit" | "exit"]:\n            print("bye")\n        case _:\n            print("unknown", cmd)\nfor c in ["go north", "drop a b c", "quit", "exit", "dance now"]:\n    command(c)\n\nmatch 3:\n    case 1:\n        print("no")\nprint("after no match")\nx = 5\nmatch x:\n    case n if n < 0:\n        print("neg")\n    case n:\n        print("n is", n)\nprint(n)\nmatch (1, 2):\n    case a, b:\n        print(a + b)\nmatch {"a": 1, "b": 2}:\n    case {"a": 1, **rest}:\n        print(rest)\nclass P:\n    __match_args__ = ("u", "v")\n    def __init__(self, u, v):\n        self.u = u\n        self.v = v\nmatch P(1, 2):\n    case P(1, v):\n        print("v", v)\ndef gen(items):\n    for item in items:\n        match item:\n            case int(i):\n                yield i * 2\n            case _:\n                yield -1\nprint(list(gen([1, "a", 3])))\ntry:\n    match 1:\n        case len():\n            pass\nexcept TypeError as e:\n    print("TypeError", e)\nclass Q:\n    __match_args__ = ["x"]\ntry:\n    match Q():\n        case Q(a):\n            pass\nexcept TypeError as e:\n    print("TypeError", e)\nmatch = 3\nprint(match)\n',
    output:
      "0 -> small 0\n1 -> small 1\nNone -> none\nTrue -> small True\nFalse -> small False\n-1.5 -> neg\n'hello' -> greeting\n<Color.RED: 1> -> red\n<Color.GREEN: 2> -> other\n[3, 3] -> pair of same 3\n[1, 2] -> list head 1 rest [2]\n[1, 2, 3, 4] -> list head 1 rest [2, 3, 4]\n(1, 2, 3) -> list head 1 rest [2, 3]\nrange(0, 2) -> list head 0 rest [1]\n{'type': 'circle', 'r': 2, 'c': 1} -> circle 2 {'c': 1}\n{'type': 'sq'} -> shape sq\n{'k': 1} -> a dict\nPoint(x=0, y=5) -> on y axis 5\nPoint(x=1, y=2) -> point 1 2\nPair(a=1, b=2) -> list head 1 rest [2]\nPair(a=1, b=3) -> list head 1 rest [3]\n'x' -> some string\n500 -> big 500\n50 -> other\n2.5 -> float 2.5\n[] -> empty list\n[7] -> list head 7 rest []\n() -> empty list\n{} -> a dict\n[1, [2, 3]] -> list head 1 rest [[2, 3]]\ngoing north\ndropping ['a', 'b', 'c']\nbye\nbye\nunknown dance now\nafter no match\nn is 5\n5\n3\n{'b': 2}\nv 2\n[2, -1, 6]\nTypeError called match pattern must be a type\nTypeError Q.__match_args__ must be a tuple (got list)\n3\n",
  },
  {
    name: "== for literals and `is` for True/False/None, nested patterns, dict subclasses without a default made, captures local to a function and bound before a guard, inherited __match_args__, str not a sequence",
    program:
      'from collections import defaultdict, OrderedDict, Counter\ndef f(v):\n    match v:\n        case True:\n            return "is True"\n        case 1:\n            return "equals 1"\n        case 2.0:\n            return "equals 2.0"\n        case [1, [2, *inner], {"k": [x, y]}]:\n            return f"nested {inner} {x} {y}"\n        case {"a": int() | float() as num}:\n            return f"number {num}"\n        case str(s) if len(s) > 3:\n            return f"long {s}"\n        case (str() as a, str() as b):\n            return f"two strings {a} {b}"\n        case list([first, *_]):\n            return f"list first {first}"\n        case _:\n            return "no"\nfor v in [True, 1, 1.0, 2, 2.0, False, [1, [2, 3, 4], {"k": (5, 6)}], {"a": 3}, {"a": 3.5}, {"a": "x"}, defaultdict(list, a=7), OrderedDict(a=1.5), Counter(a=4), "hello", "hi", ("x", "y"), ["x", "y"], [9, 8], "ab"]:\n    print(repr(v), f(v))\nd = defaultdict(list)\nmatch d:\n    case {"missing": _}:\n        print("found")\n    case _:\n        print("not found", dict(d))\ny = "global"\ndef g(v):\n    match v:\n        case [y]:\n            return y\n    return "none"\nprint(g([1]), g(2), y)\nmatch 5:\n    case n if n > 10:\n        print("big")\n    case m:\n        print("leaked", n, m)\nclass Base:\n    __match_args__ = ("a",)\n    def __init__(self, a):\n        self.a = a\nclass Child(Base):\n    pass\nmatch Child(4):\n    case Base(a=4) as obj:\n        print("child matches base", type(obj).__name__)\nmatch Child(4):\n    case Child(z):\n        print("inherited match_args", z)\nclass NoArgs:\n    pass\nfor subject in [NoArgs(), 3]:\n    match subject:\n        case NoArgs():\n            print("an instance")\n        case int(real=r):\n            print("real", r)\nmatch {"x": 1, "y": 2}:\n    case {"x": 1}:\n        print("extra keys are fine")\nmatch [1, 2, 3]:\n    case [1, 2]:\n        print("no")\n    case [*_, 3]:\n        print("ends with 3")\nmatch "abc":\n    case [*chars]:\n        print("str is a sequence?", chars)\n    case _:\n        print("str is not a sequence pattern subject")\nmatch (1, 2):\n    case [a, b]:\n        print("tuple against list pattern", a, b)\ndef walk(tree):\n    match tree:\n        case {"op": "+", "l": l, "r": r}:\n            return walk(l) + walk(r)\n        case {"op": "*", "l": l, "r": r}:\n            return walk(l) * walk(r)\n        case int(n) | float(n):\n            return n\n        case _:\n            raise ValueError(f"bad node {tree!r}")\nprint(walk({"op": "+", "l": 2, "r": {"op": "*", "l": 3, "r": 4.5}}))\ntry:\n    walk({"op": "-"})\nexcept ValueError as e:\n    print("ValueError", e)\n',
    output:
      "True is True\n1 equals 1\n1.0 equals 1\n2 equals 2.0\n2.0 equals 2.0\nFalse no\n[1, [2, 3, 4], {'k': (5, 6)}] nested [3, 4] 5 6\n{'a': 3} number 3\n{'a': 3.5} number 3.5\n{'a': 'x'} no\ndefaultdict(<class 'list'>, {'a': 7}) number 7\nOrderedDict([('a', 1.5)]) number 1.5\nCounter({'a': 4}) number 4\n'hello' long hello\n'hi' no\n('x', 'y') two strings x y\n['x', 'y'] two strings x y\n[9, 8] list first 9\n'ab' no\nnot found {}\n1 none global\nleaked 5 5\nchild matches base Child\ninherited match_args 4\nan instance\nreal 3\nextra keys are fine\nends with 3\nstr is not a sequence pattern subject\ntuple against list pattern 1 2\n15.5\nValueError bad node {'op': '-'}\n",
  },
  {
    name: "empty (), [], {} and Cls() patterns, with guards that call functions",
    program:
      'import collections\ndef f():\n    return True\nclass K:\n    pass\nfor v in [1, "s", [], {}, (), K(), collections.OrderedDict()]:\n    match v:\n        case str() if f():\n            print("str with guard", v)\n        case [] if len(v) == 0 and f():\n            print("empty seq", v)\n        case collections.OrderedDict():\n            print("ordered dict")\n        case {} if not v:\n            print("empty mapping")\n        case K() | int():\n            print("K or int", type(v).__name__)\nmatch [(), {}, "()"]:\n    case [(), {}, "()"]:\n        print("literal brackets ok")\n',
    output:
      "K or int int\nstr with guard s\nempty seq []\nempty mapping\nempty seq ()\nK or int K\nordered dict\nliteral brackets ok\n",
  },
];

const SYNTAX_ERRORS: [string, string][] = [
  [
    "match 1:\n    case x:\n        pass\n    case 2:\n        pass\n",
    "name capture 'x' makes remaining patterns unreachable",
  ],
  [
    "match 1:\n    case _:\n        pass\n    case 2:\n        pass\n",
    "wildcard makes remaining patterns unreachable",
  ],
  ["match 1:\n    case [a, a]:\n        pass\n", "multiple assignments to name 'a' in pattern"],
  ["match 1:\n    case [a] | [b]:\n        pass\n", "alternative patterns bind different names"],
  ["match 1:\n    case [*a, *b]:\n        pass\n", "multiple starred names in sequence pattern"],
  ["match 1:\n    case {'a': 1, 'a': 2}:\n        pass\n", "mapping pattern checks duplicate key ('a')"],
  ["match 1:\n    case x | y:\n        pass\n", "name capture 'x' makes remaining patterns unreachable"],
  ["match 1:\n    case 1 | x:\n        pass\n", "alternative patterns bind different names"],
  ["match 1:\n    case P(x=1, x=2):\n        pass\n", "attribute name repeated in class pattern: x"],
  ["match 1:\n    case (a, b) as a:\n        pass\n", "multiple assignments to name 'a' in pattern"],
];

describe("match", () => {
  it.each(PROGRAMS)("$name", ({ program, output }) => {
    const trace = runProgram(program);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(output);
  });

  it.each(SYNTAX_ERRORS)("%j is CPython's SyntaxError: %s", (program, message) => {
    const trace = runProgram(program);
    expect(trace.diagnostics.map((d) => [d.code, d.message])).toEqual([["syntax", message]]);
    expect(trace.stdout).toBe("");
  });
});
