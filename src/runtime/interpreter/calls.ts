import { PyDict, PyTuple, type Kwargs, type PyFunction, type PyValue } from "./objects";
import { typeError } from "./pyErrors";
import { dictSet } from "./collections";
import { FrameLocals, type LocalSlots, type Scope } from "./frameLocals";

/**
 * Binds a call's arguments to a function's parameters as Python does — positionals in order,
 * then keywords by name, then defaults — with CPython's messages when they do not fit.
 */
export function bindArguments(fn: PyFunction, args: PyValue[], kwargs: Kwargs, slots: LocalSlots): Scope {
  const vars = new FrameLocals(slots);
  const params = fn.params;
  let positional = 0;
  let star: string | null = null;
  let doubleStar: string | null = null;
  for (const p of params) {
    if (p.kind === "plain") positional++;
    else if (p.kind === "star") star = p.name;
    else doubleStar = p.name;
  }
  const name = fn.name;
  // Fast path: exactly the positional arguments, no keywords.
  if (kwargs === null && star === null && doubleStar === null && args.length === positional) {
    for (let i = 0; i < positional; i++) vars.set(params[i].name, args[i]);
    return vars;
  }
  const plain = params.filter((p) => p.kind === "plain");
  const starIndex = params.findIndex((p) => p.kind === "star");
  // Parameters after *args are keyword-only.
  const positionalSlots =
    starIndex < 0 ? plain : params.slice(0, starIndex).filter((p) => p.kind === "plain");
  // a bare `*` (empty name) ends the positional parameters without collecting extras
  if (args.length > positionalSlots.length && (star === null || star === "")) {
    const required = positionalSlots.filter((p) => p.default === null).length;
    const expected =
      required === positionalSlots.length
        ? `${positionalSlots.length}`
        : `from ${required} to ${positionalSlots.length}`;
    const plural = positionalSlots.length === 1 && required === positionalSlots.length ? "" : "s";
    throw typeError(
      `${name}() takes ${expected} positional argument${plural} but ${args.length} ${args.length === 1 ? "was" : "were"} given`,
    );
  }
  for (let i = 0; i < Math.min(args.length, positionalSlots.length); i++)
    vars.set(positionalSlots[i].name, args[i]);
  if (star !== null && star !== "") vars.set(star, new PyTuple(args.slice(positionalSlots.length)));
  let extra: PyDict | null = null;
  if (doubleStar !== null) {
    extra = new PyDict();
    vars.set(doubleStar, extra);
  }
  if (kwargs) {
    for (const [key, value] of kwargs) {
      const p = plain.find((q) => q.name === key);
      if (!p) {
        if (extra) dictSet(extra, key, value);
        else throw typeError(`${name}() got an unexpected keyword argument '${key}'`);
        continue;
      }
      if (vars.has(key)) throw typeError(`${name}() got multiple values for argument '${key}'`);
      vars.set(key, value);
    }
  }
  const missing: string[] = [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p.kind !== "plain" || vars.has(p.name)) continue;
    const d = fn.defaults[i];
    if (d !== undefined) vars.set(p.name, d);
    else missing.push(p.name);
  }
  if (missing.length > 0) {
    const kind =
      starIndex >= 0 && params.indexOf(plain.find((p) => p.name === missing[0])!) > starIndex
        ? "keyword-only"
        : "positional";
    const quoted = missing.map((m) => `'${m}'`);
    const last = quoted[quoted.length - 1];
    const list =
      quoted.length === 1
        ? last
        : quoted.length === 2
          ? `${quoted[0]} and ${last}`
          : `${quoted.slice(0, -1).join(", ")}, and ${last}`;
    throw typeError(
      `${name}() missing ${missing.length} required ${kind} argument${missing.length === 1 ? "" : "s"}: ${list}`,
    );
  }
  return vars;
}
