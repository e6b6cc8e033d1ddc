import type { MatchCase, NameExpr, Pattern, Stmt } from "../../lang/ir";
import { assign } from "./assignment";
import { getAttribute } from "./attributes";
import { dictGet, dictSet, hashKey, toArray } from "./collections";
import type { Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import { PyClass, PyDict, PyList, PyRange, PyTuple, type PyValue } from "./objects";
import { equals, truthy } from "./operators";
import { PyError, typeError, valueError } from "./pyErrors";
import { typeName } from "./stringify";

type Match = Stmt & { k: "match" };

/** What a pattern binds as it matches, in order; bound to the names only when the whole case matches. */
type Bindings = [NameExpr, PyValue][];

/** Built-in types whose class pattern with one positional sub-pattern matches the subject itself. */
const SELF_MATCHING = [
  "bool",
  "bytearray",
  "bytes",
  "dict",
  "float",
  "frozenset",
  "int",
  "list",
  "set",
  "str",
  "tuple",
];

/**
 * `match` (PEP 634): the first case whose pattern matches the subject and whose guard holds;
 * its captures are bound, then its body runs. None matching does nothing.
 */
export function execMatch(interp: Interpreter, s: Match, frame: Frame): number {
  const chosen = chooseCase(interp, s, frame);
  return chosen === null ? 0 : interp.execBlock(chosen.body, frame);
}

/** The case `match` runs (its names bound), or null. */
export function chooseCase(interp: Interpreter, s: Match, frame: Frame): MatchCase | null {
  const subject = interp.eval(s.subject, frame);
  for (const c of s.cases) {
    const bindings: Bindings = [];
    if (!matches(interp, c.pattern, subject, frame, bindings)) continue;
    // CPython binds a case's names before its guard is tried, and leaves them bound if it fails
    for (const [name, value] of bindings) assign(interp, name, value, frame);
    if (c.guard === null || truthy(interp, interp.eval(c.guard, frame))) return c;
  }
  return null;
}

function isSequence(v: PyValue): v is PyList | PyTuple | PyRange {
  return v instanceof PyList || v instanceof PyTuple || v instanceof PyRange;
}

function matches(interp: Interpreter, p: Pattern, subject: PyValue, frame: Frame, out: Bindings): boolean {
  switch (p.k) {
    case "matchAs":
      if (p.pattern !== null && !matches(interp, p.pattern, subject, frame, out)) return false;
      if (p.name !== null) out.push([p.name, subject]);
      return true;
    case "matchValue": {
      const value = interp.eval(p.value, frame);
      interp.setAt(p.span);
      return equals(interp, subject, value);
    }
    case "matchSingleton":
      return subject === p.value;
    case "matchOr":
      for (const alt of p.alternatives) {
        const tried: Bindings = [];
        if (matches(interp, alt, subject, frame, tried)) {
          out.push(...tried);
          return true;
        }
      }
      return false;
    case "matchSequence":
      return matchSequence(interp, p, subject, frame, out);
    case "matchMapping":
      return matchMapping(interp, p, subject, frame, out);
    case "matchClass":
      return matchClass(interp, p, subject, frame, out);
    case "matchStar":
      // only inside a sequence pattern, which matches it itself
      return false;
  }
}

function matchSequence(
  interp: Interpreter,
  p: Pattern & { k: "matchSequence" },
  subject: PyValue,
  frame: Frame,
  out: Bindings,
): boolean {
  if (!isSequence(subject)) return false;
  const items = subject instanceof PyRange ? toArray(interp, subject) : subject.items;
  const star = p.items.findIndex((q) => q.k === "matchStar");
  if (star < 0) {
    if (items.length !== p.items.length) return false;
    return p.items.every((q, i) => matches(interp, q, items[i], frame, out));
  }
  const after = p.items.length - star - 1;
  if (items.length < p.items.length - 1) return false;
  for (let i = 0; i < star; i++) if (!matches(interp, p.items[i], items[i], frame, out)) return false;
  const starred = p.items[star] as Pattern & { k: "matchStar" };
  const middle = items.slice(star, items.length - after);
  if (starred.name !== null) out.push([starred.name, new PyList(middle)]);
  for (let i = 0; i < after; i++)
    if (!matches(interp, p.items[star + 1 + i], items[items.length - after + i], frame, out)) return false;
  return true;
}

function matchMapping(
  interp: Interpreter,
  p: Pattern & { k: "matchMapping" },
  subject: PyValue,
  frame: Frame,
  out: Bindings,
): boolean {
  if (!(subject instanceof PyDict)) return false;
  const keys = p.keys.map((k) => interp.eval(k, frame));
  const seen = new Set<unknown>();
  for (const key of keys) {
    const h = hashKey(key);
    if (seen.has(h)) {
      interp.setAt(p.span);
      throw valueError(`mapping pattern checks duplicate key (${interp.repr(key)})`);
    }
    seen.add(h);
  }
  for (let i = 0; i < keys.length; i++) {
    // a lookup that does not add (a defaultdict's factory is not called)
    const value = dictGet(subject, keys[i]);
    if (value === undefined || !matches(interp, p.values[i], value, frame, out)) return false;
  }
  if (p.rest !== null) {
    const rest = new PyDict();
    for (const [h, { key, value }] of subject.entries) if (!seen.has(h)) dictSet(rest, key, value);
    out.push([p.rest, rest]);
  }
  return true;
}

function matchClass(
  interp: Interpreter,
  p: Pattern & { k: "matchClass" },
  subject: PyValue,
  frame: Frame,
  out: Bindings,
): boolean {
  const cls = interp.eval(p.cls, frame);
  interp.setAt(p.span);
  // GradLens has no bytes objects: `bytes` and `bytearray` are stand-ins nothing is an instance of
  if (cls === interp.builtins.get("bytes") || cls === interp.builtins.get("bytearray")) return false;
  if (!(cls instanceof PyClass)) throw typeError("called match pattern must be a type");
  if (!truthy(interp, interp.call(interp.builtins.get("isinstance")!, [subject, cls]))) return false;
  const names: string[] = [];
  if (p.args.length > 0) {
    if (p.args.length === 1 && SELF_MATCHING.some((n) => interp.builtins.get(n) === cls)) {
      if (!matches(interp, p.args[0], subject, frame, out)) return false;
    } else {
      const matchArgs = attribute(interp, cls, "__match_args__") ?? new PyTuple([]);
      if (!(matchArgs instanceof PyTuple) || matchArgs.cls !== null)
        throw typeError(`${cls.name}.__match_args__ must be a tuple (got ${typeName(matchArgs)})`);
      if (p.args.length > matchArgs.items.length) {
        const n = matchArgs.items.length;
        throw typeError(
          `${cls.name}() accepts ${n} positional sub-pattern${n === 1 ? "" : "s"} (${p.args.length} given)`,
        );
      }
      for (const name of matchArgs.items.slice(0, p.args.length)) {
        if (typeof name !== "string")
          throw typeError(`__match_args__ elements must be strings (got ${typeName(name)})`);
        names.push(name);
      }
    }
  }
  const keywordNames = p.keywords.map((k) => k.name);
  for (const name of keywordNames)
    if (names.includes(name))
      throw typeError(`${cls.name}() got multiple sub-patterns for attribute '${name}'`);
  const subpatterns = [...p.args.slice(0, names.length), ...p.keywords.map((k) => k.pattern)];
  const attrs = [...names, ...keywordNames];
  for (let i = 0; i < attrs.length; i++) {
    const value = attribute(interp, subject, attrs[i]);
    if (value === undefined || !matches(interp, subpatterns[i], value, frame, out)) return false;
  }
  return true;
}

/** `getattr(obj, name)`, or undefined where it raises AttributeError. */
function attribute(interp: Interpreter, obj: PyValue, name: string): PyValue | undefined {
  try {
    return getAttribute(interp, obj, name);
  } catch (e) {
    if (e instanceof PyError && e.pyType === "AttributeError") return undefined;
    throw e;
  }
}
