import type { Target } from "../../lang/ir";
import type { JsInterpreter } from "./interpreter";
import { getProperty, setProperty } from "./properties";
import { toStr } from "./operators";
import type { Scope } from "./scope";
import { JsObject, JsRuntimeError, typeError, type JsValue } from "./values";

export type DeclarationKind = "let" | "const" | "var" | "param" | null;

/**
 * Binds a value to a target: a declaration (`kind` set) makes the binding, an assignment
 * (`kind` null) stores into the existing one. Destructuring walks arrays and objects as
 * JavaScript does: holes skip, `...rest` takes the remainder, a default applies to `undefined`.
 */
export function bindTarget(
  it: JsInterpreter,
  target: Target,
  value: JsValue,
  scope: Scope,
  kind: DeclarationKind,
): void {
  switch (target.k) {
    case "name":
      it.storeName(target, value, scope, kind);
      return;
    case "attribute": {
      const obj = it.eval(target.object, scope);
      it.setAt(target.span);
      setProperty(it, obj, target.name, value);
      return;
    }
    case "subscript": {
      const obj = it.eval(target.object, scope);
      const key = it.eval(target.index, scope);
      it.setAt(target.span);
      setProperty(it, obj, it.propertyKey(key), value);
      return;
    }
    case "withDefault":
      bindTarget(
        it,
        target.target,
        value === undefined ? it.eval(target.default, scope) : value,
        scope,
        kind,
      );
      return;
    case "list": {
      it.setAt(target.span);
      const items = it.iterate(value);
      target.items.forEach((item, i) => {
        if (item.k === "hole") return;
        if (item.k === "starred") bindTarget(it, item.value, items.slice(i), scope, kind);
        else bindTarget(it, item, items[i], scope, kind);
      });
      return;
    }
    case "object": {
      it.setAt(target.span);
      if (value === undefined || value === null)
        throw typeError(`Cannot destructure '${toStr(it, value)}' as it is ${String(value)}.`);
      const named = new Set<string>();
      for (const prop of target.props) {
        if (prop.key === null) {
          if (prop.value.k !== "starred") continue;
          const rest = new JsObject();
          if (value instanceof JsObject)
            for (const [k, v] of value.props) if (!named.has(k)) rest.props.set(k, v);
          bindTarget(it, prop.value.value, rest, scope, kind);
          continue;
        }
        const key = prop.key.k === "str" ? prop.key.value : it.propertyKey(it.eval(prop.key, scope));
        named.add(key);
        bindTarget(it, prop.value, getProperty(it, value, key), scope, kind);
      }
      return;
    }
    case "unsupported":
      it.eval(target, scope);
      return;
    default:
      it.setAt(target.span);
      throw new JsRuntimeError("SyntaxError", "Invalid left-hand side in assignment");
  }
}

/** The names a declaration target binds (for hoisting them into their scope). */
export function boundNames(target: Target, out: string[] = []): string[] {
  switch (target.k) {
    case "name":
      out.push(target.id);
      break;
    case "withDefault":
      boundNames(target.target, out);
      break;
    case "starred":
      boundNames(target.value, out);
      break;
    case "list":
      target.items.forEach((t) => boundNames(t, out));
      break;
    case "object":
      target.props.forEach((p) => boundNames(p.value, out));
      break;
  }
  return out;
}
