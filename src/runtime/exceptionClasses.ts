import { PyBuiltin, PyClass, PyInstance, PyTuple, type PyValue } from "./interpreter/objects";

/** The exception hierarchy a program may raise, catch or subclass. */
const HIERARCHY: [string, string | null][] = [
  ["BaseException", null],
  ["Exception", "BaseException"],
  ["ArithmeticError", "Exception"],
  ["ZeroDivisionError", "ArithmeticError"],
  ["OverflowError", "ArithmeticError"],
  ["FloatingPointError", "ArithmeticError"],
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
  ["SyntaxError", "Exception"],
  ["IndentationError", "SyntaxError"],
  ["SystemError", "Exception"],
  ["ReferenceError", "Exception"],
  ["BufferError", "Exception"],
  ["StopAsyncIteration", "Exception"],
  ["FloatingPointError", "ArithmeticError"],
  ["FileExistsError", "OSError"],
  ["NotADirectoryError", "OSError"],
  ["TimeoutError", "OSError"],
  ["ConnectionError", "OSError"],
  ["UnicodeEncodeError", "UnicodeError"],
  ["FutureWarning", "Warning"],
  ["PendingDeprecationWarning", "Warning"],
  ["SyntaxWarning", "Warning"],
  ["ImportWarning", "Warning"],
  ["ResourceWarning", "Warning"],
  ["UnicodeWarning", "Warning"],
  ["BytesWarning", "Warning"],
];

/** An exception's `args`; SystemExit(status).code too: the exit status (None, an int, or the message). */
function setArgs(inst: PyInstance, name: string, args: PyValue[]): void {
  inst.attrs.set("args", new PyTuple(args));
  if (name === "SystemExit")
    inst.attrs.set("code", args.length === 0 ? null : args.length === 1 ? args[0] : new PyTuple(args));
}

export function makeExceptionClasses(): PyClass[] {
  const byName = new Map<string, PyClass>();
  for (const [name, baseName] of HIERARCHY) {
    const base = baseName ? byName.get(baseName)! : null;
    const cls: PyClass = new PyClass(name, base, "builtins", (args) => {
      const inst = new PyInstance(cls);
      setArgs(inst, name, args);
      return inst;
    });
    // marks the class (and, by lookup, its subclasses) as an exception
    cls.dict.set("__exception__", true);
    // `super().__init__(message)` in a program's exception class sets its args, as CPython's does
    if (name === "BaseException" || name === "SystemExit")
      cls.dict.set(
        "__init__",
        new PyBuiltin("__init__", ([self, ...args]: PyValue[]) => {
          if (self instanceof PyInstance) setArgs(self, name, args);
          return null;
        }),
      );
    byName.set(name, cls);
  }
  return [...byName.values()];
}
