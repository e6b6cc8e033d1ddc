import type { FormatPart } from "../../lang/ir";
import { formatWithSpec } from "../format/formatSpec";
import type { Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import { PyInstance, type PyValue } from "./objects";
import type { Runtime } from "./runtime";
import { ascii, repr, str, typeName } from "./stringify";

/** Python's `format(value, spec)`: a user class's `__format__`, else the format-spec mini-language. */
export function formatValue(rt: Runtime, v: PyValue, spec: string): string {
  if (v instanceof PyInstance) {
    const f = v.cls.lookup("__format__");
    if (f !== undefined) return str(rt, rt.call(f, [v, spec]));
  }
  return formatWithSpec(v, spec, (x) => str(rt, x), typeName(v));
}

/** An f-string's value: literal text, then each field converted (`!r`) and formatted (`:spec`). */
export function evalFormatString(interp: Interpreter, parts: FormatPart[], frame: Frame): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    const v = interp.eval(part.expr, frame);
    const spec = part.spec ? evalFormatString(interp, part.spec, frame) : "";
    interp.setAt(part.expr.span);
    let shown: PyValue = v;
    if (part.conversion === "r") shown = repr(interp, v);
    else if (part.conversion === "a") shown = ascii(interp, v);
    else if (part.conversion === "s") shown = str(interp, v);
    if (part.selfDoc !== null) out += part.selfDoc;
    out += formatValue(interp, shown, spec);
  }
  return out;
}
