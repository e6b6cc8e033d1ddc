import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `dumps with separators, indent, sort_keys, ensure_ascii and float reprs; loads keeps ints and floats apart; errors as CPython`,
    source: `import json
print(json.dumps({'a': 1, 'b': [1.5, 0.1, None, True, False], 'c': 'x"y\\n', 'é': 'ü', 1: 2, 2.5: 3, None: 4, True: 5}))
print(json.dumps([1, {'z': 1, 'a': [], 'm': {}}], indent=2, sort_keys=True))
print(json.dumps({'a': [1, 2]}, indent=4), json.dumps((1, 2)), json.dumps('é', ensure_ascii=False), json.dumps(float('nan')), json.dumps([float('inf'), -float('inf')]))
print(json.dumps({'a': 1, 'b': 2}, separators=(',', ':')), json.dumps([1], indent=0), json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps(1e100), json.dumps(12345678901234567890), json.dumps(1e-7), json.dumps('\\u2028\\x01'))
print(json.loads('{"a": [1, 2.0, 3e2, -0, 1.5e-3], "b": null, "c": true, "d": "\\\\u00e9\\\\ud83d\\\\ude00\\\\n", "e": 12345678901234567890}'))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('  "x"  '), type(json.loads('1')).__name__, type(json.loads('1.0')).__name__)
for bad in ['', '[1,]', '{"a" 1}', '{"a": 1,}', '[1 2]', '"abc', '{1: 2}', 'tru', '[1] x', '{"a": 1\\n, "b" 2}']:
    try: json.loads(bad)
    except json.JSONDecodeError as e: print(repr(bad), '->', e, e.pos, e.lineno, e.colno)
try: json.dumps({(1, 2): 3})
except TypeError as e: print(e)
try: json.dumps(object())
except TypeError as e: print(e)
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
print(json.dumps({'x': {1, 2}} if False else {'x': 1}, default=str), json.dumps(object(), default=lambda o: 'obj'))
from collections import OrderedDict, namedtuple
print(json.dumps(OrderedDict(b=1, a=2)), json.dumps(namedtuple('P', 'x y')(1, 2)))
try: json.loads('{"a": 1}x')
except ValueError as e: print('ValueError', e)
`,
    // recorded from CPython 3.11
    stdout: `{"a": 1, "b": [1.5, 0.1, null, true, false], "c": "x\\"y\\n", "\\u00e9": "\\u00fc", "1": 5, "2.5": 3, "null": 4}
[
  1,
  {
    "a": [],
    "m": {},
    "z": 1
  }
]
{
    "a": [
        1,
        2
    ]
} [1, 2] "é" NaN [Infinity, -Infinity]
{"a":1,"b":2} [
1
] [] {} 1e+100 12345678901234567890 1e-07 "\\u2028\\u0001"
{'a': [1, 2.0, 300.0, 0, 0.0015], 'b': None, 'c': True, 'd': 'é😀\\n', 'e': 12345678901234567890}
[nan, inf, -inf] x int float
'' -> Expecting value: line 1 column 1 (char 0) 0 1 1
'[1,]' -> Expecting value: line 1 column 4 (char 3) 3 1 4
'{"a" 1}' -> Expecting ':' delimiter: line 1 column 6 (char 5) 5 1 6
'{"a": 1,}' -> Expecting property name enclosed in double quotes: line 1 column 9 (char 8) 8 1 9
'[1 2]' -> Expecting ',' delimiter: line 1 column 4 (char 3) 3 1 4
'"abc' -> Unterminated string starting at: line 1 column 1 (char 0) 0 1 1
'{1: 2}' -> Expecting property name enclosed in double quotes: line 1 column 2 (char 1) 1 1 2
'tru' -> Expecting value: line 1 column 1 (char 0) 0 1 1
'[1] x' -> Extra data: line 1 column 5 (char 4) 4 1 5
'{"a": 1\\n, "b" 2}' -> Expecting ':' delimiter: line 2 column 7 (char 14) 14 2 7
keys must be str, int, float, bool or None, not tuple
Object of type object is not JSON serializable
Circular reference detected
{"x": 1} "obj"
{"b": 1, "a": 2} [1, 2]
ValueError Extra data: line 1 column 9 (char 8)
`,
  },
  {
    name: `dumps a training log and loads it back`,
    source: `import json
log = {'step': 100, 'loss': 0.1 + 0.2, 'lr': 1e-3, 'params': [[0.5, -1.25], [2.0, 3]], 'ok': True, 'note': None}
text = json.dumps(log)
print(text)
back = json.loads(text)
print(back == log, back['loss'], type(back['step']).__name__, json.dumps(back, indent=1))
`,
    // recorded from CPython 3.11
    stdout: `{"step": 100, "loss": 0.30000000000000004, "lr": 0.001, "params": [[0.5, -1.25], [2.0, 3]], "ok": true, "note": null}
True 0.30000000000000004 int {
 "step": 100,
 "loss": 0.30000000000000004,
 "lr": 0.001,
 "params": [
  [
   0.5,
   -1.25
  ],
  [
   2.0,
   3
  ]
 ],
 "ok": true,
 "note": null
}
`,
  },
];

describe(`Python's json module, as CPython runs it`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
