import * as vscode from "vscode";
import { gradientCheckMarkdown } from "../checks/gradientCheckReport";
import type { GradientCheckReport } from "../checks/gradientCheck";
import type { RunWorkspace } from "../files/fileRequest";
import type { RunClient } from "../worker/runClient";
import { readSettings } from "./settings";
import { programLanguage } from "./programLanguage";

/**
 * GradLens: Check Gradients — every parameter's gradient against central finite differences,
 * in the jobs worker (the program is re-run twice per parameter), cancellable from the progress
 * notification. The report opens as a Markdown preview, mismatches first.
 */
export async function checkGradients(
  jobs: RunClient,
  document: vscode.TextDocument,
  workspace?: RunWorkspace,
): Promise<GradientCheckReport | undefined> {
  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t("GradLens: checking gradients against finite differences…"),
      cancellable: true,
    },
    (_progress, token) => {
      token.onCancellationRequested(() => jobs.cancel());
      return jobs.checkGradients(
        document.getText(),
        {
          fileName: document.fileName,
          language: programLanguage(document) ?? "python",
          stepBudget: readSettings().stepBudget,
          workspace,
        },
        vscode.env.language,
      );
    },
  );
  if ("kind" in outcome) {
    if (outcome.reason !== "superseded") void vscode.window.showErrorMessage(outcome.message);
    return undefined;
  }
  const name = document.uri.path.split("/").pop() ?? "program";
  const report = await vscode.workspace.openTextDocument({
    language: "markdown",
    content: gradientCheckMarkdown(outcome, name, vscode.env.language),
  });
  await vscode.commands.executeCommand("markdown.showPreview", report.uri);
  const failed = outcome.rows.filter((r) => !r.ok).length;
  if (outcome.message === null) {
    const summary =
      failed === 0
        ? vscode.l10n.t("All {0} gradients match finite differences.", outcome.rows.length)
        : vscode.l10n.t("{0} of {1} gradients do not match finite differences.", failed, outcome.rows.length);
    void (failed === 0
      ? vscode.window.showInformationMessage(summary)
      : vscode.window.showWarningMessage(summary));
  }
  return outcome;
}
