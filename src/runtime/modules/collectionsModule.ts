import type { Interpreter } from "../interpreter/interpreter";
import { PyClass, PyModule } from "../interpreter/objects";
import { makeCounter, makeDefaultDict, makeOrderedDict } from "./collectionsDicts";
import { makeDequeClass } from "./dequeClass";
import { makeNamedTupleFunction } from "./namedTuple";

/** Python's `collections`: `defaultdict`, `Counter`, `OrderedDict`, `namedtuple` and `deque`. */
export function makeCollectionsModule(interp: Interpreter): PyModule {
  const m = new PyModule("collections");
  const dictClass = interp.builtins.get("dict") as PyClass;
  m.attrs.set("defaultdict", makeDefaultDict(interp, dictClass));
  m.attrs.set("Counter", makeCounter(interp, dictClass));
  m.attrs.set("OrderedDict", makeOrderedDict(interp, dictClass));
  m.attrs.set("namedtuple", makeNamedTupleFunction(interp, interp.builtins.get("tuple") as PyClass));
  m.attrs.set("deque", makeDequeClass(interp));
  return m;
}
