/**
 * Graphviz record labels: `{ a | data 2.0000 | grad 0.0000 }` is split at `|` into fields,
 * braces flip a group's direction (fields side by side become stacked and back), `<port>`
 * names a field, and a backslash escapes `{ } | < >` and space. Each text field is as large as
 * its text plus Graphviz's padding (16 × 8 points); a record stretched to a larger node shares
 * the extra room equally among the fields of each row, as Graphviz's `resize_reclbl` does.
 */

export type RecordField =
  { kind: "text"; text: string; port: string | null } | { kind: "group"; children: RecordField[] };

export function parseRecordLabel(label: string): RecordField {
  let i = 0;
  const group = (): RecordField => {
    const children: RecordField[] = [];
    let text = "";
    let port: string | null = null;
    let sub: RecordField | null = null;
    const flush = () => {
      children.push(sub ?? { kind: "text", text: text.trim().replace(/\s+/g, " "), port });
      text = "";
      port = null;
      sub = null;
    };
    while (i < label.length) {
      const c = label[i];
      if (c === "\\" && i + 1 < label.length) {
        const next = label[i + 1];
        text += next === "n" || next === "l" || next === "r" ? "\n" : next;
        i += 2;
      } else if (c === "{") {
        i++;
        sub = group();
      } else if (c === "}") {
        i++;
        flush();
        return { kind: "group", children };
      } else if (c === "|") {
        i++;
        flush();
      } else if (c === "<") {
        const end = label.indexOf(">", i);
        if (end < 0) {
          text += c;
          i++;
        } else {
          port = label.slice(i + 1, end).trim();
          i = end + 1;
        }
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return { kind: "group", children };
  };
  return group();
}

export interface FieldBox {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

export interface RecordLayout {
  width: number;
  height: number;
  fields: FieldBox[];
  /** Separator lines between fields: x1, y1, x2, y2 relative to the record's top left. */
  separators: [number, number, number, number][];
}

type Measure = (text: string) => { width: number; height: number };

interface Sized {
  field: RecordField;
  width: number;
  height: number;
  children: Sized[];
}

function measureField(field: RecordField, horizontal: boolean, measure: Measure): Sized {
  if (field.kind === "text") {
    const m = measure(field.text);
    return { field, width: m.width + 16, height: m.height + 8, children: [] };
  }
  const children = field.children.map((c) => measureField(c, !horizontal, measure));
  const width = horizontal
    ? children.reduce((s, c) => s + c.width, 0)
    : Math.max(0, ...children.map((c) => c.width));
  const height = horizontal
    ? Math.max(0, ...children.map((c) => c.height))
    : children.reduce((s, c) => s + c.height, 0);
  return { field, width, height, children };
}

/** Stretches a field to w × h and places it at x, y. */
function place(
  s: Sized,
  horizontal: boolean,
  x: number,
  y: number,
  w: number,
  h: number,
  out: RecordLayout,
): void {
  if (s.field.kind === "text") {
    out.fields.push({ x, y, width: w, height: h, text: s.field.text });
    return;
  }
  const n = s.children.length;
  const extra = (horizontal ? w - s.width : h - s.height) / Math.max(1, n);
  let at = horizontal ? x : y;
  s.children.forEach((c, k) => {
    if (k > 0) out.separators.push(horizontal ? [at - 0, y, at, y + h] : [x, at, x + w, at]);
    if (horizontal) {
      const cw = c.width + extra;
      place(c, !horizontal, at, y, cw, h, out);
      at += cw;
    } else {
      const ch = c.height + extra;
      place(c, !horizontal, x, at, w, ch, out);
      at += ch;
    }
  });
}

/**
 * Lays out a record label. `horizontal` is the top level's direction: fields side by side in a
 * graph drawn top to bottom, stacked when it is drawn left to right (`rankdir=LR`). The node is
 * at least `minWidth` × `minHeight`.
 */
export function layOutRecord(
  root: RecordField,
  horizontal: boolean,
  measure: Measure,
  minWidth: number,
  minHeight: number,
): RecordLayout {
  // a label made of one group in braces (the usual `{ a | b }`) flips the direction once
  const sized = measureField(root, horizontal, measure);
  const width = Math.max(minWidth, sized.width);
  const height = Math.max(minHeight, sized.height);
  const out: RecordLayout = { width, height, fields: [], separators: [] };
  place(sized, horizontal, 0, 0, width, height, out);
  return out;
}
