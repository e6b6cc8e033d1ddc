import { chargeGrowth } from "../../engine/memory";
import type { Argument, Expr } from "../../lang/ir";
import { UnsupportedError } from "../runErrors";
import { bindTarget } from "./bind";
import { homeClass, makeClass } from "./classes";
import type { JsInterpreter } from "./interpreter";
import { binary, compare, concatenate, toNumber, toStr, truthy, unary } from "./operators";
import { getProperty, setProperty } from "./properties";
import type { Scope } from "./scope";
import {
  isCallable,
  isHost,
  JsClass,
  JsFunction,
  JsObject,
  JsRuntimeError,
  typeError,
  type JsValue,
} from "./values";

/** Evaluates an expression; `nameHint` names an anonymous function or class bound by a declaration. */
export function evalExpression(it: JsInterpreter, e: Expr, scope: Scope, nameHint = ""): JsValue {
  switch (e.k) {
    case "name":
      return it.loadName(e, scope);
    case "float":
      return e.value;
    case "str":
      return e.value;
    case "constant":
      return e.value;
    case "undefined":
      return undefined;
    case "this":
      return scope.load("this");
    case "fstring": {
      let s = "";
      for (const part of e.parts)
        s = concatenate(s, typeof part === "string" ? part : toStr(it, it.eval(part.expr, scope)));
      return s;
    }
    case "binary": {
      const a = it.eval(e.left, scope);
      const b = it.eval(e.right, scope);
      it.at = e.span;
      return binary(it, e.op, a, b);
    }
    case "unary": {
      // `typeof` of a name declared nowhere is "undefined", not a ReferenceError
      if (e.op === "typeof" && e.operand.k === "name" && !scope.has(e.operand.id)) return "undefined";
      const v = it.eval(e.operand, scope);
      it.at = e.span;
      return unary(it, e.op, v);
    }
    case "logical": {
      const a = it.eval(e.left, scope);
      if (e.op === "and" ? !truthy(a) : e.op === "or" ? truthy(a) : a !== undefined && a !== null) return a;
      return it.eval(e.right, scope);
    }
    case "compare": {
      const a = it.eval(e.operands[0], scope);
      const b = it.eval(e.operands[1], scope);
      it.at = e.span;
      return compare(it, e.ops[0], a, b);
    }
    case "conditional":
      return truthy(it.eval(e.test, scope)) ? it.eval(e.body, scope) : it.eval(e.orelse, scope);
    case "call": {
      const r = evalCall(it, e, scope);
      if (it.unstamped) it.stampRows(e.span);
      return r;
    }
    case "new": {
      const callee = it.eval(e.callee, scope);
      const args = evalArgs(it, e.args, scope);
      it.at = e.span;
      const r = it.construct(callee, args, it.textOf(e.callee.span));
      if (it.unstamped) it.stampRows(e.span);
      return r;
    }
    case "attribute": {
      if (e.object.k === "super") return superMethod(it, scope, e.name);
      const obj = it.eval(e.object, scope);
      it.at = e.span;
      const r = getProperty(it, obj, e.name);
      // a getter of the library (a tensor's `.data`) may make values
      if (it.unstamped) it.stampRows(e.span);
      return r;
    }
    case "subscript": {
      const obj = it.eval(e.object, scope);
      const key = it.eval(e.index, scope);
      it.at = e.span;
      return getProperty(it, obj, it.propertyKey(key));
    }
    case "list": {
      // a hole stays a hole (not undefined), which `map`, `in` and the printer skip as Node does
      const out: JsValue[] = [];
      for (const item of e.items) {
        if (item.k === "starred") {
          // one push per item: spreading a long array into push() would overflow the call stack
          for (const x of it.iterate(it.eval(item.value, scope))) {
            chargeGrowth(out.length + 1);
            out.push(x);
          }
        } else if (item.k === "hole") out.length++;
        else out.push(it.eval(item, scope));
      }
      return out;
    }
    case "object": {
      const o = new JsObject();
      for (const { key, value } of e.props) {
        if (key === null) {
          if (value.k !== "starred") {
            it.eval(value, scope);
            continue;
          }
          const src = it.eval(value.value, scope);
          if (src instanceof JsObject) for (const [k, v] of src.props) o.props.set(k, v);
          else if (Array.isArray(src) || typeof src === "string")
            [...src].forEach((v, i) => o.props.set(String(i), v));
          continue;
        }
        const k = key.k === "str" ? key.value : it.propertyKey(it.eval(key, scope));
        const v = value.k === "function" ? evalExpression(it, value, scope, k) : it.eval(value, scope);
        o.props.set(k, v);
      }
      return o;
    }
    case "function":
      // an arrow's `this` and a method's class are found through the scope it closes over
      return new JsFunction(e.def, scope, e.arrow, null, e.def.name || nameHint);
    case "classExpr":
      return makeClass(it, e.def, scope, nameHint);
    case "assignExpr":
      return evalAssign(it, e, scope);
    case "update": {
      // the object and key are evaluated once, and the old value converted as `+` would
      const ref = evalReference(it, e.target, scope);
      const old = toNumber(it, ref.read());
      const next = e.op === "++" ? old + 1 : old - 1;
      ref.write(next);
      return e.prefix ? next : old;
    }
    case "optional": {
      const v = it.eval(e.value, scope);
      if (v === undefined || v === null) throw SHORT_CIRCUIT;
      return v;
    }
    case "chain":
      try {
        return it.eval(e.value, scope);
      } catch (x) {
        if (x === SHORT_CIRCUIT) return undefined;
        throw x;
      }
    case "super":
      it.at = e.span;
      throw new JsRuntimeError("SyntaxError", "'super' keyword unexpected here");
    case "starred":
      it.at = e.span;
      throw new JsRuntimeError("SyntaxError", "Unexpected token '...'");
    case "unsupported":
      it.at = e.span;
      throw new UnsupportedError(e.message);
    default:
      it.at = e.span;
      throw new UnsupportedError(`A Python \`${e.k}\` expression is not JavaScript`);
  }
}

/** Thrown by an `optional` that met null or undefined; caught by its `chain`. */
const SHORT_CIRCUIT = Symbol("short circuit");

function evalArgs(it: JsInterpreter, args: Argument[], scope: Scope): JsValue[] {
  const out: JsValue[] = [];
  for (const a of args) {
    if (a.kind === "star") out.push(...it.iterate(it.eval(a.value, scope)));
    else out.push(it.eval(a.value, scope));
  }
  return out;
}

/** V8's message for calling what is not a function, naming the callee as written. */
function notAFunction(fn: JsValue, text: string): JsRuntimeError | null {
  if (isCallable(fn) || (isHost(fn) && typeof fn === "function")) return null;
  return typeError(`${text} is not a function`);
}

function evalCall(it: JsInterpreter, e: Expr & { k: "call" }, scope: Scope): JsValue {
  const fe = e.func;
  if (fe.k === "super") {
    const args = evalArgs(it, e.args, scope);
    it.at = e.span;
    it.superCall(scope, args);
    return undefined;
  }
  if (fe.k === "attribute" || fe.k === "subscript") {
    let self: JsValue;
    let fn: JsValue;
    if (fe.k === "attribute" && fe.object.k === "super") {
      self = scope.load("this");
      fn = superMethod(it, scope, fe.name);
    } else {
      self = it.eval(fe.object, scope);
      const key = fe.k === "attribute" ? fe.name : it.propertyKey(it.eval(fe.index, scope));
      it.at = fe.span;
      fn = getProperty(it, self, key);
    }
    const args = evalArgs(it, e.args, scope);
    it.at = e.span;
    const bad = notAFunction(fn, it.textOf(fe.span));
    if (bad) throw bad;
    return it.call(fn, self, args);
  }
  const fn = it.eval(fe, scope);
  const args = evalArgs(it, e.args, scope);
  it.at = e.span;
  const bad = notAFunction(fn, it.textOf(fe.span));
  if (bad) throw bad;
  return it.call(fn, undefined, args);
}

/** `super.name` inside a method: the base class's method (or static, from a static method). */
function superMethod(it: JsInterpreter, scope: Scope, name: string): JsValue {
  const home = homeClass(scope);
  // an object literal's `super` is Object.prototype, which an empty object shows
  if (home === null) return getProperty(it, new JsObject(), name);
  const base = home.base;
  if (base === null) return undefined;
  const self = scope.load("this");
  if (self instanceof JsClass) return getProperty(it, base, name);
  return base.findMethod(name);
}

/** An assignment target evaluated once: what `x++`, `a[i] = v` and `o.n += 1` read and write. */
interface Reference {
  read(): JsValue;
  write(value: JsValue): void;
}

/** Evaluates a simple target's object and key (not its value), as JavaScript does before the right-hand side. */
function evalReference(it: JsInterpreter, target: Expr, scope: Scope): Reference {
  if (target.k === "name")
    return {
      read: () => it.loadName(target, scope),
      write: (v) => it.storeName(target, v, scope, null),
    };
  if (target.k === "attribute" || target.k === "subscript") {
    const obj = it.eval(target.object, scope);
    const key = target.k === "attribute" ? target.name : it.propertyKey(it.eval(target.index, scope));
    return {
      read: () => {
        it.at = target.span;
        return getProperty(it, obj, key);
      },
      write: (v) => {
        it.at = target.span;
        setProperty(it, obj, key, v);
      },
    };
  }
  it.at = target.span;
  throw new JsRuntimeError("SyntaxError", "Invalid left-hand side in assignment");
}

function evalAssign(it: JsInterpreter, e: Expr & { k: "assignExpr" }, scope: Scope): JsValue {
  const target = e.target;
  if (e.op === "=") {
    if (target.k === "attribute" || target.k === "subscript") {
      // `a[k] = v`: the target's object and key come before the value
      const ref = evalReference(it, target, scope);
      const value = it.eval(e.value, scope);
      ref.write(value);
      if (it.unstamped) it.stampRows(e.span);
      return value;
    }
    const value =
      target.k === "name" && (e.value.k === "function" || e.value.k === "classExpr")
        ? evalExpression(it, e.value, scope, target.id)
        : it.eval(e.value, scope);
    bindTarget(it, target, value, scope, null);
    if (it.unstamped) it.stampRows(e.span);
    return value;
  }
  const ref = evalReference(it, target, scope);
  const current = ref.read();
  let value: JsValue;
  if (e.op === "&&=" || e.op === "||=" || e.op === "??=") {
    const keep =
      e.op === "&&="
        ? !truthy(current)
        : e.op === "||="
          ? truthy(current)
          : current !== undefined && current !== null;
    if (keep) return current;
    value = it.eval(e.value, scope);
  } else {
    const right = it.eval(e.value, scope);
    it.at = e.span;
    value = binary(it, e.op, current, right);
  }
  ref.write(value);
  if (it.unstamped) it.stampRows(e.span);
  return value;
}
