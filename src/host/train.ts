import * as vscode from "vscode";
import type { OptimizerKind, TrainResult } from "../train/trainProgram";
import type { ViewGraph } from "../view/viewGraph";
import type { ViewRequest } from "../worker/protocol";
import type { RunWorkspace } from "../files/fileRequest";
import type { RunClient } from "../worker/runClient";
import { readSettings } from "./settings";
import { programLanguage } from "./programLanguage";

/** Choices a user makes for one training run (from pickers, or given by a test). */
export interface TrainChoices {
  optimizer: OptimizerKind;
  lr: number;
  steps: number;
}

/**
 * GradLens: Train… — asks for the optimizer, learning rate and number of steps (defaults from
 * the settings), then trains in the jobs worker with a cancellable progress notification;
 * `onLosses` hears the loss curve as it grows, for the panel's chart, and `graph.onView` the
 * graph on screen with each step's numbers (a few a second), then with the trained values.
 */
export async function train(
  jobs: RunClient,
  document: vscode.TextDocument,
  onLosses: (losses: number[], done: boolean) => void,
  given?: Partial<TrainChoices>,
  graph?: { view: ViewRequest; onView: (view: ViewGraph) => void },
  /** Where the program is and what it may read. */
  workspace?: RunWorkspace,
): Promise<TrainResult | undefined> {
  const choices = await askChoices(given);
  if (!choices) return undefined;
  const losses: number[] = [];
  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t("GradLens: training with {0}", optimizerLabel(choices.optimizer)),
      cancellable: true,
    },
    (progress, token) => {
      token.onCancellationRequested(() => jobs.cancel());
      return jobs.train(
        document.getText(),
        {
          fileName: document.fileName,
          language: programLanguage(document) ?? "python",
          stepBudget: readSettings().stepBudget,
          workspace,
        },
        choices,
        ({ step, loss }) => {
          losses.push(loss);
          onLosses(losses, false);
          progress.report({
            increment: 100 / choices.steps,
            message: vscode.l10n.t("step {0}/{1}, loss {2}", step + 1, choices.steps, loss.toPrecision(6)),
          });
        },
        vscode.env.language,
        graph,
      );
    },
  );
  if ("kind" in outcome) {
    onLosses(losses, true);
    if (outcome.reason !== "superseded") void vscode.window.showErrorMessage(outcome.message);
    return undefined;
  }
  onLosses(outcome.losses, true);
  if (outcome.message) {
    void vscode.window.showWarningMessage(outcome.message);
  } else {
    const first = outcome.losses[0];
    const last = outcome.losses[outcome.losses.length - 1];
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        "Trained {0} parameters for {1} steps: loss {2} → {3}.",
        outcome.parameters.length,
        choices.steps,
        first.toPrecision(6),
        last.toPrecision(6),
      ),
    );
  }
  return outcome;
}

function optimizerLabel(kind: OptimizerKind): string {
  return { sgd: "SGD", momentum: "SGD + momentum (0.9)", adam: "Adam" }[kind];
}

async function askChoices(given: Partial<TrainChoices> = {}): Promise<TrainChoices | undefined> {
  const settings = readSettings();
  // The default comes first: a single-choice quick pick starts on its first item.
  const kinds: OptimizerKind[] = ["sgd", "momentum", "adam"];
  kinds.sort((a, b) => Number(b === settings.defaultOptimizer) - Number(a === settings.defaultOptimizer));
  const picked =
    given.optimizer === undefined
      ? await vscode.window.showQuickPick(
          kinds.map((kind) => ({ label: optimizerLabel(kind), optimizer: kind })),
          { title: vscode.l10n.t("Train with which optimizer?") },
        )
      : undefined;
  const optimizer = given.optimizer ?? picked?.optimizer;
  if (!optimizer) return undefined;
  const lr =
    given.lr ?? (await askNumber(vscode.l10n.t("Learning rate"), settings.defaultLearningRate, false));
  if (lr === undefined) return undefined;
  const steps = given.steps ?? (await askNumber(vscode.l10n.t("Steps"), 100, true));
  if (steps === undefined) return undefined;
  return { optimizer, lr, steps };
}

async function askNumber(title: string, value: number, integer: boolean): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    value: String(value),
    validateInput: (s) => {
      const x = Number(s);
      const ok = s.trim() !== "" && Number.isFinite(x) && x > 0 && (!integer || Number.isInteger(x));
      return ok
        ? null
        : integer
          ? vscode.l10n.t("A whole number above 0")
          : vscode.l10n.t("A number above 0");
    },
  });
  return text === undefined ? undefined : Number(text);
}
