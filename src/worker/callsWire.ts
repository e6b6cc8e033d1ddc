import type { Span, TraceCall } from "../trace/trace";

/**
 * A trace's calls (Trace.calls) as one Int32Array and their texts and spans listed once each.
 * A training loop of hand-written layers makes a dozen calls a sample — 12,000 for the XOR
 * primer — and as objects they are nine-tenths of an answer's bytes: every key spelled out
 * in every call, the same few names and spans over and over. Here a call is six integers
 * (its parent, name, instance class, instance, place and span, each an index or NONE), its
 * id is its position, and a span shared by many calls is sent once and read back shared, as
 * the serializer gives an object met twice. The client gets the same calls back, down to the
 * order of their keys (what JSON and Export graph write).
 */
export interface CallsWire {
  ints: Int32Array;
  texts: string[];
  /** Each span once: `[from, to]` or `[from, to, file]` (an index into texts). */
  spans: Int32Array;
  /** Where each span starts in `spans` (the last entry is its length). */
  spanStarts: Int32Array;
}

const FIELDS = 6;
const NONE = -1;
const INT32_MAX = 2 ** 31 - 1;

const isCount = (x: unknown): x is number =>
  typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= INT32_MAX;

/**
 * The calls as a CallsWire, or null when a call is not of the shape the trace's calls have
 * (then they travel as they are: nothing is lost, only the saving).
 */
export function encodeCalls(calls: readonly TraceCall[]): CallsWire | null {
  const ints = new Int32Array(calls.length * FIELDS);
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
  for (let id = 0; id < calls.length; id++) {
    const c = calls[id];
    if (!sameShape(c, id)) return null;
    const at = id * FIELDS;
    ints[at] = c.parent === null ? NONE : c.parent;
    ints[at + 1] = text(c.name);
    ints[at + 2] = c.instanceClass === null ? NONE : text(c.instanceClass);
    ints[at + 3] = c.instance === null ? NONE : c.instance;
    ints[at + 4] = c.place === undefined ? NONE : text(c.place);
    if (c.span === null) ints[at + 5] = NONE;
    else if ((ints[at + 5] = span(c.span)) === NONE) return null;
  }
  return { ints, texts, spans: Int32Array.from(spanInts), spanStarts: Int32Array.from(spanStarts) };
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
    (c.parent === null || isCount(c.parent)) &&
    typeof c.name === "string" &&
    (c.instanceClass === null || typeof c.instanceClass === "string") &&
    (c.instance === null || isCount(c.instance)) &&
    (c.span === null || (typeof c.span === "object" && Object.getPrototypeOf(c.span) === Object.prototype))
  );
}

/** The calls back; null when the wire is malformed (an index out of range, a length that does not add up). */
export function decodeCalls(wire: CallsWire): TraceCall[] | null {
  const { ints, texts, spans, spanStarts } = wire;
  if (ints.length % FIELDS !== 0) return null;
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
  const calls: TraceCall[] = [];
  const textAt = (i: number) => (i >= 0 && i < texts.length ? texts[i] : undefined);
  for (let id = 0, at = 0; at < ints.length; id++, at += FIELDS) {
    const parent = ints[at];
    const name = textAt(ints[at + 1]);
    const cls = ints[at + 2];
    const instance = ints[at + 3];
    const place = ints[at + 4];
    const span = ints[at + 5];
    const instanceClass = cls === NONE ? null : textAt(cls);
    const placeText = place === NONE ? null : textAt(place);
    if (parent < NONE || name === undefined || instanceClass === undefined || instance < NONE) return null;
    if (placeText === undefined || span < NONE || span >= spanCount) return null;
    const call: TraceCall = {
      id,
      parent: parent === NONE ? null : parent,
      name,
      instanceClass,
      instance: instance === NONE ? null : instance,
      span: span === NONE ? null : spanList[span],
    };
    if (placeText !== null) call.place = placeText;
    calls.push(call);
  }
  return calls;
}
