import { isHost, JsClass, JsFunction, JsNative, JsObject, type JsValue } from "./values";
import { INSPECT } from "../../library/inspectHook";
import { isModuleBase } from "./moduleBase";

const BREAK_LENGTH = 80;
const COMPACT = 3;
const MAX_ARRAY = 100;
const DEPTH = 2;

interface Context {
  indentation: number;
  currentDepth: number;
  seen: unknown[];
}

/**
 * `console.log`'s rendering of a value, as Node's util.inspect prints the cases a small program
 * makes: numbers (`-0`), quoted strings inside containers, arrays and objects on one line when
 * they fit in 80 columns and otherwise one entry a line (long arrays of short items in
 * columns), class instances with their name, functions and classes by name, nesting past
 * depth 2 as `[Object]`/`[Array]`.
 */
export function inspect(v: JsValue, errorText: (v: JsObject) => string | null): string {
  return format({ indentation: 0, currentDepth: 0, seen: [] }, v, 0, errorText, true);
}

function quote(s: string): string {
  const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes("`") ? "`" : "'";
  const escaped = s
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/\t/g, "\\t")
    .replace(/\r/g, "\\r")
    .replace(new RegExp(q, "g"), `\\${q}`);
  return q + escaped + q;
}

function formatNumber(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

function formatKey(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}

function format(
  cx: Context,
  v: JsValue,
  depth: number,
  errorText: (v: JsObject) => string | null,
  top = false,
): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return String(v);
  if (typeof v === "string") return top ? v : quote(v);
  if (v instanceof JsFunction || v instanceof JsNative)
    return v.name ? `[Function: ${v.name}]` : "[Function (anonymous)]";
  if (v instanceof JsClass)
    return v.base ? `[class ${v.name} extends ${v.base.name}]` : `[class ${v.name || "(anonymous)"}]`;
  if (isHost(v)) {
    const hook = (v as Record<symbol, unknown>)[INSPECT];
    if (typeof hook === "function") return String(hook.call(v));
    return typeof v === "function" ? `[Function: ${(v as { name?: string }).name ?? ""}]` : String(v);
  }
  if (v instanceof JsObject) {
    const error = errorText(v);
    if (error !== null) return error;
    // a program's nn.Module prints as the library's Module does under Node: `Net()`
    if (v.cls !== null && isModuleBase(v.cls)) return `${v.cls.name}()`;
  }
  if (cx.seen.includes(v)) return "[Circular *1]";
  const isArray = Array.isArray(v);
  if (depth > DEPTH)
    return isArray ? "[Array]" : v instanceof JsObject && v.cls ? `[${v.cls.name}]` : "[Object]";
  cx.seen.push(v);
  cx.currentDepth = depth;
  cx.indentation += 2;
  let output: string[];
  let braces: [string, string];
  if (isArray) {
    output = [];
    const n = Math.min(v.length, MAX_ARRAY);
    for (let i = 0; i < n; i++) {
      if (i in v) {
        output.push(format(cx, v[i], depth + 1, errorText));
        continue;
      }
      // a run of holes is one entry: `<3 empty items>`
      let j = i;
      while (j < v.length && !(j in v)) j++;
      output.push(`<${j - i} empty item${j - i > 1 ? "s" : ""}>`);
      i = j - 1;
    }
    if (v.length > MAX_ARRAY) {
      const more = v.length - MAX_ARRAY;
      output.push(`... ${more} more item${more > 1 ? "s" : ""}`);
    }
    braces = ["[", "]"];
  } else {
    const obj = v as JsObject;
    output = [...obj.props].map(([k, x]) => `${formatKey(k)}: ${format(cx, x, depth + 1, errorText)}`);
    braces = [obj.cls ? `${obj.cls.name} {` : "{", "}"];
  }
  cx.indentation -= 2;
  cx.seen.pop();
  if (output.length === 0) return isArray ? "[]" : braces[0] + "}";
  return reduceToSingleString(cx, output, braces, depth, isArray ? (v as JsValue[]) : null);
}

function reduceToSingleString(
  cx: Context,
  output: string[],
  braces: [string, string],
  depth: number,
  array: JsValue[] | null,
): string {
  const entries = output.length;
  if (array !== null && entries > 6) output = groupArrayElements(cx, output, array);
  if (cx.currentDepth - depth < COMPACT && entries === output.length) {
    const start = output.length + cx.indentation + braces[0].length + 10;
    // util.inspect's isBelowBreakLength
    const total = output.reduce((sum, s) => sum + s.length, 0) + output.length + start;
    if (output.length + output.length + start <= BREAK_LENGTH && total <= BREAK_LENGTH) {
      const joined = output.join(", ");
      if (!joined.includes("\n")) return `${braces[0]} ${joined} ${braces[1]}`;
    }
  }
  const indentation = `\n${" ".repeat(cx.indentation)}`;
  return `${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}

/** Node's columns for long arrays of short entries (util.inspect's groupArrayElements). */
function groupArrayElements(cx: Context, output: string[], value: JsValue[]): string[] {
  let totalLength = 0;
  let maxLength = 0;
  const outputLength = value.length > MAX_ARRAY ? output.length - 1 : output.length;
  const separatorSpace = 2;
  const dataLen: number[] = [];
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    dataLen.push(len);
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + cx.indentation < BREAK_LENGTH && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((BREAK_LENGTH - cx.indentation) / actualMax),
      COMPACT * 4,
      15,
    );
    if (columns <= 1) return output;
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + separatorSpace);
    }
    const padStart = value.slice(0, output.length).every((x) => typeof x === "number");
    const tmp: string[] = [];
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let str = "";
      let j = i;
      for (; j < max - 1; j++) {
        const cell = `${output[j]}, `;
        str += padStart ? cell.padStart(maxLineLength[j - i]) : cell.padEnd(maxLineLength[j - i]);
      }
      str += padStart ? output[j].padStart(maxLineLength[j - i] - separatorSpace) : output[j];
      tmp.push(str);
    }
    if (value.length > MAX_ARRAY) tmp.push(output[outputLength]);
    return tmp;
  }
  return output;
}

/** `console.log(a, b, …)`: strings as they are, the rest inspected, `%s`/`%d`/`%i`/`%f`/`%o`/`%j` in a leading string. */
export function formatLog(
  args: JsValue[],
  errorText: (v: JsObject) => string | null,
  str: (v: JsValue) => string,
): string {
  const parts: string[] = [];
  let rest = args;
  if (typeof args[0] === "string" && args[0].includes("%") && args.length > 1) {
    let i = 1;
    const first = args[0].replace(/%([sdifoOjc%])/g, (m, c: string) => {
      if (c === "%") return "%";
      if (i >= args.length) return m;
      const a = args[i++];
      if (c === "s")
        return typeof a === "string"
          ? a
          : typeof a === "object" && a !== null
            ? inspect(a, errorText)
            : str(a);
      if (c === "d" || c === "i") {
        const n = typeof a === "object" && a !== null ? NaN : Number(a);
        return formatNumber(c === "i" ? Math.trunc(n) : n);
      }
      if (c === "f") return formatNumber(Number(a));
      if (c === "c") return "";
      return inspect(a, errorText);
    });
    parts.push(first);
    rest = args.slice(i);
  } else if (args.length > 0) {
    parts.push(inspect(args[0], errorText));
    rest = args.slice(1);
  }
  for (const a of rest) parts.push(inspect(a, errorText));
  return parts.join(" ");
}
