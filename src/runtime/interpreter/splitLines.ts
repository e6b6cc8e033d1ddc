import { chargeArray } from "../../engine/memory";
import { PyInt, PyList, type Kwargs, type PyValue } from "./objects";
import { typeError } from "./pyErrors";
import { typeName } from "./stringify";

/** The line boundaries of `str.splitlines` (CPython's: more than `\n` and `\r`). */
const BOUNDARY = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/** `s.splitlines(keepends=False)`: the lines, without their endings unless `keepends` is true. */
export function splitLines(s: string, args: PyValue[], kwargs: Kwargs): PyList {
  if (args.length > 1) throw typeError(`splitlines() takes at most 1 argument (${args.length} given)`);
  for (const k of kwargs?.keys() ?? [])
    if (k !== "keepends") throw typeError(`splitlines() got an unexpected keyword argument '${k}'`);
  const flag = args[0] ?? kwargs?.get("keepends") ?? false;
  if (!(typeof flag === "boolean" || flag instanceof PyInt))
    throw typeError(`'${typeName(flag)}' object cannot be interpreted as an integer`);
  const keep = flag instanceof PyInt ? flag.v !== 0 || (flag.big ?? 0n) !== 0n : flag;
  const lines: PyValue[] = [];
  let start = 0;
  for (const m of s.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    lines.push(s.slice(start, keep ? end : m.index));
    start = end;
  }
  if (start < s.length) lines.push(s.slice(start));
  chargeArray(lines.length);
  return new PyList(lines);
}
