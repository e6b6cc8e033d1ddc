/**
 * Marks every source span of a parse result as lying in `file` (a module of the program's, not
 * its own text), so whatever the runtime reports from it — a value's span, an error — names the
 * file. Spans are the IR's plain `{ from, to }` objects; IR nodes carry a kind (`k`), spans do not.
 */
export function tagSpansWithFile(root: object, file: string): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x !== "object" || x === null || seen.has(x)) continue;
    seen.add(x);
    if (Array.isArray(x)) {
      for (const item of x) if (typeof item === "object") stack.push(item);
      continue;
    }
    const record = x as Record<string, unknown>;
    if (typeof record.from === "number" && typeof record.to === "number" && !("k" in record)) {
      record.file = file;
      continue;
    }
    for (const key in record) {
      const value = record[key];
      if (typeof value === "object" && value !== null) stack.push(value);
    }
  }
}
