import * as vscode from "vscode";

import type { OptimizerKind } from "../train/trainProgram";
import type { DirectionSetting } from "../view/direction";

export type InlineValuesMode = "auto" | "on" | "off";

/** The `gradlens.*` settings, read fresh each time so changes apply without a reload. */
export interface Settings {
  liveRun: boolean;
  liveRunDelay: number;
  stepBudget: number;
  /** Wall-clock seconds a run of a file or notebook may take (checks and training: at least 10 minutes). */
  timeLimitSeconds: number;
  memoryBudgetMb: number;
  inlineValues: InlineValuesMode;
  vanishingGradientThreshold: number;
  explodingGradientThreshold: number;
  defaultOptimizer: OptimizerKind;
  defaultLearningRate: number;
  precision: number;
  layoutDirection: DirectionSetting;
  nodeLimit: number;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration("gradlens");
  return {
    liveRun: c.get<boolean>("liveRun", true),
    liveRunDelay: c.get<number>("liveRunDelay", 300),
    stepBudget: c.get<number>("stepBudget", 1_000_000_000),
    timeLimitSeconds: c.get<number>("timeLimitSeconds", 600),
    memoryBudgetMb: c.get<number>("memoryBudgetMb", 512),
    inlineValues: c.get<InlineValuesMode>("inlineValues", "auto"),
    vanishingGradientThreshold: c.get<number>("vanishingGradientThreshold", 1e-7),
    explodingGradientThreshold: c.get<number>("explodingGradientThreshold", 1e6),
    defaultOptimizer: c.get<OptimizerKind>("defaultOptimizer", "sgd"),
    defaultLearningRate: c.get<number>("defaultLearningRate", 0.01),
    precision: c.get<number>("precision", 4),
    layoutDirection: c.get<DirectionSetting>("layoutDirection", "auto"),
    nodeLimit: c.get<number>("nodeLimit", 2000),
  };
}
