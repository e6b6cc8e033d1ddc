import { messages } from "../l10n/messages";
import { formatNumber } from "../view/format";
import type { GradientCheckReport } from "./gradientCheck";

/** The gradient check as a Markdown document: a summary, then one table row per parameter, mismatches first and marked. */
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
    t("check.tableHeader"),
    "| --- | --- | ---: | ---: | ---: |",
  );
  const ordered = [...failed, ...report.rows.filter((r) => r.ok)];
  for (const row of ordered) {
    const mark = row.ok ? "✓" : "✗";
    const name = row.ok ? `\`${row.name}\`` : `**\`${row.name}\`**`;
    const numeric = row.error ? t("check.runFailed", row.error) : formatNumber(row.numeric);
    const difference = row.error ? "—" : formatNumber(Math.abs(row.analytic - row.numeric));
    lines.push(`| ${mark} | ${name} | ${formatNumber(row.analytic)} | ${numeric} | ${difference} |`);
  }
  if (report.skipped > 0) lines.push("", t("check.skipped", report.skipped));
  return lines.join("\n") + "\n";
}
