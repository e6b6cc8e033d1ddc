import { chargeGrowth } from "../../engine/memory";
import type { Expr } from "../../lang/ir";
import { assignedNames } from "../../lang/python/scopeAnalysis";
import { assign } from "./assignment";
import { dictSet, getIterator, setOf } from "./collections";
import { Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import { truthy } from "./operators";
import { DONE, PyDict, PyIterator, PyList, type PyValue } from "./objects";

type Comprehension = Expr & { k: "comprehension" };

const scopes = new WeakMap<Comprehension, Set<string>>();

/** The names a comprehension binds: its loop targets, local to it as in Python 3. */
function targetsOf(e: Comprehension): Set<string> {
  let names = scopes.get(e);
  if (!names) {
    const stmts = e.clauses.map((c) => ({
      k: "assign" as const,
      targets: [c.target],
      value: c.iter,
      span: e.span,
    }));
    names = new Set(assignedNames(stmts, []).locals);
    scopes.set(e, names);
  }
  return names;
}

/**
 * Runs a comprehension. A generator expression is lazy, as in Python: `sum(w*x for …)` makes
 * each product just before it is added, so the tape has Python's order of values.
 */
export function evalComprehension(interp: Interpreter, e: Comprehension, frame: Frame): PyValue {
  // The first iterable is evaluated where the comprehension stands; the rest inside it.
  const first = getIterator(interp, interp.eval(e.clauses[0].iter, frame));
  const scope = new Frame(
    "function",
    new Map(),
    targetsOf(e),
    null,
    frame,
    frame.globals,
    frame.builtins,
    frame.func,
  );
  const next = produce(interp, e, scope, first);
  if (e.kind === "generator") {
    const library = interp.library;
    return new PyIterator(() => {
      const saved = interp.library;
      interp.library = library;
      try {
        return next();
      } finally {
        interp.library = saved;
      }
    }, "generator");
  }
  if (e.kind === "dict") {
    const d = new PyDict();
    for (let x = next(); x !== DONE; x = next()) {
      const pair = x as PyList;
      dictSet(d, pair.items[0], pair.items[1]);
    }
    return d;
  }
  const items: PyValue[] = [];
  for (let x = next(); x !== DONE; x = next()) {
    chargeGrowth(items.length + 1);
    items.push(x);
  }
  return e.kind === "set" ? setOf(items) : new PyList(items);
}

function produce(
  interp: Interpreter,
  e: Comprehension,
  scope: Frame,
  first: PyIterator,
): () => PyValue | typeof DONE {
  const clauses = e.clauses;
  const iterators: PyIterator[] = [first];
  let depth = 0;
  return () => {
    for (;;) {
      const x = iterators[depth].next();
      if (x === DONE) {
        if (depth === 0) return DONE;
        depth--;
        continue;
      }
      interp.step();
      const clause = clauses[depth];
      assign(interp, clause.target, x, scope);
      let pass = true;
      for (const condition of clause.conditions) {
        if (!truthy(interp, interp.eval(condition, scope))) {
          pass = false;
          break;
        }
      }
      if (!pass) continue;
      if (depth === clauses.length - 1) {
        const key = interp.eval(e.element, scope);
        // a dict comprehension yields its key and value together
        return e.value ? new PyList([key, interp.eval(e.value, scope)]) : key;
      }
      depth++;
      iterators[depth] = getIterator(interp, interp.eval(clauses[depth].iter, scope));
    }
  };
}
