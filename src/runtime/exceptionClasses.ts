import { PyClass, PyInstance, PyTuple } from "./interpreter/objects";

/** The exception hierarchy a program may raise or subclass (GradLens runs no `try`, so none is caught). */
const HIERARCHY: [string, string | null][] = [
  ["BaseException", null],
  ["Exception", "BaseException"],
  ["ArithmeticError", "Exception"],
  ["ZeroDivisionError", "ArithmeticError"],
  ["OverflowError", "ArithmeticError"],
  ["AssertionError", "Exception"],
  ["AttributeError", "Exception"],
  ["LookupError", "Exception"],
  ["IndexError", "LookupError"],
  ["KeyError", "LookupError"],
  ["NameError", "Exception"],
  ["UnboundLocalError", "NameError"],
  ["RuntimeError", "Exception"],
  ["NotImplementedError", "RuntimeError"],
  ["RecursionError", "RuntimeError"],
  ["StopIteration", "Exception"],
  ["TypeError", "Exception"],
  ["ValueError", "Exception"],
  ["ImportError", "Exception"],
  ["ModuleNotFoundError", "ImportError"],
  ["MemoryError", "Exception"],
  ["OSError", "Exception"],
  ["FileNotFoundError", "OSError"],
  ["PermissionError", "OSError"],
  ["IsADirectoryError", "OSError"],
  ["NotADirectoryError", "OSError"],
  ["UnicodeError", "ValueError"],
  ["UnicodeDecodeError", "UnicodeError"],
  ["KeyboardInterrupt", "BaseException"],
  ["SystemExit", "BaseException"],
  ["GeneratorExit", "BaseException"],
  ["Warning", "Exception"],
  ["UserWarning", "Warning"],
  ["DeprecationWarning", "Warning"],
  ["RuntimeWarning", "Warning"],
  ["EOFError", "Exception"],
];

export function makeExceptionClasses(): PyClass[] {
  const byName = new Map<string, PyClass>();
  for (const [name, baseName] of HIERARCHY) {
    const base = baseName ? byName.get(baseName)! : null;
    const cls: PyClass = new PyClass(name, base, "builtins", (args) => {
      const inst = new PyInstance(cls);
      inst.attrs.set("args", new PyTuple(args));
      return inst;
    });
    // marks the class (and, by lookup, its subclasses) as an exception
    cls.dict.set("__exception__", true);
    byName.set(name, cls);
  }
  return [...byName.values()];
}
