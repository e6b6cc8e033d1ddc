import * as vscode from "vscode";
import { candidateOutputs } from "../explain/outputChoice";
import { formatNumber } from "../view/format";
import type { RunController } from "./runController";

/**
 * GradLens: Choose Output to Differentiate — for a program with several scalar results, or none
 * that calls backward(): pick the value whose gradients GradLens shows (hover, graph, inline
 * values); "the last backward()" goes back to the program's own choice. `given` skips the picker.
 */
export async function chooseOutput(
  runs: RunController,
  document: vscode.TextDocument,
  given?: string | null,
): Promise<string | undefined> {
  await runs.whenIdle();
  const result = runs.result(document.uri);
  if (!result) return undefined;
  let name: string | null | undefined = given;
  if (given === undefined) {
    const chosen = runs.outputName(document.uri);
    const candidates = candidateOutputs(result.trace, document.getText());
    const picked = await vscode.window.showQuickPick(
      [
        {
          label: vscode.l10n.t("The last backward()"),
          description: chosen === undefined ? vscode.l10n.t("current") : "",
          name: null as string | null,
        },
        ...candidates.map((c) => ({
          label: c.name,
          description: [
            `= ${formatNumber(result.trace.nodes[c.node].data[0])}`,
            c.line >= 0 ? vscode.l10n.t("line {0}", c.line + 1) : "",
            c.name === chosen ? vscode.l10n.t("current") : "",
          ]
            .filter(Boolean)
            .join(" · "),
          name: c.name as string | null,
        })),
      ],
      { title: vscode.l10n.t("Differentiate which output?") },
    );
    if (!picked) return undefined;
    name = picked.name;
  }
  runs.setOutput(document, name ?? undefined);
  await runs.whenIdle();
  return name ?? undefined;
}
