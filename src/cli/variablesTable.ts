import type { JsonNested, PyJson } from "../trace/trace";

/** The widest a value, grad or ∂root/∂x cell gets in the table; `--json` has them whole. */
export const CELL_WIDTH = 100;

/** A cell cut to CELL_WIDTH characters (code points), the cut marked with an ellipsis. */
function fit(cell: string): string {
  const chars = [...cell];
  return chars.length <= CELL_WIDTH ? cell : `${chars.slice(0, CELL_WIDTH - 1).join("")}…`;
}

/**
 * The `gradlens run` table: one row a top-level variable with its value, `.grad` and ∂root/∂x,
 * each cut to a readable width (a 200×27 tensor would otherwise make every row thousands wide).
 */
export function variablesTable(variables: Record<string, PyJson>): string {
  const rows: string[][] = [["name", "value", "grad", "∂root/∂x"]];
  for (const [name, value] of Object.entries(variables)) {
    if (isValue(value)) {
      rows.push([
        name,
        show(value.data),
        show(value.grad),
        value.root_grad === null ? "—" : show(value.root_grad),
      ]);
    } else if (isTensor(value)) {
      // a truncated tensor shows its first elements, flattened, and says so
      const part = (v: JsonNested) => (value.truncated ? `${show(v).slice(0, -1)}, …]` : show(v));
      rows.push([
        name,
        `tensor${JSON.stringify(value.shape)} ${part(value.data)}`,
        value.grad === null ? "None" : part(value.grad),
        value.root_grad === null ? "—" : part(value.root_grad),
      ]);
    } else {
      rows.push([name, show(value), "", ""]);
    }
  }
  for (const r of rows) for (let c = 1; c < r.length; c++) r[c] = fit(r[c]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell + " ".repeat(widths[c] - [...cell].length))
      .join("  ")
      .trimEnd();
  return [line(rows[0]), line(widths.map((w) => "-".repeat(w))), ...rows.slice(1).map(line)].join("\n");
}

function isValue(v: PyJson): v is Extract<PyJson, { type: "Value" }> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && v.type === "Value";
}

function isTensor(v: PyJson): v is Extract<PyJson, { type: "Tensor" }> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && v.type === "Tensor";
}

function show(v: PyJson | JsonNested): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (Array.isArray(v)) return `[${v.map((x) => show(x)).join(", ")}]`;
  if (v.type === "Object") return `<${v.class}>`;
  if (v.type === "list" || v.type === "tuple" || v.type === "set")
    return `${v.type} of ${v.length}: [${v.items.map((x) => show(x)).join(", ")}, …]`;
  if (v.type === "str") return `${v.text.slice(0, 200)}… (${v.length.toLocaleString("en-US")} characters)`;
  return JSON.stringify(v);
}
