import { expect } from "vitest";

/**
 * One `expect:` line of an example, checked: numbers to 1e-12 relative (NaN and ±∞ exactly),
 * arrays element by element, anything else equal; `<`, `<=`, `>`, `>=` compare numbers.
 */
export function compare(actual: unknown, op: string, wanted: unknown, where: string): void {
  if (typeof actual === "number" && typeof wanted === "number") {
    const tolerance = 1e-12 * Math.max(Math.abs(wanted), Number.MIN_VALUE);
    if (op === "==") {
      if (Number.isNaN(wanted)) expect(actual, where).toBeNaN();
      else if (!Number.isFinite(wanted)) expect(actual, where).toBe(wanted);
      else
        expect(Math.abs(actual - wanted), `${where}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(tolerance);
    } else if (op === "<") expect(actual, where).toBeLessThan(wanted);
    else if (op === "<=") expect(actual, where).toBeLessThanOrEqual(wanted);
    else if (op === ">") expect(actual, where).toBeGreaterThan(wanted);
    else expect(actual, where).toBeGreaterThanOrEqual(wanted);
    return;
  }
  if (Array.isArray(actual) && Array.isArray(wanted) && op === "==") {
    expect(actual.length, where).toBe(wanted.length);
    actual.forEach((a, k) => compare(a, op, wanted[k], `${where}[${k}]`));
    return;
  }
  expect(op, `${where}: only == compares non-numbers`).toBe("==");
  expect(actual, where).toEqual(wanted);
}

/** `# expect-warning: <text>` at the end of a line: GradLens warns about that line with that text. */
const EXPECT_WARNING = /#\s*expect-warning:\s*(.+?)\s*$/;

/**
 * The warnings a run gave about the program's own backward() (code `own-backward`) are exactly
 * the ones its `# expect-warning:` comments ask for: one on each such line, whose message holds
 * the comment's text, and none elsewhere.
 */
export function checkWarnings(
  source: string,
  diagnostics: readonly { severity: string; message: string; code: string; span: { from: number } | null }[],
  file: string,
): void {
  const wanted = source.split("\n").flatMap((text, i) => {
    const m = EXPECT_WARNING.exec(text);
    return m ? [{ line: i + 1, text: m[1] }] : [];
  });
  const lineOf = (offset: number) => source.slice(0, offset).split("\n").length;
  const got = diagnostics
    .filter((d) => d.severity === "warning" && d.code === "own-backward")
    .map((d) => ({ line: d.span ? lineOf(d.span.from) : 0, message: d.message }));
  expect(
    got.map((g) => g.line),
    `${file}: the lines with warnings about its own backward()`,
  ).toEqual(wanted.map((w) => w.line));
  wanted.forEach((w, k) => expect(got[k].message, `${file}:${w.line}`).toContain(w.text));
}
