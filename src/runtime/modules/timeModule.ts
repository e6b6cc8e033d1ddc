import type { Interpreter } from "../interpreter/interpreter";
import { isNumber, toFloat } from "../interpreter/numbers";
import { bigInt, int, PyModule, PyTuple, type PyValue } from "../interpreter/objects";
import { PyError, typeError, valueError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { bindArgs, defineFunction } from "./native";
import {
  asctime,
  brokenDownTimeArg,
  checkedTime,
  forgetZoneFormats,
  localSeconds,
  localTime,
  makeStructTimeClass,
  strftime,
  structTime,
  utcTime,
  zoneInfo,
  type BrokenDownTime,
} from "./timeStruct";

/**
 * Python's `time`: the clocks read the real time (so a program can time its own training loop),
 * and the calendar is the local time zone Node reports. `sleep` does not wait: it moves the
 * run's wall and monotonic clocks on by the time slept (so `time.time()` after `sleep(1)` is a
 * second later, as the program expects, while the editor is not held up) and costs a step per
 * millisecond, so a polling loop still ends within the step budget.
 */

/** At most this many steps for one `sleep` (an hour's worth). */
const MAX_SLEEP_STEPS = 3_600_000;

/** A number of seconds as CPython's time functions take it (a str is not one). */
function secondsArg(v: PyValue): number {
  if (isNumber(v)) return toFloat(v);
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

export function makeTimeModule(interp: Interpreter, load: (name: string) => PyModule): PyModule {
  const m = new PyModule("time");
  const origin = performance.now();
  /** Seconds the program has slept: its wall and monotonic clocks are this far ahead. */
  let slept = 0;
  const seconds = () => Date.now() / 1000 + slept;
  const counter = () => performance.now() / 1000 + slept;
  const nanoseconds = (s: number) => bigInt(BigInt(Math.round(s * 1e6)) * 1000n);
  defineFunction(m, "time", () => seconds());
  defineFunction(m, "time_ns", () => nanoseconds(seconds()));
  defineFunction(m, "perf_counter", () => counter());
  defineFunction(m, "perf_counter_ns", () => nanoseconds(counter()));
  defineFunction(m, "monotonic", () => counter());
  defineFunction(m, "monotonic_ns", () => nanoseconds(counter()));
  defineFunction(m, "process_time", () => (performance.now() - origin) / 1000);
  defineFunction(m, "process_time_ns", () => nanoseconds((performance.now() - origin) / 1000));
  defineFunction(m, "sleep", (args, kwargs) => {
    const a = bindArgs("sleep", args, kwargs, ["secs"], 1);
    const s = secondsArg(a.secs!);
    if (Number.isNaN(s)) throw valueError("Invalid value NaN (not a number)");
    if (s < 0) throw valueError("sleep length must be non-negative");
    if (s > 9223372036.854776)
      throw new PyError("OverflowError", "timestamp too large to convert to C _PyTime_t");
    const steps = Math.min(MAX_SLEEP_STEPS, Math.max(1, Math.ceil(s * 1000)));
    for (let i = 0; i < steps; i++) interp.step();
    slept += s;
    return null;
  });

  forgetZoneFormats();
  const structTimeClass = makeStructTimeClass(interp);
  m.attrs.set("struct_time", structTimeClass);
  const zones = zoneInfo();
  /** The local time now, or of a timestamp the program gives (None is now). */
  const local = (t: PyValue | undefined): BrokenDownTime =>
    localTime(t === undefined || t === null ? seconds() : secondsArg(t));
  /** The broken-down time a program gives, or the local time now. */
  const given = (t: PyValue | undefined, fname: string): BrokenDownTime =>
    t === undefined ? local(undefined) : brokenDownTimeArg(t, fname);
  defineFunction(m, "localtime", ([t]) => structTime(structTimeClass, local(t)));
  defineFunction(m, "gmtime", ([t]) =>
    structTime(structTimeClass, utcTime(t === undefined || t === null ? seconds() : secondsArg(t))),
  );
  defineFunction(m, "mktime", ([t]) => {
    if (!(t instanceof PyTuple)) throw typeError("Tuple or struct_time argument required");
    return localSeconds(brokenDownTimeArg(t, "mktime"));
  });
  defineFunction(m, "strftime", (args, kwargs) => {
    const a = bindArgs("strftime", args, kwargs, ["format", "t"], 1);
    if (typeof a.format !== "string")
      throw typeError(`strftime() argument 1 must be str, not ${typeName(a.format!)}`);
    const t = checkedTime(given(a.t, "strftime"));
    const zone = { name: t.zone ?? zones.tzname[t.isdst > 0 ? 1 : 0], gmtoff: t.gmtoff ?? 0 };
    return strftime(a.format, t, zone);
  });
  defineFunction(m, "asctime", ([t]) => asctime(checkedTime(given(t, "asctime"))));
  // strptime reads text as datetime does: datetime's parser, imported when first needed
  defineFunction(m, "strptime", (args, kwargs) => {
    const a = bindArgs("strptime", args, kwargs, ["string", "format"], 1);
    const parse = load("datetime").attrs.get("_time_strptime")!;
    return interp.call(parse, a.format === undefined ? [a.string!] : [a.string!, a.format]);
  });
  defineFunction(m, "ctime", ([t]) => asctime(local(t)));
  m.attrs.set("timezone", int(zones.timezone));
  m.attrs.set("altzone", int(zones.altzone));
  m.attrs.set("daylight", int(zones.daylight));
  m.attrs.set("tzname", new PyTuple(zones.tzname));
  return m;
}
