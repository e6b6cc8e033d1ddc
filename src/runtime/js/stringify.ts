import type { JsInterpreter } from "./interpreter";
import { isHost, JsClass, JsFunction, JsNative, JsObject, typeError, type JsValue } from "./values";

/** `JSON.stringify(x)` without a replacer or indentation: what a program prints to check a result. */
export function stringify(it: JsInterpreter, v: JsValue, seen: unknown[] = []): string | undefined {
  if (v === null) return "null";
  if (v === undefined || v instanceof JsFunction || v instanceof JsNative || v instanceof JsClass)
    return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  if (typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
  if (seen.includes(v)) throw typeError("Converting circular structure to JSON");
  seen.push(v);
  try {
    if (Array.isArray(v)) return `[${v.map((x) => stringify(it, x, seen) ?? "null").join(",")}]`;
    if (v instanceof JsObject) {
      const parts: string[] = [];
      for (const [k, x] of v.props) {
        const s = stringify(it, x, seen);
        if (s !== undefined) parts.push(`${JSON.stringify(k)}:${s}`);
      }
      return `{${parts.join(",")}}`;
    }
    if (isHost(v)) return it.hostOp(() => JSON.stringify(v) ?? undefined) as string | undefined;
    return undefined;
  } finally {
    seen.pop();
  }
}
