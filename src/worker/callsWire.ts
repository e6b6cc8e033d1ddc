import type { Span, TraceCall } from "../trace/trace";

/**
 * A trace's calls (Trace.calls) as a few bytes each. A training loop of hand-written layers
 * makes a dozen calls a sample — 12,000 for the XOR primer — and as objects they were
 * nine-tenths of an answer's bytes: every key spelled out in every call, and the same few
 * calls over and over. Here what a call is — its name, instance class, instance, place and
 * span: its "site" — is listed once per distinct site, and each call is two numbers, how far
 * back its parent is and its site, as variable-length integers (one byte each, mostly): 24 KB
 * instead of 1.3 MB. Its id is its position. A span shared by many calls is read back shared, as
 * the serializer gives an object met twice. The client gets the same calls back, down to the
 * order of their keys (what JSON and Export graph write).
 */
export interface CallsWire {
  count: number;
  /** Per call: 0 for no parent or how many calls back it is, then its site (LEB128 each). */
  calls: Uint8Array;
  /** Per site SITE_FIELDS integers: name, instance class, instance, place, span (NONE: absent). */
  sites: Int32Array;
  texts: string[];
  /** Each span once: `[from, to]` or `[from, to, file]` (an index into texts). */
  spans: Int32Array;
  /** Where each span starts in `spans` (the last entry is its length). */
  spanStarts: Int32Array;
}

const SITE_FIELDS = 5;
const NONE = -1;
const INT32_MAX = 2 ** 31 - 1;

const isCount = (x: unknown): x is number =>
  typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= INT32_MAX;

/** Unsigned LEB128 into a growing byte buffer. */
class Bytes {
  buffer = new Uint8Array(1024);
  length = 0;
  write(n: number): void {
    if (this.length + 5 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    while (n >= 0x80) {
      this.buffer[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buffer[this.length++] = n;
  }
}

/**
 * The calls as a CallsWire, or null when a call is not of the shape the trace's calls have
 * (then they travel as they are: nothing is lost, only the saving).
 */
export function encodeCalls(calls: readonly TraceCall[]): CallsWire | null {
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const text = (s: string) => {
    let i = textIndex.get(s);
    if (i === undefined) textIndex.set(s, (i = texts.push(s) - 1));
    return i;
  };
  const spanIndex = new Map<object, number>();
  const spanInts: number[] = [];
  const spanStarts: number[] = [0];
  const span = (s: Span): number => {
    let i = spanIndex.get(s);
    if (i !== undefined) return i;
    const keys = Object.keys(s);
    const withFile = keys.length === 3 && keys[2] === "file" && typeof s.file === "string";
    if (!(keys.length === 2 || withFile) || keys[0] !== "from" || keys[1] !== "to") return NONE;
    if (!isCount(s.from) || !isCount(s.to)) return NONE;
    spanInts.push(s.from, s.to);
    if (withFile) spanInts.push(text(s.file!));
    spanIndex.set(s, (i = spanStarts.length - 1));
    spanStarts.push(spanInts.length);
    return i;
  };
  const siteIndex = new Map<string, number>();
  const siteInts: number[] = [];
  const out = new Bytes();
  for (let id = 0; id < calls.length; id++) {
    const c = calls[id];
    if (!sameShape(c, id)) return null;
    const spanAt = c.span === null ? NONE : span(c.span);
    if (c.span !== null && spanAt === NONE) return null;
    const name = text(c.name);
    const cls = c.instanceClass === null ? NONE : text(c.instanceClass);
    const instance = c.instance === null ? NONE : c.instance;
    const place = c.place === undefined ? NONE : text(c.place);
    const key = `${name},${cls},${instance},${place},${spanAt}`;
    let site = siteIndex.get(key);
    if (site === undefined) {
      siteIndex.set(key, (site = siteInts.length / SITE_FIELDS));
      siteInts.push(name, cls, instance, place, spanAt);
    }
    out.write(c.parent === null ? 0 : id - c.parent);
    out.write(site);
  }
  return {
    count: calls.length,
    calls: out.buffer.slice(0, out.length),
    sites: Int32Array.from(siteInts),
    texts,
    spans: Int32Array.from(spanInts),
    spanStarts: Int32Array.from(spanStarts),
  };
}

/** Keys in the order the run writes them (callRecorder.traceCalls, then placeCalls), nothing else. */
const KEYS = ["id", "parent", "name", "instanceClass", "instance", "span"];

function sameShape(c: TraceCall, id: number): boolean {
  let n = 0;
  for (const key in c) {
    if (n < KEYS.length ? key !== KEYS[n] : n > KEYS.length || key !== "place") return false;
    n++;
  }
  return (
    (n === KEYS.length || (n === KEYS.length + 1 && typeof c.place === "string")) &&
    c.id === id &&
    (c.parent === null || (isCount(c.parent) && c.parent < id)) &&
    typeof c.name === "string" &&
    (c.instanceClass === null || typeof c.instanceClass === "string") &&
    (c.instance === null || isCount(c.instance)) &&
    (c.span === null || (typeof c.span === "object" && Object.getPrototypeOf(c.span) === Object.prototype))
  );
}

/** The calls back; null when the wire is malformed (an index out of range, a length that does not add up). */
export function decodeCalls(wire: CallsWire): TraceCall[] | null {
  const { count, calls: bytes, sites, texts, spans, spanStarts } = wire;
  if (!isCount(count) || sites.length % SITE_FIELDS !== 0) return null;
  const spanCount = spanStarts.length - 1;
  if (spanCount < 0 || spanStarts[0] !== 0 || spanStarts[spanCount] !== spans.length) return null;
  const spanList: Span[] = [];
  for (let i = 0; i < spanCount; i++) {
    const start = spanStarts[i];
    const size = spanStarts[i + 1] - start;
    if ((size !== 2 && size !== 3) || spans[start] < 0 || spans[start + 1] < 0) return null;
    if (size === 2) spanList.push({ from: spans[start], to: spans[start + 1] });
    else {
      const file = texts[spans[start + 2]];
      if (typeof file !== "string") return null;
      spanList.push({ from: spans[start], to: spans[start + 1], file });
    }
  }
  const textAt = (i: number) => (i >= 0 && i < texts.length ? texts[i] : undefined);
  for (let at = 0; at < sites.length; at += SITE_FIELDS) {
    const [name, cls, instance, place, span] = sites.subarray(at, at + SITE_FIELDS);
    if (textAt(name) === undefined || (cls !== NONE && textAt(cls) === undefined)) return null;
    if (instance < NONE || (place !== NONE && textAt(place) === undefined)) return null;
    if (span < NONE || span >= spanCount) return null;
  }
  const siteCount = sites.length / SITE_FIELDS;
  let pos = 0;
  /** The next LEB128 integer, or -1 past the end (or past 32 bits). */
  const read = (): number => {
    let n = 0;
    for (let shift = 0; shift < 35 && pos < bytes.length; shift += 7) {
      const b = bytes[pos++];
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n <= INT32_MAX ? n : -1;
    }
    return -1;
  };
  const calls: TraceCall[] = [];
  for (let id = 0; id < count; id++) {
    const back = read();
    const site = read();
    if (back < 0 || back > id || site < 0 || site >= siteCount) return null;
    const at = site * SITE_FIELDS;
    const cls = sites[at + 1];
    const instance = sites[at + 2];
    const place = sites[at + 3];
    const span = sites[at + 4];
    const call: TraceCall = {
      id,
      parent: back === 0 ? null : id - back,
      name: texts[sites[at]],
      instanceClass: cls === NONE ? null : texts[cls],
      instance: instance === NONE ? null : instance,
      span: span === NONE ? null : spanList[span],
    };
    if (place !== NONE) call.place = texts[place];
    calls.push(call);
  }
  return pos === bytes.length ? calls : null;
}
