import * as vscode from "vscode";
import type { RunRequest } from "../worker/protocol";
import type { Settings } from "./settings";

/** What the worker should judge and write about a run, from the settings (files and notebooks alike). */
export function analysisOptions(settings: Settings): RunRequest["analysis"] {
  return {
    thresholds: {
      vanishing: settings.vanishingGradientThreshold,
      exploding: settings.explodingGradientThreshold,
    },
    inlineMaxLength: 80,
    precision: settings.precision,
    locale: vscode.env.language,
  };
}
