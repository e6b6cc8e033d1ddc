import { messages } from "../l10n/messages";
import { formatNumber } from "../view/format";
import type { GradientCheckReport, GradientCheckRow } from "./gradientCheck";

/**
 * The gradient check as a Markdown document: a summary and how it was made, then one row per
 * parameter (when there are tensors, whose elements are many) and one per checked element,
 * mismatches first and marked in both tables.
 */
export function gradientCheckMarkdown(report: GradientCheckReport, fileName: string, locale = "en"): string {
  const t = messages(locale);
  const lines = [t("check.title", fileName), ""];
  if (report.message) return [...lines, report.message, ""].join("\n");
  const failed = report.rows.filter((r) => !r.ok);
  lines.push(
    failed.length === 0
      ? t("check.allMatch", report.rows.length, report.rootName ?? "")
      : t("check.someFail", failed.length, report.rows.length, report.rootName ?? ""),
    "",
    t("check.method", report.eps, report.atol, report.rtol),
    "",
    t("check.rerun"),
    "",
  );
  if (report.float64) lines.push(t("check.float64"), "");
  if (report.rows.length < report.elements)
    lines.push(
      t("check.sampled", report.rows.length.toLocaleString("en"), report.elements.toLocaleString("en")),
      "",
    );
  if (report.parameters.some((p) => p.tensor)) {
    lines.push(t("check.parameterHeader"), "| --- | --- | --- | ---: | ---: |");
    const parameters = [
      ...report.parameters.filter((p) => p.failed > 0),
      ...report.parameters.filter((p) => p.failed === 0),
    ];
    for (const p of parameters) {
      const ok = p.failed === 0;
      const name = ok ? `\`${p.name}\`` : `**\`${p.name}\`**`;
      const shape = p.tensor ? `[${p.shape.join(", ")}]` : "—";
      const checked = t("check.checkedOf", p.checked, p.elements);
      lines.push(
        `| ${ok ? "✓" : "✗"} | ${name} | ${shape} | ${checked} | ${formatDifference(p.maxDifference)} |`,
      );
    }
    lines.push("");
  }
  lines.push(t("check.tableHeader"), "| --- | --- | ---: | ---: | ---: |");
  for (const row of mismatchesFirst(report)) {
    const mark = row.ok ? "✓" : "✗";
    const name = row.ok ? `\`${row.name}\`` : `**\`${row.name}\`**`;
    const numeric = row.error ? t("check.runFailed", row.error) : formatNumber(row.numeric);
    const difference = row.error ? "—" : formatNumber(Math.abs(row.analytic - row.numeric));
    lines.push(`| ${mark} | ${name} | ${formatNumber(row.analytic)} | ${numeric} | ${difference} |`);
  }
  return lines.join("\n") + "\n";
}

/** A run that failed has no difference to show. */
function formatDifference(x: number): string {
  return Number.isNaN(x) ? "—" : formatNumber(x);
}

/** The rows that did not match first, then the rest, each group in parameter order. */
function mismatchesFirst(report: GradientCheckReport): GradientCheckRow[] {
  return [...report.rows.filter((r) => !r.ok), ...report.rows.filter((r) => r.ok)];
}
