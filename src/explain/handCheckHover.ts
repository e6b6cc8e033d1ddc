import { messages } from "../l10n/messages";
import type { HandCheck, Span, Trace } from "../trace/trace";
import { DEFAULT_PRECISION, numberText } from "./numberText";

/**
 * The hover lines for the gradients a program computed by hand (Trace.handChecks) on the line
 * under the cursor — where one was computed or claimed (`self.weights -= lr * weights_gradient`):
 * ✓ when it matches the chain rule, else both side by side and where they differ most.
 */
export function handCheckLines(
  trace: Trace,
  source: string,
  offset: number,
  precision = DEFAULT_PRECISION,
  locale = "en",
): string[] {
  const checks = trace.handChecks;
  if (checks === undefined || offset < 0 || offset > source.length) return [];
  const start = source.lastIndexOf("\n", offset - 1) + 1;
  const endAt = source.indexOf("\n", offset);
  const line = { from: start, to: endAt < 0 ? source.length : endAt };
  const t = messages(locale);
  const text = (xs: readonly number[]) => valuesText(xs, precision);
  const lines: string[] = [];
  const shown = new Set<string>();
  for (const c of checks) {
    if (!touches(c.span, line) && !touches(c.madeAt, line)) continue;
    const key = `${c.title}|${c.agrees}`;
    if (shown.has(key)) continue;
    shown.add(key);
    const when = c.when !== "" ? c.when : "the step it was computed at";
    lines.push("", c.agrees ? t("hover.handAgrees", c.title, when) : differs(c));
  }
  return lines;

  function differs(c: HandCheck): string {
    const both = t("hover.handDiffers", c.title, text(c.yours), text(c.expected));
    if (c.worst === null) return both;
    const k = flatIndex(c.worst, c.shape);
    const where = c.shape.length > 0 ? `[${c.worst.join(", ")}]` : "";
    const when = c.when !== "" ? c.when : "the step it was computed at";
    return `${both}\n\n${t("hover.handWorst", where, numberText(c.yours[k], precision), numberText(c.expected[k], precision), when)}`;
  }
}

function touches(span: Span | null, line: Span): boolean {
  return span !== null && span.from <= line.to && span.to >= line.from;
}

function flatIndex(index: readonly number[], shape: readonly number[]): number {
  let k = 0;
  for (let d = 0; d < shape.length; d++) k = k * shape[d] + index[d];
  return k;
}

/** Up to 12 numbers written out, else their norm. */
function valuesText(xs: readonly number[], precision: number): string {
  if (xs.length === 1) return numberText(xs[0], precision);
  if (xs.length <= 12) return `[${xs.map((x) => numberText(x, precision)).join(", ")}]`;
  let norm = 0;
  for (const x of xs) norm += x * x;
  return `‖${numberText(Math.sqrt(norm), precision)}‖ (${xs.length} values)`;
}
