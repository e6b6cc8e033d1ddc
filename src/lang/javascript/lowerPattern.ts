import type { SyntaxNode } from "@lezer/common";
import type { Expr, Target } from "../ir";
import type { Lowering } from "../lowering";
import { childrenOf } from "./syntaxNodes";
import { decodeJsString } from "./literals";
import { lowerExpression } from "./lowerExpression";

/**
 * What a declaration, an assignment or a parameter binds: a name, a member, or a destructuring
 * pattern (an array pattern lowers to `list`, an object pattern to `object` whose values are
 * targets; `x = d` inside a pattern is `withDefault`, `...rest` is `starred`).
 */
export function lowerTarget(cx: Lowering, node: SyntaxNode): Target {
  const span = cx.span(node);
  switch (node.name) {
    case "VariableName":
    case "VariableDefinition": {
      const id = cx.text(node);
      return { k: "name", id, occurrence: cx.nextOccurrence(id, span), span };
    }
    case "MemberExpression":
      return lowerExpression(cx, node);
    case "ParenthesizedExpression": {
      const inner = childrenOf(node).filter((c) => c.name !== "(" && c.name !== ")");
      return inner.length === 1 ? lowerTarget(cx, inner[0]) : cx.unsupported(node, "This assignment target");
    }
    case "ArrayPattern":
    case "ArrayExpression":
      return { k: "list", items: lowerArrayPattern(cx, node), span };
    case "ObjectPattern":
    case "ObjectExpression":
      return lowerObjectPattern(cx, node);
    default:
      return cx.unsupported(node, `This assignment target (${node.name})`);
  }
}

/** Items of `[a, , b = 1, ...rest]`, skipping type annotations. */
function lowerArrayPattern(cx: Lowering, node: SyntaxNode): Expr[] {
  const items: Expr[] = [];
  let expectItem = true;
  const children = childrenOf(node).filter(
    (c) => c.name !== "[" && c.name !== "]" && c.name !== "TypeAnnotation",
  );
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.name === ",") {
      if (expectItem) items.push({ k: "hole", span: cx.span(c) });
      expectItem = true;
      continue;
    }
    expectItem = false;
    if (c.name === "Spread") {
      const target = lowerTarget(cx, children[++i]);
      items.push({ k: "starred", value: target, span: { from: c.from, to: children[i].to } });
    } else if (c.name === "Equals") {
      const target = items.pop()!;
      const value = lowerExpression(cx, children[++i]);
      items.push({
        k: "withDefault",
        target,
        default: value,
        span: { from: target.span.from, to: value.span.to },
      });
    } else if (c.name === "AssignmentExpression") {
      const [t, , d] = childrenOf(c);
      items.push({
        k: "withDefault",
        target: lowerTarget(cx, t),
        default: lowerExpression(cx, d),
        span: cx.span(c),
      });
    } else items.push(lowerTarget(cx, c));
  }
  return items;
}

function lowerObjectPattern(cx: Lowering, node: SyntaxNode): Expr {
  const props: { key: Expr | null; value: Expr }[] = [];
  for (const prop of childrenOf(node)) {
    if (prop.name !== "PatternProperty" && prop.name !== "Property") continue;
    const parts = childrenOf(prop).filter((c) => c.name !== "TypeAnnotation" && c.name !== ":");
    if (parts[0].name === "Spread") {
      // `...rest`: the properties the pattern did not name
      props.push({
        key: null,
        value: { k: "starred", value: lowerTarget(cx, parts[1]), span: cx.span(prop) },
      });
      continue;
    }
    const keyNode = parts[0];
    const key: Expr =
      keyNode.name === "String"
        ? { k: "str", value: decodeJsString(cx.text(keyNode)), span: cx.span(keyNode) }
        : { k: "str", value: cx.text(keyNode), span: cx.span(keyNode) };
    // `{ a }` and `{ a = 1 }` bind the name a; `{ a: t }` and `{ a: t = 1 }` bind t
    const hasTarget = parts.length >= 2 && parts[1].name !== "Equals";
    let target: Target = hasTarget ? lowerTarget(cx, parts[1]) : lowerTarget(cx, keyNode);
    if (hasTarget && parts[1].name === "AssignmentExpression") {
      const [t, , d] = childrenOf(parts[1]);
      target = {
        k: "withDefault",
        target: lowerTarget(cx, t),
        default: lowerExpression(cx, d),
        span: cx.span(parts[1]),
      };
    }
    const equals = parts.findIndex((p) => p.name === "Equals");
    if (equals >= 0) {
      const value = lowerExpression(cx, parts[equals + 1]);
      target = { k: "withDefault", target, default: value, span: cx.span(prop) };
    }
    props.push({ key, value: target });
  }
  return { k: "object", props, span: cx.span(node) };
}
