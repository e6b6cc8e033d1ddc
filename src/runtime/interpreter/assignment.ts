import type { BinaryOperator, Expr, SourceSpan } from "../../lang/ir";
import { getAttribute, deleteAttribute, setAttribute } from "./attributes";
import { deleteItem, getItem, setItem, toArray } from "./collections";
import type { Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import { PyList, PyTuple, type PyValue } from "./objects";
import { inplaceOp } from "./operators";
import { PyError } from "./pyErrors";

/** Binding values to assignment targets: names, attributes, items and (starred) unpacking. */

export function assign(interp: Interpreter, target: Expr, value: PyValue, frame: Frame): void {
  switch (target.k) {
    case "name":
      interp.storeName(target, value, frame);
      return;
    case "attribute": {
      const obj = interp.eval(target.object, frame);
      interp.setAt(target.span);
      setAttribute(interp, obj, target.name, value);
      return;
    }
    case "subscript": {
      const obj = interp.eval(target.object, frame);
      const index = interp.eval(target.index, frame);
      interp.setAt(target.span);
      setItem(interp, obj, index, value);
      return;
    }
    case "tuple":
    case "list":
      unpack(interp, target.items, target.span, value, frame);
      return;
    default:
      interp.setAt(target.span);
      throw new PyError("SyntaxError", "cannot assign to expression");
  }
}

export function unpack(
  interp: Interpreter,
  targets: Expr[],
  span: SourceSpan,
  value: PyValue,
  frame: Frame,
): void {
  const items = value instanceof PyTuple || value instanceof PyList ? value.items : toArray(interp, value);
  let star = -1;
  for (let i = 0; i < targets.length; i++) if (targets[i].k === "starred") star = i;
  if (!interp.library) interp.at = span;
  if (star < 0) {
    if (items.length !== targets.length) {
      throw new PyError(
        "ValueError",
        items.length > targets.length
          ? `too many values to unpack (expected ${targets.length})`
          : `not enough values to unpack (expected ${targets.length}, got ${items.length})`,
      );
    }
    for (let i = 0; i < targets.length; i++) assign(interp, targets[i], items[i], frame);
    return;
  }
  const after = targets.length - star - 1;
  if (items.length < targets.length - 1) {
    throw new PyError(
      "ValueError",
      `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`,
    );
  }
  for (let i = 0; i < star; i++) assign(interp, targets[i], items[i], frame);
  const starred = targets[star] as Expr & { k: "starred" };
  assign(interp, starred.value, new PyList(items.slice(star, items.length - after)), frame);
  for (let i = 0; i < after; i++)
    assign(interp, targets[star + 1 + i], items[items.length - after + i], frame);
}

export function deleteTarget(interp: Interpreter, target: Expr, frame: Frame): void {
  interp.setAt(target.span);
  if (target.k === "name") frame.delete(target.id);
  else if (target.k === "subscript") {
    const obj = interp.eval(target.object, frame);
    deleteItem(interp, obj, interp.eval(target.index, frame));
  } else if (target.k === "attribute")
    deleteAttribute(interp, interp.eval(target.object, frame), target.name);
  else if (target.k === "tuple" || target.k === "list")
    target.items.forEach((t) => deleteTarget(interp, t, frame));
  else throw new PyError("SyntaxError", "cannot delete expression");
}

export function execAugmented(
  interp: Interpreter,

  target: Expr,
  op: BinaryOperator,
  valueExpr: Expr,
  span: SourceSpan,
  frame: Frame,
): void {
  switch (target.k) {
    case "name": {
      const current = interp.loadName(target, frame);
      const value = interp.eval(valueExpr, frame);
      interp.setAt(span);
      const result = inplaceOp(interp, op, current, value);
      interp.stampRows(span);
      interp.storeName(target, result, frame);
      return;
    }
    case "attribute": {
      const obj = interp.eval(target.object, frame);
      interp.setAt(target.span);
      const current = getAttribute(interp, obj, target.name);
      const value = interp.eval(valueExpr, frame);
      interp.setAt(span);
      const result = inplaceOp(interp, op, current, value);
      interp.stampRows(span);
      setAttribute(interp, obj, target.name, result, true);
      return;
    }
    case "subscript": {
      const obj = interp.eval(target.object, frame);
      const index = interp.eval(target.index, frame);
      interp.setAt(target.span);
      const current = getItem(interp, obj, index);
      const value = interp.eval(valueExpr, frame);
      interp.setAt(span);
      const result = inplaceOp(interp, op, current, value);
      interp.stampRows(span);
      setItem(interp, obj, index, result);
      return;
    }
    default:
      interp.setAt(target.span);
      throw new PyError("SyntaxError", "'tuple' is an illegal expression for augmented assignment");
  }
}
