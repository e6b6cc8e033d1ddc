import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `string's constants and capwords`,
    source: `import string
print(string.ascii_lowercase, string.ascii_uppercase, string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable), string.capwords(' hello   world '), string.capwords('a-b c', '-'))
`,
    // recorded from CPython 3.11
    stdout: `abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 0123456789abcdefABCDEF 01234567
!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~ ' \\t\\n\\r\\x0b\\x0c' 100 Hello World A-B c
`,
  },
  {
    name: `time's clocks move forward and sleep returns`,
    source: `import time
t0 = time.time(); p0 = time.perf_counter(); m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() >= p0, time.monotonic() >= m0, type(time.time_ns()).__name__, len(time.strftime('%Y-%m-%d %H:%M:%S')), time.sleep(0))
`,
    // recorded from CPython 3.11
    stdout: `True True True int 19 None
`,
  },
  {
    name: `abc refuses to instantiate a class with abstract methods left`,
    source: `from abc import ABC, abstractmethod
class S(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perim(self): ...
    def describe(self):
        return 'shape'
class Sq(S):
    def __init__(self, a):
        self.a = a
    def area(self):
        return self.a ** 2
for make in [lambda: S(), lambda: Sq(2)]:
    try:
        make()
    except TypeError as e:
        print(e)
class Sq2(Sq):
    def perim(self):
        return 4 * self.a
print(Sq2(3).area(), Sq2(3).perim(), Sq2(3).describe(), isinstance(Sq2(1), S))
`,
    // recorded from CPython 3.11
    stdout: `Can't instantiate abstract class S with abstract methods area, perim
Can't instantiate abstract class Sq with abstract method perim
9 12 shape True
`,
  },
  {
    name: `enum members, aliases, auto, lookup by value and name, iteration`,
    source: `from enum import Enum, auto
class C(Enum):
    RED = 1
    GREEN = auto()
    BLUE = 'b'
    ALIAS = 1
    def describe(self):
        return self.name.lower()
print(C.RED, repr(C.RED), C.RED.name, C.RED.value, C.GREEN.value, C(1), C['BLUE'], list(C), len(C), C.ALIAS is C.RED)
print(C.RED == C.RED, C.RED == 1, C.RED.describe(), type(C.RED).__name__, isinstance(C.RED, C), C.RED in C, {C.RED: 2}[C.RED])
try:
    C(7)
except ValueError as e:
    print(e)
try:
    C['X']
except KeyError as e:
    print(e)
print(list(C.__members__.keys()), f'{C.RED}', str(C.GREEN), [c.name for c in C])
`,
    // recorded from CPython 3.11
    stdout: `C.RED <C.RED: 1> RED 1 2 C.RED C.BLUE [<C.RED: 1>, <C.GREEN: 2>, <C.BLUE: 'b'>] 3 True
True False red C True True 2
7 is not a valid C
'X'
['RED', 'GREEN', 'BLUE', 'ALIAS'] C.RED C.GREEN ['RED', 'GREEN', 'BLUE']
`,
  },
];

describe(`string, time, abc and enum, as CPython runs them`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
