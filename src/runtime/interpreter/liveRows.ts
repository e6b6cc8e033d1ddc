import { valueAttributes } from "../modules/microgradValue";
import { Ellipsis, NotImplemented, PyInt, PyRange, PySlice } from "./objects";
import { Frame } from "./frame";
import {
  PyBoundMethod,
  PyBuiltin,
  PyClass,
  PyClassMethod,
  PyDict,
  PyDictView,
  PyFunction,
  PyInstance,
  PyIterator,
  PyList,
  PyModule,
  PyProperty,
  PySet,
  PyStaticMethod,
  PySuper,
  PyTuple,
  ValueRef,
} from "./objects";

const VALUE_FREE = new Set<object>([Ellipsis, NotImplemented]);

/** Functions of built-in modules and their classes: made before the program ran, they hold none of its values. */
const moduleFunctions = new WeakSet<object>();

function isNativeDefinition(v: unknown): boolean {
  if (v instanceof PyBuiltin) return v.captures === undefined;
  if (v instanceof PyProperty)
    return (
      (v.getter === null || isNativeDefinition(v.getter)) &&
      (v.setter === null || isNativeDefinition(v.setter))
    );
  return false;
}

/**
 * Marks the functions a built-in module was made with (and its classes' methods) as holding
 * no program value, so a program that imported numpy or matplotlib can still have its long
 * loops' unreachable values dropped.
 */
export function markModuleFunctions(module: PyModule): void {
  const seen = new Set<object>();
  const walk = (x: unknown) => {
    if (typeof x !== "object" || x === null || seen.has(x)) return;
    seen.add(x);
    if (x instanceof PyBuiltin) {
      if (x.captures === undefined) moduleFunctions.add(x);
    } else if (x instanceof PyModule) for (const v of x.attrs.values()) walk(v);
    else if (x instanceof PyClass) for (const v of x.dict.values()) walk(v);
    else if (x instanceof PyProperty) {
      walk(x.getter);
      walk(x.setter);
    } else if (x instanceof PyStaticMethod || x instanceof PyClassMethod) walk(x.func);
  };
  walk(module);
}

/**
 * Which tape rows the program can still reach: a walk of everything reachable from `roots`
 * (the globals, the loops running, the modules), marking the row of every Value it meets.
 * Returns null when the walk meets something whose insides it cannot see — an iterator or a
 * built-in function that does not say what it holds — since a Value held there would be
 * missed; the caller then reclaims nothing. `reached` is told of every instance met (the
 * program's own Values and the numpy and torch objects, whose rows the caller looks up).
 */
export function liveRows(
  roots: Iterable<unknown>,
  tapeSize: number,
  reached?: (instance: PyInstance) => void,
): Uint8Array | null {
  const keep = new Uint8Array(tapeSize);
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  const push = (x: unknown) => {
    if (x !== null && typeof x === "object" && !seen.has(x)) stack.push(x);
  };
  while (stack.length > 0) {
    const x = stack.pop();
    if (x === null || typeof x !== "object" || seen.has(x)) continue;
    seen.add(x);
    if (x instanceof ValueRef) {
      if (x.row >= 0 && x.row < tapeSize) keep[x.row] = 1;
      for (const v of valueAttributes(x)) push(v);
    } else if (x instanceof PyList || x instanceof PyTuple) {
      for (const v of x.items) push(v);
    } else if (x instanceof PyDict) {
      for (const e of x.entries.values()) {
        push(e.key);
        push(e.value);
      }
    } else if (x instanceof PySet) {
      for (const v of x.entries.values()) push(v);
    } else if (x instanceof PyInstance) {
      reached?.(x);
      for (const v of x.attrValues()) push(v);
      push(x.cls);
    } else if (x instanceof PyClass) {
      // a native class's methods (and properties) are definitions made with the class, not
      // closures over the program's values, however late the class was made; a program's own
      // class may hold native wrappers that do hold some (a decorated method's cache)
      for (const v of x.dict.values()) if (x.definedByProgram || !isNativeDefinition(v)) push(v);
      push(x.base);
    } else if (x instanceof PyFunction) {
      for (const v of x.defaults) push(v);
      push(x.closure);
    } else if (x instanceof Frame) {
      for (const v of x.vars.values()) push(v);
      push(x.enclosing);
    } else if (x instanceof PyModule) {
      for (const v of x.attrs.values()) push(v);
    } else if (x instanceof PyBoundMethod) {
      push(x.self);
      push(x.func);
    } else if (x instanceof PySuper) {
      push(x.self);
      push(x.cls);
    } else if (x instanceof PyStaticMethod || x instanceof PyClassMethod) {
      push(x.func);
    } else if (x instanceof PyProperty) {
      push(x.getter);
      push(x.setter);
    } else if (x instanceof PyDictView) {
      push(x.dict);
    } else if (x instanceof PyIterator || x instanceof PyBuiltin) {
      if (x.captures === undefined) {
        if (moduleFunctions.has(x)) continue;
        return null;
      }
      for (const v of x.captures) push(v);
    } else if (Array.isArray(x)) {
      for (const v of x) push(v);
    } else if (!(x instanceof PyInt || x instanceof PyRange || x instanceof PySlice || VALUE_FREE.has(x))) {
      return null; // an object of a kind this walk does not know: it might hold a Value
    }
  }
  return keep;
}
