import { chargeGrowth, chargeString } from "../../engine/memory";
import { callMethod } from "../interpreter/attributes";
import type { Interpreter } from "../interpreter/interpreter";
import {
  DONE,
  int,
  PyBuiltin,
  PyClass,
  PyInstance,
  PyInt,
  PyList,
  PyModule,
  PyProperty,
  type PyValue,
} from "../interpreter/objects";
import { isNumber } from "../interpreter/numbers";
import { PyError, typeError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { floatRepr } from "../../format/floatFormat";
import {
  dialectOf,
  DIALECTS,
  QUOTE_ALL,
  QUOTE_MINIMAL,
  QUOTE_NONE,
  QUOTE_NONNUMERIC,
  type Dialect,
} from "./csvDialect";
import { bindArgs, defineFunction, intArg } from "./native";
import { defineSnifferHelpers } from "./csvSniffer";

/**
 * `_csv`, the part of Python's `csv` written in C in CPython: `reader` (a record may span lines
 * inside quotes), `writer` (writes to any object with a `write` method: in GradLens, an
 * `io.StringIO`, since files are read-only), `Error`, the QUOTE_* modes, `field_size_limit` and
 * the dialect registry. `DictReader` and `DictWriter` are in csvModule.ts, in Python as in CPython.
 */

/** Where the reader is within a record: the states of CPython's parser. */
const enum State {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrNl,
  AfterEscapedCrNl,
}

/** Marks the end of one line handed in by the iterator (not a character of it). */
const EOL = -2;

class CsvReader extends PyInstance {
  lineNum = 0;
  constructor(
    cls: PyClass,
    readonly lines: Iterator<PyValue>,
    readonly dialect: Dialect,
    readonly dialectObject: PyValue,
  ) {
    super(cls);
  }
}

interface CsvState {
  interp: Interpreter;
  errorClass: PyClass;
  fieldLimit: number;
  dialectClass: PyClass;
}

function csvError(s: CsvState, message: string): PyError {
  const e = new PyError("_csv.Error", message);
  e.value = s.interp.call(s.errorClass, [message]);
  return e;
}

/** Reads the next record of `r`: its fields, or DONE when the lines have run out. */
function nextRecord(s: CsvState, r: CsvReader): PyValue[] | typeof DONE {
  const d = r.dialect;
  const fields: PyValue[] = [];
  let field = "";
  let numeric = false;
  let state = State.StartRecord;
  const save = () => {
    chargeGrowth(fields.length + 1);
    if (numeric) {
      numeric = false;
      fields.push(s.interp.call(s.interp.builtins.get("float")!, [field]));
    } else fields.push(field);
    field = "";
  };
  const add = (c: string) => {
    if (field.length >= s.fieldLimit) throw csvError(s, `field larger than field limit (${s.fieldLimit})`);
    field += c;
  };
  const endsField = (code: number) => {
    save();
    state = code === EOL ? State.StartRecord : State.EatCrNl;
  };
  const startField = (code: number, c: string) => {
    if (c === "\n" || c === "\r" || code === EOL) endsField(code);
    else if (c === d.quotechar && d.quoting !== QUOTE_NONE) state = State.InQuotedField;
    else if (c === d.escapechar) state = State.EscapedChar;
    else if (c === d.delimiter) save();
    else if (c !== " " || !d.skipinitialspace) {
      if (d.quoting === QUOTE_NONNUMERIC) numeric = true;
      add(c);
      state = State.InField;
    }
  };
  const inField = (code: number, c: string) => {
    if (c === "\n" || c === "\r" || code === EOL) endsField(code);
    else if (c === d.escapechar) state = State.EscapedChar;
    else if (c === d.delimiter) {
      save();
      state = State.StartField;
    } else add(c);
  };
  const step = (code: number, c: string) => {
    switch (state) {
      case State.StartRecord:
        if (code === EOL) return;
        if (c === "\n" || c === "\r") {
          state = State.EatCrNl;
          return;
        }
        state = State.StartField;
        return startField(code, c);
      case State.StartField:
        return startField(code, c);
      case State.EscapedChar:
        if (c === "\n" || c === "\r") {
          add(c);
          state = State.AfterEscapedCrNl;
          return;
        }
        add(code === EOL ? "\n" : c);
        state = State.InField;
        return;
      case State.AfterEscapedCrNl:
        if (code === EOL) return;
        state = State.InField;
        return inField(code, c);
      case State.InField:
        return inField(code, c);
      case State.InQuotedField:
        // the end of a line inside quotes: the field goes on with the next line
        if (code === EOL) return;
        if (c === d.escapechar) state = State.EscapeInQuotedField;
        else if (c === d.quotechar && d.quoting !== QUOTE_NONE)
          state = d.doublequote ? State.QuoteInQuotedField : State.InField;
        else add(c);
        return;
      case State.EscapeInQuotedField:
        add(code === EOL ? "\n" : c);
        state = State.InQuotedField;
        return;
      case State.QuoteInQuotedField:
        if (d.quoting !== QUOTE_NONE && c === d.quotechar) {
          add(c);
          state = State.InQuotedField;
        } else if (c === d.delimiter) {
          save();
          state = State.StartField;
        } else if (c === "\n" || c === "\r" || code === EOL) endsField(code);
        else if (!d.strict) {
          add(c);
          state = State.InField;
        } else throw csvError(s, `'${d.delimiter}' expected after '${d.quotechar}'`);
        return;
      case State.EatCrNl:
        if (code === EOL) state = State.StartRecord;
        else if (c !== "\n" && c !== "\r")
          throw csvError(
            s,
            "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
          );
        return;
    }
  };
  for (;;) {
    const next = r.lines.next();
    if (next.done === true) {
      if (state === State.StartRecord || state === State.EatCrNl) return DONE;
      if (field.length !== 0 || state === State.InQuotedField) {
        if (d.strict) throw csvError(s, "unexpected end of data");
        save();
      }
      return fields;
    }
    const line = next.value;
    if (typeof line !== "string")
      throw csvError(
        s,
        `iterator should return strings, not ${typeName(line)} (the file should be opened in text mode)`,
      );
    r.lineNum++;
    for (let i = 0; i < line.length; i++) step(line.charCodeAt(i), line[i]);
    step(EOL, "");
    if (state === State.StartRecord) return fields;
  }
}

/** One field as a writer writes it, quoted and escaped as the dialect says. */
function joinField(s: CsvState, d: Dialect, text: string, quote: boolean, only: boolean): string {
  let quoted = quote;
  let out = "";
  for (const c of text) {
    let escape = false;
    if (c === d.delimiter || c === d.escapechar || c === d.quotechar || d.lineterminator.includes(c)) {
      if (d.quoting === QUOTE_NONE) escape = true;
      else {
        if (c === d.quotechar) {
          if (d.doublequote) out += c;
          else escape = true;
        } else if (c === d.escapechar) escape = true;
        if (!escape) quoted = true;
      }
      if (escape) {
        if (d.escapechar === null) throw csvError(s, "need to escape, but no escapechar set");
        out += d.escapechar;
      }
    }
    out += c;
  }
  // a record of one empty field is written as "" (else it would read back as no field at all)
  if (only && text === "") {
    if (d.quoting === QUOTE_NONE) throw csvError(s, "single empty field record must be quoted");
    quoted = true;
  }
  return quoted ? `${d.quotechar}${out}${d.quotechar}` : out;
}

/** The line `writerow(row)` writes. */
function formatRow(s: CsvState, d: Dialect, row: PyValue): string {
  const interp = s.interp;
  let items: PyValue[];
  try {
    items = [...interp.iterate(row)];
  } catch (e) {
    if (e instanceof PyError && e.pyType === "TypeError")
      throw csvError(s, `iterable expected, not ${typeName(row)}`);
    throw e;
  }
  const parts = items.map((v) => {
    const quote = d.quoting === QUOTE_ALL || (d.quoting === QUOTE_NONNUMERIC && !isNumber(v));
    const text = v === null ? "" : typeof v === "number" ? floatRepr(v) : interp.str(v);
    return joinField(s, d, text, quote, items.length === 1);
  });
  const line = parts.join(d.delimiter) + d.lineterminator;
  chargeString(line.length);
  return line;
}

/** The object `reader.dialect` and `writer.dialect` give. */
function dialectObject(s: CsvState, d: Dialect): PyInstance {
  const o = new PyInstance(s.dialectClass);
  o.attrs.set("delimiter", d.delimiter);
  o.attrs.set("quotechar", d.quotechar);
  o.attrs.set("escapechar", d.escapechar);
  o.attrs.set("doublequote", d.doublequote);
  o.attrs.set("skipinitialspace", d.skipinitialspace);
  o.attrs.set("lineterminator", d.lineterminator);
  o.attrs.set("quoting", int(d.quoting));
  o.attrs.set("strict", d.strict);
  return o;
}

function property(cls: PyClass, name: string, get: (self: PyValue) => PyValue): void {
  cls.dict.set(name, new PyProperty(new PyBuiltin(name, ([v]) => get(v)), null));
}

export function makeCsvCoreModule(interp: Interpreter): PyModule {
  const m = new PyModule("_csv");
  const exception = interp.builtins.get("Exception") as PyClass;
  const s: CsvState = {
    interp,
    errorClass: new PyClass("Error", exception, "_csv"),
    fieldLimit: 128 * 1024,
    dialectClass: new PyClass("Dialect", null, "_csv"),
  };
  const registry = new Map(DIALECTS);
  const dialectFor = (given: PyValue | undefined, keywords: Map<string, PyValue> | null): Dialect => {
    // `dialect` may come by position or by name, the format parameters after it only by name
    const kwargs = new Map(keywords ?? []);
    const byName = kwargs.get("dialect");
    kwargs.delete("dialect");
    if (byName !== undefined && given !== undefined)
      throw typeError("argument for function given by name ('dialect') and position (2)");
    const arg = given ?? byName;
    return typeof arg === "string" && registry.has(arg)
      ? dialectOf(interp, undefined, new Map([...fieldsOf(registry.get(arg)!), ...kwargs]), (msg) =>
          csvError(s, msg),
        )
      : dialectOf(interp, arg, kwargs, (msg) => csvError(s, msg));
  };

  const readerClass = new PyClass("reader", null, "_csv");
  readerClass.dict.set("__iter__", new PyBuiltin("__iter__", ([r]) => r));
  readerClass.dict.set(
    "__next__",
    new PyBuiltin("__next__", ([r]) => {
      const record = nextRecord(s, r as CsvReader);
      if (record === DONE) throw new PyError("StopIteration", "");
      return new PyList(record);
    }),
  );
  property(readerClass, "line_num", (r) => int((r as CsvReader).lineNum));
  property(readerClass, "dialect", (r) => (r as CsvReader).dialectObject);
  defineFunction(m, "reader", (args, kwargs) => {
    if (args.length === 0) throw typeError("expected at least 1 argument, got 0");
    if (args.length > 2) throw typeError(`expected at most 2 arguments, got ${args.length}`);
    const lines = interp.iterate(args[0])[Symbol.iterator]();
    const d = dialectFor(args[1], kwargs);
    return new CsvReader(readerClass, lines, d, dialectObject(s, d));
  });

  const writerClass = new PyClass("writer", null, "_csv");
  const writers = new WeakMap<PyInstance, { target: PyValue; dialect: Dialect }>();
  const writerOf = (w: PyValue) => {
    const found = w instanceof PyInstance ? writers.get(w) : undefined;
    if (!found)
      throw typeError(`descriptor for '_csv.writer' objects doesn't apply to a '${typeName(w)}' object`);
    return found;
  };
  writerClass.dict.set(
    "writerow",
    new PyBuiltin("writerow", ([w, row]) => {
      const { target, dialect } = writerOf(w);
      return callMethod(interp, target, "write", [formatRow(s, dialect, row ?? null)], null);
    }),
  );
  writerClass.dict.set(
    "writerows",
    new PyBuiltin("writerows", ([w, rows]) => {
      const { target, dialect } = writerOf(w);
      for (const row of interp.iterate(rows ?? null))
        callMethod(interp, target, "write", [formatRow(s, dialect, row)], null);
      return null;
    }),
  );
  property(writerClass, "dialect", (w) => dialectObject(s, writerOf(w).dialect));
  defineFunction(m, "writer", (args, kwargs) => {
    if (args.length === 0) throw typeError("expected at least 1 argument, got 0");
    if (args.length > 2) throw typeError(`expected at most 2 arguments, got ${args.length}`);
    const target = args[0];
    if (!(target instanceof PyInstance) || target.cls.lookup("write") === undefined)
      throw typeError('argument 1 must have a "write" method');
    const w = new PyInstance(writerClass);
    writers.set(w, { target, dialect: dialectFor(args[1], kwargs) });
    return w;
  });

  m.attrs.set("Error", s.errorClass);
  m.attrs.set("Dialect", s.dialectClass);
  m.attrs.set("QUOTE_MINIMAL", int(QUOTE_MINIMAL));
  m.attrs.set("QUOTE_ALL", int(QUOTE_ALL));
  m.attrs.set("QUOTE_NONNUMERIC", int(QUOTE_NONNUMERIC));
  m.attrs.set("QUOTE_NONE", int(QUOTE_NONE));
  defineFunction(m, "field_size_limit", (args, kwargs) => {
    const a = bindArgs("field_size_limit", args, kwargs, ["new_limit"]);
    const old = s.fieldLimit;
    if (a.new_limit !== undefined) {
      if (!(a.new_limit instanceof PyInt)) throw typeError('"limit" must be an integer');
      s.fieldLimit = intArg(a.new_limit);
    }
    return int(old);
  });
  defineFunction(m, "list_dialects", () => new PyList([...registry.keys()]));
  defineFunction(m, "get_dialect", ([name]) => {
    const d = typeof name === "string" ? registry.get(name) : undefined;
    if (!d) throw csvError(s, "unknown dialect");
    return dialectObject(s, d);
  });
  defineFunction(m, "register_dialect", (args, kwargs) => {
    const [name, dialect] = args;
    if (typeof name !== "string") throw typeError("dialect name must be a string");
    registry.set(
      name,
      dialectOf(interp, dialect, kwargs, (msg) => csvError(s, msg)),
    );
    return null;
  });
  defineFunction(m, "unregister_dialect", ([name]) => {
    if (typeof name !== "string" || !registry.delete(name)) throw csvError(s, "unknown dialect");
    return null;
  });
  defineSnifferHelpers(m, (v) => interp.iterate(v));
  return m;
}

/** A dialect's attributes as the keyword arguments that would make it. */
function fieldsOf(d: Dialect): [string, PyValue][] {
  return [
    ["delimiter", d.delimiter],
    ["quotechar", d.quotechar],
    ["escapechar", d.escapechar],
    ["doublequote", d.doublequote],
    ["skipinitialspace", d.skipinitialspace],
    ["lineterminator", d.lineterminator],
    ["quoting", int(d.quoting)],
    ["strict", d.strict],
  ];
}
