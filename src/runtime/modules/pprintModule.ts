import { callMethod, getAttribute } from "../interpreter/attributes";
import type { Interpreter } from "../interpreter/interpreter";
import {
  PyBuiltin,
  PyClass,
  PyDict,
  PyInstance,
  PyList,
  PyModule,
  PySet,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { ordered, truthy } from "../interpreter/operators";
import { PyError, typeError } from "../interpreter/pyErrors";
import { setIterationOrder } from "../interpreter/setOrder";
import { DequeObject } from "./dequeClass";
import { bindArgs, defineFunction, intArg } from "./native";

/**
 * Python's `pprint`: what fits in the width stays on one line (with dict keys sorted); what does
 * not is broken after each item, nested containers indented under their opening bracket, long
 * strings split at spaces into adjacent literals — CPython's PrettyPrinter, step for step.
 */

interface Options {
  indent: number;
  width: number;
  depth: number | null;
  compact: boolean;
  sortDicts: boolean;
}

const codePoints = (s: string) => [...s].length;

class Printer {
  private out = "";
  constructor(
    private readonly interp: Interpreter,
    private readonly o: Options,
  ) {}

  format(x: PyValue): string {
    this.out = "";
    this.formatAt(x, 0, 0, new Set(), 0);
    return this.out;
  }

  private write(s: string): void {
    this.out += s;
  }

  /** Items sorted as pprint's `_safe_key` sorts them: by value, else by type name (then order). */
  private sorted<T>(items: T[], key: (t: T) => PyValue): T[] {
    const keyed = items.map((item, index) => ({ item, index, key: key(item) }));
    keyed.sort((a, b) => {
      try {
        if (ordered(this.interp, "<", a.key, b.key)) return -1;
        if (ordered(this.interp, "<", b.key, a.key)) return 1;
        return a.index - b.index;
      } catch (e) {
        if (!(e instanceof PyError && e.pyType === "TypeError")) throw e;
        const ta = this.typeKey(a.key);
        const tb = this.typeKey(b.key);
        return ta < tb ? -1 : ta > tb ? 1 : a.index - b.index;
      }
    });
    return keyed.map((k) => k.item);
  }

  private typeKey(v: PyValue): string {
    return this.interp.str(this.interp.call(this.interp.builtins.get("type")!, [v]));
  }

  private dictItems(d: PyDict): [PyValue, PyValue][] {
    const items = [...d.entries.values()].map((e): [PyValue, PyValue] => [e.key, e.value]);
    return this.o.sortDicts ? this.sorted(items, ([k]) => k) : items;
  }

  /** pprint's `_safe_repr`: the one-line form, dicts with sorted keys, `...` past the depth. */
  private repr(x: PyValue, context: Set<unknown>, level: number): string {
    const depth = this.o.depth;
    if (x instanceof PyDict && x.cls === null) {
      if (x.entries.size === 0) return "{}";
      if (depth !== null && level >= depth) return "{...}";
      if (context.has(x)) return this.recursion(x);
      context.add(x);
      const parts = this.dictItems(x).map(
        ([k, v]) => `${this.repr(k, context, level + 1)}: ${this.repr(v, context, level + 1)}`,
      );
      context.delete(x);
      return `{${parts.join(", ")}}`;
    }
    if ((x instanceof PyList || x instanceof PyTuple) && !(x instanceof PyTuple && x.cls !== null)) {
      const [open, close] = x instanceof PyList ? ["[", "]"] : ["(", x.items.length === 1 ? ",)" : ")"];
      if (x.items.length === 0) return x instanceof PyList ? "[]" : "()";
      if (depth !== null && level >= depth) return `${open}...${close}`;
      if (context.has(x)) return this.recursion(x);
      context.add(x);
      const parts = x.items.map((v) => this.repr(v, context, level + 1));
      context.delete(x);
      return open + parts.join(", ") + close;
    }
    return this.interp.repr(x);
  }

  private recursion(x: PyValue): string {
    const id = this.interp.call(this.interp.builtins.get("id")!, [x]);
    return `<Recursion on ${this.typeKey(x).replace(/^<class '(.*)'>$/, "$1")} with id=${this.interp.str(id)}>`;
  }

  private formatAt(
    x: PyValue,
    indent: number,
    allowance: number,
    context: Set<unknown>,
    level: number,
  ): void {
    if (typeof x === "object" && x !== null && context.has(x)) {
      this.write(this.recursion(x));
      return;
    }
    const rep = this.repr(x, context, level);
    const maxWidth = this.o.width - indent - allowance;
    if (codePoints(rep) > maxWidth && this.pretty(x, indent, allowance, context, level + 1)) return;
    this.write(rep);
  }

  /** Breaks `x` over lines when pprint has a way to; false when it is written as its repr. */
  private pretty(
    x: PyValue,
    indent: number,
    allowance: number,
    context: Set<unknown>,
    level: number,
  ): boolean {
    const enter = (body: () => void) => {
      context.add(x);
      body();
      context.delete(x);
      return true;
    };
    if (typeof x === "string") return (this.prettyString(x, indent, allowance, level), true);
    if (x instanceof PyDict) {
      const name = x.cls?.name;
      if (x.cls === null) return enter(() => this.prettyDict(x, indent, allowance, context, level));
      if (x.entries.size === 0) return false;
      if (name === "Counter" && x.cls.module === "collections")
        return enter(() => {
          this.write("Counter({");
          const items = (callMethod(this.interp, x, "most_common", [], null) as PyList).items.map(
            (t): [PyValue, PyValue] => [(t as PyTuple).items[0], (t as PyTuple).items[1]],
          );
          this.dictItems0(items, indent + 8, allowance + 2, context, level);
          this.write("})");
        });
      if (name === "defaultdict" && x.cls.module === "collections")
        return enter(() => {
          const factory = this.repr(getAttribute(this.interp, x, "default_factory"), context, level);
          const inner = indent + name.length + 1;
          this.write(`defaultdict(${factory},\n${" ".repeat(inner)}`);
          this.prettyDict(x, inner, allowance + 1, context, level);
          this.write(")");
        });
      if (name === "OrderedDict" && x.cls.module === "collections")
        return enter(() => {
          this.write("OrderedDict(");
          const pairs = new PyList([...x.entries.values()].map((e) => new PyTuple([e.key, e.value])));
          this.formatAt(pairs, indent + name.length + 1, allowance + 1, context, level);
          this.write(")");
        });
      return false;
    }
    if (x instanceof PyList && x.items.length > 0)
      return enter(() => {
        this.write("[");
        this.items(x.items, indent, allowance + 1, context, level);
        this.write("]");
      });
    if (x instanceof PyTuple && x.cls === null && x.items.length > 0)
      return enter(() => {
        this.write("(");
        const end = x.items.length === 1 ? ",)" : ")";
        this.items(x.items, indent, allowance + end.length, context, level);
        this.write(end);
      });
    if (x instanceof PySet && x.entries.size > 0)
      return enter(() => {
        this.write("{");
        this.items(
          this.sorted(setIterationOrder(x), (v) => v),
          indent,
          allowance + 1,
          context,
          level,
        );
        this.write("}");
      });
    if (x instanceof DequeObject && x.length > 0)
      return enter(() => {
        const inner = indent + 6;
        this.write("deque([");
        if (x.maxlen === null) {
          this.items(x.items, inner, allowance + 2, context, level);
          this.write("])");
        } else {
          this.items(x.items, inner, 2, context, level);
          this.write(`],\n${" ".repeat(inner)}maxlen=${x.maxlen})`);
        }
      });
    if (x instanceof PyInstance && this.isDataclass(x.cls))
      return enter(() => {
        const name = x.cls.name;
        const fields = getAttribute(this.interp, x.cls, "__dataclass_fields__") as PyDict;
        const shown = [...fields.entries.values()].filter((e) =>
          truthy(this.interp, (e.value as PyInstance).attrs.get("repr")!),
        );
        const inner = indent + name.length + 1;
        this.write(`${name}(`);
        shown.forEach((e, i) => {
          const key = String(e.key);
          const value = getAttribute(this.interp, x, key);
          const last = i === shown.length - 1;
          this.write(`${key}=`);
          if (typeof value === "object" && value !== null && context.has(value)) this.write("...");
          else this.formatAt(value, inner + key.length + 1, last ? allowance : 1, context, level);
          if (!last) this.write(`,\n${" ".repeat(inner)}`);
        });
        this.write(")");
      });
    return false;
  }

  /** A dataclass whose `__repr__` is the one @dataclass wrote (pprint breaks those by field). */
  private isDataclass(cls: PyClass): boolean {
    return (
      cls.lookup("__dataclass_fields__") instanceof PyDict && cls.lookup("__repr__") instanceof PyBuiltin
    );
  }

  private prettyDict(
    d: PyDict,
    indent: number,
    allowance: number,
    context: Set<unknown>,
    level: number,
  ): void {
    this.write("{");
    if (this.o.indent > 1) this.write(" ".repeat(this.o.indent - 1));
    if (d.entries.size > 0) this.dictItems0(this.dictItems(d), indent, allowance + 1, context, level);
    this.write("}");
  }

  private dictItems0(
    items: [PyValue, PyValue][],
    indent: number,
    allowance: number,
    context: Set<unknown>,
    level: number,
  ): void {
    indent += this.o.indent;
    const delimiter = ",\n" + " ".repeat(indent);
    items.forEach(([key, value], i) => {
      const last = i === items.length - 1;
      const rep = this.repr(key, context, level);
      this.write(rep);
      this.write(": ");
      this.formatAt(value, indent + codePoints(rep) + 2, last ? allowance : 1, context, level);
      if (!last) this.write(delimiter);
    });
  }

  /** pprint's `_format_items`: one item a line, or as many as fit with `compact`. */
  private items(
    items: PyValue[],
    indent: number,
    allowance: number,
    context: Set<unknown>,
    level: number,
  ): void {
    indent += this.o.indent;
    if (this.o.indent > 1) this.write(" ".repeat(this.o.indent - 1));
    const delimiterNewline = ",\n" + " ".repeat(indent);
    let delimiter = "";
    let width = this.o.width - indent + 1;
    let maxWidth = width;
    items.forEach((item, i) => {
      const last = i === items.length - 1;
      if (last) {
        maxWidth -= allowance;
        width -= allowance;
      }
      if (this.o.compact) {
        const rep = this.repr(item, context, level);
        const w = codePoints(rep) + 2;
        if (width < w) {
          width = maxWidth;
          if (delimiter) delimiter = delimiterNewline;
        }
        if (width >= w) {
          width -= w;
          this.write(delimiter);
          delimiter = ", ";
          this.write(rep);
          return;
        }
      }
      this.write(delimiter);
      delimiter = delimiterNewline;
      this.formatAt(item, indent, last ? allowance : 1, context, level);
    });
  }

  /** A long str as adjacent literals, split after runs of spaces and at line ends. */
  private prettyString(s: string, indent: number, allowance: number, level: number): void {
    if (s.length === 0) {
      this.write(this.interp.repr(s));
      return;
    }
    const lines = splitLinesKeep(s);
    if (level === 1) {
      indent += 1;
      allowance += 1;
    }
    let maxWidth1 = this.o.width - indent;
    const maxWidth = maxWidth1;
    const chunks: string[] = [];
    let rep = "";
    lines.forEach((line, i) => {
      rep = this.interp.repr(line);
      if (i === lines.length - 1) maxWidth1 -= allowance;
      if (codePoints(rep) <= maxWidth1) {
        chunks.push(rep);
        return;
      }
      const parts = line.match(/\S*\s*/g)!.filter((p, j, all) => j < all.length - 1 || p !== "");
      let maxWidth2 = maxWidth;
      let current = "";
      parts.forEach((part, j) => {
        const candidate = current + part;
        if (j === parts.length - 1 && i === lines.length - 1) maxWidth2 -= allowance;
        if (codePoints(this.interp.repr(candidate)) > maxWidth2) {
          if (current) chunks.push(this.interp.repr(current));
          current = part;
        } else current = candidate;
      });
      if (current) chunks.push(this.interp.repr(current));
    });
    if (chunks.length === 1) {
      this.write(rep);
      return;
    }
    if (level === 1) this.write("(");
    chunks.forEach((chunk, i) => {
      if (i > 0) this.write("\n" + " ".repeat(indent));
      this.write(chunk);
    });
    if (level === 1) this.write(")");
  }
}

/** `str.splitlines(keepends=True)` for \n, \r\n and \r (what pprint splits a string at). */
function splitLinesKeep(s: string): string[] {
  return s
    .match(
      /[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|$)/g,
    )!
    .filter((line) => line !== "");
}

const OPTION_NAMES = [
  "indent",
  "width",
  "depth",
  "stream",
  "*",
  "compact",
  "sort_dicts",
  "underscore_numbers",
];

function readOptions(interp: Interpreter, a: Record<string, PyValue | undefined>, sortDicts = true): Options {
  const indent = a.indent === undefined ? 1 : intArg(a.indent);
  const width = a.width === undefined ? 80 : intArg(a.width);
  const depth = a.depth === undefined || a.depth === null ? null : intArg(a.depth);
  if (indent < 0) throw new PyError("ValueError", "indent must be >= 0");
  if (width < 0) throw new PyError("ValueError", "width must be != 0");
  if (depth !== null && depth <= 0) throw new PyError("ValueError", "depth must be > 0");
  if (a.stream !== undefined && a.stream !== null)
    throw new PyError("NotImplementedError", "pprint(stream=...) is not supported by GradLens");
  if (a.underscore_numbers !== undefined && truthy(interp, a.underscore_numbers))
    throw new PyError("NotImplementedError", "pprint(underscore_numbers=True) is not supported by GradLens");
  return {
    indent,
    width,
    depth,
    compact: a.compact !== undefined && truthy(interp, a.compact),
    sortDicts: a.sort_dicts === undefined ? sortDicts : truthy(interp, a.sort_dicts),
  };
}

export function makePprintModule(interp: Interpreter): PyModule {
  const m = new PyModule("pprint");
  const call = (name: string, sortDicts: boolean, print: boolean) =>
    defineFunction(m, name, (args: PyValue[], kwargs: Kwargs) => {
      const a = bindArgs(name, args, kwargs, ["object", ...OPTION_NAMES], 1);
      const text = new Printer(interp, readOptions(interp, a, sortDicts)).format(a.object!);
      if (!print) return text;
      interp.write(text + "\n");
      return null;
    });
  call("pformat", true, false);
  call("pprint", true, true);
  call("pp", false, true);
  const printerClass: PyClass = new PyClass("PrettyPrinter", null, "pprint", (args, kwargs) => {
    const a = bindArgs("PrettyPrinter", args, kwargs, OPTION_NAMES);
    const p = new PyInstance(printerClass);
    printers.set(p, readOptions(interp, a));
    return p;
  });
  const printers = new WeakMap<PyInstance, Options>();
  const optionsOf = (self: PyValue) => {
    const o = self instanceof PyInstance ? printers.get(self) : undefined;
    if (!o) throw typeError("descriptor requires a 'pprint.PrettyPrinter' object");
    return o;
  };
  printerClass.dict.set(
    "pformat",
    new PyBuiltin("pformat", ([self, x]) => new Printer(interp, optionsOf(self)).format(x)),
  );
  printerClass.dict.set(
    "pprint",
    new PyBuiltin("pprint", ([self, x]) => {
      interp.write(new Printer(interp, optionsOf(self)).format(x) + "\n");
      return null;
    }),
  );
  m.attrs.set("PrettyPrinter", printerClass);
  defineFunction(m, "saferepr", ([x]) =>
    new Printer(interp, {
      indent: 1,
      width: Number.MAX_SAFE_INTEGER,
      depth: null,
      compact: false,
      sortDicts: true,
    }).format(x),
  );
  return m;
}
