import type { Interpreter } from "../interpreter/interpreter";
import { PyModule } from "../interpreter/objects";
import { typeError } from "../interpreter/pyErrors";
import { STR_METHODS } from "../interpreter/strMethods";
import { typeName } from "../interpreter/stringify";
import { bindArgs, defineFunction } from "./native";

/** Python's `string`: its constants and `capwords`. */
export function makeStringModule(interp: Interpreter): PyModule {
  const m = new PyModule("string");
  const lower = "abcdefghijklmnopqrstuvwxyz";
  const upper = lower.toUpperCase();
  const digits = "0123456789";
  const punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  const whitespace = " \t\n\r\x0b\x0c";
  m.attrs.set("ascii_lowercase", lower);
  m.attrs.set("ascii_uppercase", upper);
  m.attrs.set("ascii_letters", lower + upper);
  m.attrs.set("digits", digits);
  m.attrs.set("hexdigits", digits + "abcdef" + "ABCDEF");
  m.attrs.set("octdigits", "01234567");
  m.attrs.set("punctuation", punctuation);
  m.attrs.set("whitespace", whitespace);
  m.attrs.set("printable", digits + lower + upper + punctuation + whitespace);
  defineFunction(m, "capwords", (args, kwargs) => {
    const a = bindArgs("capwords", args, kwargs, ["s", "sep"], 1);
    if (typeof a.s !== "string")
      throw typeError(
        `descriptor 'split' for 'str' objects doesn't apply to a '${typeName(a.s ?? null)}' object`,
      );
    const parts = STR_METHODS.split(interp, a.s as string, a.sep === undefined ? [] : [a.sep], null);
    const words = (parts as { items: string[] }).items.map(
      (w) => STR_METHODS.capitalize(interp, w, [], null) as string,
    );
    return words.join(a.sep === undefined || a.sep === null ? " " : (a.sep as string));
  });
  return m;
}
