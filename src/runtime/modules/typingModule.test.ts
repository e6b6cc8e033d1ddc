import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `typing's aliases evaluate and print as CPython prints them`,
    source: `import typing
from typing import List, Dict, Optional, Union, Callable, Tuple, Any
print(List[int], Dict[str, List[float]], Optional[int], Union[int, str], Callable[[int], float], Tuple[int, ...], Any, List, Optional[List[int]])
print(list[int], dict[str, int], tuple[int, ...], list[list[float]], Callable[..., int], Union[int, None], typing.Literal['a', 1])
print(typing.cast(int, 'x'), typing.TYPE_CHECKING)
try:
    List()
except TypeError as e:
    print(e)
Vector = List[float]
def scale(s: float, v: Vector) -> Vector:
    return [s * x for x in v]
print(scale(2.0, [1.0, 2.0]))
x: int = 5
y: 'Undefined'  # never evaluated
print(x, list(__annotations__))
`,
    // recorded from CPython 3.11
    stdout: `typing.List[int] typing.Dict[str, typing.List[float]] typing.Optional[int] typing.Union[int, str] typing.Callable[[int], float] typing.Tuple[int, ...] typing.Any typing.List typing.Optional[typing.List[int]]
list[int] dict[str, int] tuple[int, ...] list[list[float]] typing.Callable[..., int] typing.Optional[int] typing.Literal['a', 1]
x False
Type List cannot be instantiated; use list() instead
[2.0, 4.0]
5 ['x', 'y']
`,
  },
  {
    name: `TypeVar, Generic, NewType and NamedTuple classes`,
    source: `from typing import TypeVar, Generic, NamedTuple, NewType, List
T = TypeVar('T')
print(T, T.__name__)
class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
s = Stack[int](); s.push(3)
print(Stack[int], s.items, Stack().items, isinstance(s, Stack))
U = NewType('U', int)
print(U(3), U)
class Emp(NamedTuple):
    name: str
    id: int = 3
    def greet(self):
        return 'hi ' + self.name
e = Emp('a')
print(e, e.greet(), e._fields, Emp('b', 4), isinstance(e, tuple), e[0], Emp._field_defaults)
E2 = NamedTuple('E2', [('a', int), ('b', str)])
print(E2(1, 'x'))
`,
    // recorded from CPython 3.11
    stdout: `~T T
__main__.Stack[int] [3] [] True
3 __main__.U
Emp(name='a', id=3) hi a ('name', 'id') Emp(name='b', id=4) True a {'id': 3}
E2(a=1, b='x')
`,
  },
];

describe(`Python's typing module, as CPython runs it`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
