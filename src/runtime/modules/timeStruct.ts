import { toArray } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import {
  int,
  PyBuiltin,
  PyClass,
  PyProperty,
  PyStaticMethod,
  PyTuple,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError, valueError } from "../interpreter/pyErrors";
import { intArg } from "./native";

/**
 * Broken-down time as C's `struct tm` holds it (`time.struct_time` in Python), the local and UTC
 * calendars of a timestamp (the local one is the time zone Node reports), and C's `strftime`
 * over it with glibc's C-locale output.
 */

export interface BrokenDownTime {
  year: number;
  /** 1–12 */
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** Monday is 0, as Python counts */
  wday: number;
  /** 1–366 */
  yday: number;
  isdst: number;
  zone: string | null;
  /** seconds east of UTC */
  gmtoff: number | null;
}

const FIELDS = [
  "tm_year",
  "tm_mon",
  "tm_mday",
  "tm_hour",
  "tm_min",
  "tm_sec",
  "tm_wday",
  "tm_yday",
  "tm_isdst",
];

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = [
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

const pad = (n: number, width: number, fill = "0") => String(n).padStart(width, fill);

/** The largest |milliseconds| a JS Date holds. */
const MAX_DATE_MS = 8.64e15;

function dateOf(seconds: number): Date {
  if (Number.isNaN(seconds)) throw valueError("Invalid value NaN (not a number)");
  const ms = Math.floor(seconds) * 1000;
  if (Math.abs(ms) > MAX_DATE_MS)
    throw new PyError("OverflowError", "timestamp out of range for platform time_t");
  return new Date(ms);
}

const dayOfYear = (year: number, mon: number, mday: number): number => {
  const start = new Date(0);
  start.setUTCFullYear(year, 0, 1);
  const day = new Date(0);
  day.setUTCFullYear(year, mon - 1, mday);
  return Math.round((day.getTime() - start.getTime()) / 86_400_000) + 1;
};

/**
 * Locales whose short zone names hold the abbreviations the tz database gives (en-US: EST, PST,
 * UTC; en-GB: CET, BST; en-IN: IST; en-AU: AEST; ja-JP: JST); elsewhere Node writes `GMT+3`.
 */
const ZONE_LOCALES = ["en-US", "en-GB", "en-IN", "en-AU", "ja-JP"];
let zoneFormats: Intl.DateTimeFormat[] | null = null;

/** A run reads the zone afresh (the formats keep the zone they were made in). */
export function forgetZoneFormats(): void {
  zoneFormats = null;
}

/** The tz database's letters for the local zone at `d`, when one of the locales has them. */
function lettersAt(d: Date): string | null {
  zoneFormats ??= ZONE_LOCALES.map((l) => new Intl.DateTimeFormat(l, { timeZoneName: "short" }));
  for (const format of zoneFormats) {
    const name = format.formatToParts(d).find((p) => p.type === "timeZoneName")?.value;
    if (name !== undefined && !/^GMT[+\-\u2212]/.test(name)) return name;
  }
  return null;
}

/**
 * The abbreviation of the local zone at `d` as glibc gives it: `UTC`, `EST`, `CET`; a zone the
 * tz database has no letters for is its offset (`-03`, `+0530`). Node knows the letters of
 * today's offsets only, so an old date with one of them takes its letters.
 */
function zoneName(d: Date): string {
  const letters = lettersAt(d);
  if (letters !== null) return letters;
  const year = new Date().getFullYear();
  for (const season of [new Date(year, 0, 1), new Date(year, 6, 1)])
    if (season.getTimezoneOffset() === d.getTimezoneOffset()) {
      const now = lettersAt(season);
      if (now !== null) return now;
    }
  const offset = -d.getTimezoneOffset();
  const hhmm = Math.abs(offset);
  const minutes = hhmm % 60 === 0 ? "" : pad(hhmm % 60, 2);
  return `${offset < 0 ? "-" : "+"}${pad(Math.floor(hhmm / 60), 2)}${minutes}`;
}

/** The local zone's offsets (minutes west, as JS gives them) in January and July of `year`. */
function seasonOffsets(year: number): [number, number] {
  return [new Date(year, 0, 1).getTimezoneOffset(), new Date(year, 6, 1).getTimezoneOffset()];
}

/** `time.localtime(seconds)`. */
export function localTime(seconds: number): BrokenDownTime {
  const d = dateOf(seconds);
  const [jan, jul] = seasonOffsets(d.getFullYear());
  const offset = d.getTimezoneOffset();
  return {
    year: d.getFullYear(),
    mon: d.getMonth() + 1,
    mday: d.getDate(),
    hour: d.getHours(),
    min: d.getMinutes(),
    sec: d.getSeconds(),
    wday: (d.getDay() + 6) % 7,
    yday: dayOfYear(d.getFullYear(), d.getMonth() + 1, d.getDate()),
    isdst: jan !== jul && offset === Math.min(jan, jul) ? 1 : 0,
    zone: zoneName(d),
    gmtoff: -offset * 60,
  };
}

/** `time.gmtime(seconds)`. */
export function utcTime(seconds: number): BrokenDownTime {
  const d = dateOf(seconds);
  return {
    year: d.getUTCFullYear(),
    mon: d.getUTCMonth() + 1,
    mday: d.getUTCDate(),
    hour: d.getUTCHours(),
    min: d.getUTCMinutes(),
    sec: d.getUTCSeconds(),
    wday: (d.getUTCDay() + 6) % 7,
    yday: dayOfYear(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
    isdst: 0,
    zone: "GMT",
    gmtoff: 0,
  };
}

/** `time.mktime`: the timestamp of a local broken-down time, its fields normalised as C's mktime does. */
export function localSeconds(t: BrokenDownTime): number {
  const d = new Date(2000, 0, 1, t.hour, t.min, t.sec);
  d.setFullYear(t.year, t.mon - 1, t.mday);
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new PyError("OverflowError", "mktime argument out of range");
  return ms / 1000;
}

/** `time.timezone`, `altzone`, `daylight` and `tzname` of the local zone this year. */
export function zoneInfo(): {
  timezone: number;
  altzone: number;
  daylight: number;
  tzname: [string, string];
} {
  const year = new Date().getFullYear();
  const [jan, jul] = seasonOffsets(year);
  const std = Math.max(jan, jul);
  const dst = Math.min(jan, jul);
  const janName = zoneName(new Date(year, 0, 1));
  const julName = zoneName(new Date(year, 6, 1));
  const stdName = jan >= jul ? janName : julName;
  const dstName = jan === jul ? stdName : jan >= jul ? julName : janName;
  return { timezone: std * 60, altzone: dst * 60, daylight: jan === jul ? 0 : 1, tzname: [stdName, dstName] };
}

// ---- struct_time ----

/** A struct_time's fields past the nine a tuple shows. */
const extras = new WeakMap<PyTuple, { zone: PyValue; gmtoff: PyValue }>();

/** `time.struct_time`: a 9-tuple whose items are named, with the zone's name and offset beside it. */
export function makeStructTimeClass(interp: Interpreter): PyClass {
  const tupleClass = interp.builtins.get("tuple") as PyClass;
  const cls = new PyClass("struct_time", tupleClass, "time");
  const self = (v: PyValue): PyTuple => {
    if (!(v instanceof PyTuple) || v.cls !== cls)
      throw typeError(`descriptor requires a 'time.struct_time' object`);
    return v;
  };
  cls.dict.set(
    "__new__",
    new PyStaticMethod(
      new PyBuiltin("__new__", ([target, seq]) => {
        const items = toArray(interp, seq ?? null);
        if (items.length < 9)
          throw typeError(`time.struct_time() takes an at least 9-sequence (${items.length}-sequence given)`);
        if (items.length > 11)
          throw typeError(`time.struct_time() takes an at most 11-sequence (${items.length}-sequence given)`);
        const tuple = new PyTuple(items.slice(0, 9), target as PyClass);
        extras.set(tuple, { zone: items[9] ?? null, gmtoff: items[10] ?? null });
        return tuple;
      }),
    ),
  );
  FIELDS.forEach((field, i) =>
    cls.dict.set(field, new PyProperty(new PyBuiltin(field, ([t]) => self(t).items[i]), null)),
  );
  cls.dict.set(
    "tm_zone",
    new PyProperty(new PyBuiltin("tm_zone", ([t]) => extras.get(self(t))?.zone ?? null), null),
  );
  cls.dict.set(
    "tm_gmtoff",
    new PyProperty(new PyBuiltin("tm_gmtoff", ([t]) => extras.get(self(t))?.gmtoff ?? null), null),
  );
  cls.dict.set("n_fields", int(11));
  cls.dict.set("n_sequence_fields", int(9));
  cls.dict.set("n_unnamed_fields", int(0));
  cls.dict.set(
    "__repr__",
    new PyBuiltin("__repr__", ([t]) => {
      const parts = FIELDS.map((f, i) => `${f}=${interp.repr(self(t).items[i])}`);
      return `time.struct_time(${parts.join(", ")})`;
    }),
  );
  return cls;
}

/** The struct_time of a broken-down time. */
export function structTime(cls: PyClass, t: BrokenDownTime): PyTuple {
  const items = [t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst].map((n) => int(n));
  const tuple = new PyTuple(items, cls);
  extras.set(tuple, { zone: t.zone, gmtoff: t.gmtoff === null ? null : int(t.gmtoff) });
  return tuple;
}

/**
 * The broken-down time a program passes (`time.strftime(fmt, t)`): a struct_time or a 9-tuple of
 * ints; `fname` names the function in CPython's messages.
 */
export function brokenDownTimeArg(v: PyValue, fname: string): BrokenDownTime {
  if (!(v instanceof PyTuple)) throw typeError("Tuple or struct_time argument required");
  if (v.items.length !== 9) throw typeError(`${fname}(): illegal time tuple argument`);
  const [year, mon, mday, hour, min, sec, wday, yday, isdst] = v.items.map((x) => intArg(x));
  const extra = extras.get(v);
  return {
    year,
    mon,
    mday,
    hour,
    min,
    sec,
    wday,
    yday,
    isdst,
    zone: typeof extra?.zone === "string" ? extra.zone : null,
    gmtoff: extra?.gmtoff != null ? intArg(extra.gmtoff) : null,
  };
}

/** CPython's range checks before strftime and asctime (a 0 month, day or year-day counts as 1). */
export function checkedTime(t: BrokenDownTime): BrokenDownTime {
  const out = { ...t };
  if (out.mon === 0) out.mon = 1;
  if (out.mday === 0) out.mday = 1;
  if (out.yday === 0) out.yday = 1;
  if (out.mon < 1 || out.mon > 12) throw valueError("month out of range");
  if (out.mday < 1 || out.mday > 31) throw valueError("day of month out of range");
  if (out.hour < 0 || out.hour > 23) throw valueError("hour out of range");
  if (out.min < 0 || out.min > 59) throw valueError("minute out of range");
  if (out.sec < 0 || out.sec > 61) throw valueError("seconds out of range");
  if (out.yday < 1 || out.yday > 366) throw valueError("day of year out of range");
  out.wday = ((out.wday % 7) + 7) % 7;
  out.isdst = Math.max(-1, Math.min(1, out.isdst));
  return out;
}

/** The ISO 8601 year and week of a date (the week with the year's first Thursday is week 1). */
function isoWeek(t: BrokenDownTime): [number, number] {
  const thursday = t.yday - t.wday + 3; // the day of the year of this week's Thursday
  let year = t.year;
  let yday = thursday;
  if (yday < 1) {
    year -= 1;
    yday += dayOfYear(year, 12, 31);
  } else if (yday > dayOfYear(year, 12, 31)) {
    yday -= dayOfYear(year, 12, 31);
    year += 1;
  }
  return [year, Math.floor((yday - 1) / 7) + 1];
}

/** `asctime`'s and `%c`'s form: `Sun Jan  5 13:04:05 2020`. */
export function asctime(t: BrokenDownTime): string {
  return `${DAYS[t.wday].slice(0, 3)} ${MONTHS[t.mon - 1].slice(0, 3)} ${pad(t.mday, 2, " ")} ${pad(t.hour, 2)}:${pad(t.min, 2)}:${pad(t.sec, 2)} ${t.year}`;
}

/** C's strftime in the C locale as glibc writes it; an unknown directive stays as written. */
export function strftime(format: string, t: BrokenDownTime, zone: { name: string; gmtoff: number }): string {
  const hour12 = ((t.hour + 11) % 12) + 1;
  const one = (c: string): string | null => {
    switch (c) {
      case "Y":
        return String(t.year);
      case "y":
        return pad(((t.year % 100) + 100) % 100, 2);
      case "C":
        return pad(Math.floor(t.year / 100), 2);
      case "m":
        return pad(t.mon, 2);
      case "d":
        return pad(t.mday, 2);
      case "e":
        return pad(t.mday, 2, " ");
      case "H":
        return pad(t.hour, 2);
      case "k":
        return pad(t.hour, 2, " ");
      case "I":
        return pad(hour12, 2);
      case "l":
        return pad(hour12, 2, " ");
      case "M":
        return pad(t.min, 2);
      case "S":
        return pad(t.sec, 2);
      case "p":
        return t.hour < 12 ? "AM" : "PM";
      case "a":
        return DAYS[t.wday].slice(0, 3);
      case "A":
        return DAYS[t.wday];
      case "b":
      case "h":
        return MONTHS[t.mon - 1].slice(0, 3);
      case "B":
        return MONTHS[t.mon - 1];
      case "j":
        return pad(t.yday, 3);
      case "w":
        return String((t.wday + 1) % 7);
      case "u":
        return String(t.wday + 1);
      case "U":
        return pad(Math.floor((t.yday - 1 + 7 - ((t.wday + 1) % 7)) / 7), 2);
      case "W":
        return pad(Math.floor((t.yday - 1 + 7 - t.wday) / 7), 2);
      case "G":
        return String(isoWeek(t)[0]);
      case "g":
        return pad(((isoWeek(t)[0] % 100) + 100) % 100, 2);
      case "V":
        return pad(isoWeek(t)[1], 2);
      case "c":
        return asctime(t);
      case "x":
      case "D":
        return `${pad(t.mon, 2)}/${pad(t.mday, 2)}/${one("y")}`;
      case "X":
      case "T":
        return `${pad(t.hour, 2)}:${pad(t.min, 2)}:${pad(t.sec, 2)}`;
      case "F":
        return `${t.year}-${pad(t.mon, 2)}-${pad(t.mday, 2)}`;
      case "R":
        return `${pad(t.hour, 2)}:${pad(t.min, 2)}`;
      case "r":
        return `${pad(hour12, 2)}:${pad(t.min, 2)}:${pad(t.sec, 2)} ${one("p")}`;
      case "s":
        return String(localSeconds(t));
      case "z": {
        const off = Math.abs(zone.gmtoff);
        const sign = zone.gmtoff < 0 ? "-" : "+";
        return `${sign}${pad(Math.floor(off / 3600), 2)}${pad(Math.floor((off % 3600) / 60), 2)}`;
      }
      case "Z":
        return zone.name;
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "%":
        return "%";
      default:
        return null;
    }
  };
  return format.replace(/%(.)/gs, (m, c: string) => one(c) ?? m);
}
