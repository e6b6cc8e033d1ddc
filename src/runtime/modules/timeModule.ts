import type { Interpreter } from "../interpreter/interpreter";
import { isNumber, toFloat } from "../interpreter/numbers";
import { bigInt, int, PyModule, type PyValue } from "../interpreter/objects";
import { typeError, UnsupportedError, valueError } from "../interpreter/pyErrors";
import { bindArgs, defineFunction, floatArg } from "./native";

/**
 * Python's `time`: the clocks read the real time (so a program can time its own training loop),
 * `sleep` waits for nothing but counts against the step budget (a step per millisecond, so a
 * polling loop still ends), and `strftime`/`ctime` format the local time.
 */

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const FULL_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FULL_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** At most this many steps for one `sleep` (an hour's worth). */
const MAX_SLEEP_STEPS = 3_600_000;

const two = (n: number) => String(n).padStart(2, "0");

/** C's strftime for the directives programs use in log and file names. */
export function strftime(format: string, d: Date): string {
  const start = new Date(d.getFullYear(), 0, 1);
  const dayOfYear = Math.floor((d.getTime() - start.getTime()) / 86_400_000) + 1;
  return format.replace(/%(.)/g, (m, c: string) => {
    switch (c) {
      case "Y":
        return String(d.getFullYear());
      case "y":
        return two(d.getFullYear() % 100);
      case "m":
        return two(d.getMonth() + 1);
      case "d":
        return two(d.getDate());
      case "H":
        return two(d.getHours());
      case "I":
        return two(((d.getHours() + 11) % 12) + 1);
      case "M":
        return two(d.getMinutes());
      case "S":
        return two(d.getSeconds());
      case "p":
        return d.getHours() < 12 ? "AM" : "PM";
      case "a":
        return DAYS[d.getDay()];
      case "A":
        return FULL_DAYS[d.getDay()];
      case "b":
        return MONTHS[d.getMonth()];
      case "B":
        return FULL_MONTHS[d.getMonth()];
      case "j":
        return String(dayOfYear).padStart(3, "0");
      case "w":
        return String(d.getDay());
      case "c":
        return ctime(d);
      case "x":
        return `${two(d.getMonth() + 1)}/${two(d.getDate())}/${two(d.getFullYear() % 100)}`;
      case "X":
        return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
      case "%":
        return "%";
      default:
        return m;
    }
  });
}

function ctime(d: Date): string {
  const day = String(d.getDate()).padStart(2, " ");
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${day} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getFullYear()}`;
}

export function makeTimeModule(interp: Interpreter): PyModule {
  const m = new PyModule("time");
  const origin = performance.now();
  const seconds = () => Date.now() / 1000;
  defineFunction(m, "time", () => seconds());
  defineFunction(m, "time_ns", () => bigInt(BigInt(Date.now()) * 1_000_000n));
  defineFunction(m, "perf_counter", () => performance.now() / 1000);
  defineFunction(m, "perf_counter_ns", () => bigInt(BigInt(Math.round(performance.now() * 1e6))));
  defineFunction(m, "monotonic", () => performance.now() / 1000);
  defineFunction(m, "monotonic_ns", () => bigInt(BigInt(Math.round(performance.now() * 1e6))));
  defineFunction(m, "process_time", () => (performance.now() - origin) / 1000);
  defineFunction(m, "process_time_ns", () => bigInt(BigInt(Math.round((performance.now() - origin) * 1e6))));
  defineFunction(m, "sleep", ([secs]) => {
    const s = floatArg(secs, "sleep() argument");
    if (s < 0) throw valueError("sleep length must be non-negative");
    const steps = Math.min(MAX_SLEEP_STEPS, Math.max(1, Math.ceil(s * 1000)));
    for (let i = 0; i < steps; i++) interp.step();
    return null;
  });
  const localTime = (t: PyValue | undefined, fname: string): Date => {
    if (t === undefined || t === null) return new Date();
    if (isNumber(t)) return new Date(toFloat(t) * 1000);
    throw new UnsupportedError(`time.${fname}() of a struct_time is not supported by GradLens`);
  };
  defineFunction(m, "strftime", (args, kwargs) => {
    const a = bindArgs("strftime", args, kwargs, ["format", "t"], 1);
    if (typeof a.format !== "string") throw typeError("strftime() argument 1 must be str");
    if (a.t !== undefined)
      throw new UnsupportedError("time.strftime() with a time tuple is not supported by GradLens");
    return strftime(a.format, new Date());
  });
  defineFunction(m, "ctime", ([t]) => ctime(localTime(t, "ctime")));
  defineFunction(m, "asctime", ([t]) => {
    if (t !== undefined)
      throw new UnsupportedError("time.asctime() of a time tuple is not supported by GradLens");
    return ctime(new Date());
  });
  m.attrs.set("timezone", int(new Date().getTimezoneOffset() * 60));
  return m;
}
