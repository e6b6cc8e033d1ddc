import { formatNumber } from "../view/format";
import type { GradientCheckReport } from "./gradientCheck";

/** The gradient check as a Markdown document: a summary, then one table row per parameter, mismatches first and marked. */
export function gradientCheckMarkdown(report: GradientCheckReport, fileName: string): string {
  const lines = [`# Gradient check — ${fileName}`, ""];
  if (report.message) return [...lines, report.message, ""].join("\n");
  const failed = report.rows.filter((r) => !r.ok);
  lines.push(
    failed.length === 0
      ? `✓ All ${report.rows.length} gradients of \`${report.rootName}\` match central finite differences.`
      : `✗ **${failed.length} of ${report.rows.length} gradients of \`${report.rootName}\` do not match** central finite differences.`,
    "",
    `Central differences in float64 with eps = ${report.eps}; a gradient passes when ` +
      `|analytic − numeric| ≤ ${report.atol} + ${report.rtol}·|numeric| (PyTorch's gradcheck defaults).`,
    "",
    "| | parameter | analytic ∂/∂x | numeric | difference |",
    "| --- | --- | ---: | ---: | ---: |",
  );
  const ordered = [...failed, ...report.rows.filter((r) => r.ok)];
  for (const row of ordered) {
    const mark = row.ok ? "✓" : "✗";
    const name = row.ok ? `\`${row.name}\`` : `**\`${row.name}\`**`;
    const numeric = row.error ? `run failed: ${row.error}` : formatNumber(row.numeric);
    const difference = row.error ? "—" : formatNumber(Math.abs(row.analytic - row.numeric));
    lines.push(`| ${mark} | ${name} | ${formatNumber(row.analytic)} | ${numeric} | ${difference} |`);
  }
  if (report.skipped > 0)
    lines.push("", `${report.skipped} more parameters were not checked (the limit is per run).`);
  return lines.join("\n") + "\n";
}
