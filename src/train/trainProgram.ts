import { Adam } from "../engine/optim/adam";
import { SGD } from "../engine/optim/sgd";
import { tensor } from "../engine/tensor";
import { messages } from "../l10n/messages";
import type { RunOptions } from "../runtime/runApi";
import { runProgram } from "../runtime/runProgram";
import { nodeLabel } from "../trace/naming";
import type { Trace } from "../trace/trace";
import { nodeOfRow, rowOf } from "../trace/rowsToTrace";
import { programErrorMessage } from "../runtime/programErrorMessage";

export type OptimizerKind = "sgd" | "momentum" | "adam";

export interface TrainConfig {
  optimizer: OptimizerKind;
  lr: number;
  steps: number;
  /** Rows of the leaves to train; all scalar leaves that reach the root when absent. */
  parameters?: number[];
}

export interface TrainedParameter {
  node: number;
  name: string;
  initial: number;
  final: number;
}

/** One step as it happens: the loss before its update, and the run that computed it. */
export interface TrainStep {
  step: number;
  loss: number;
  trace: Trace;
  /** The run after the last update (its loss is the final one), yielded once training ends well. */
  final?: true;
}

export interface TrainResult {
  /** The root's value before each step's update (losses[0] is the program as written). */
  losses: number[];
  parameters: TrainedParameter[];
  /** Why training stopped early or could not start, if it did. */
  message: string | null;
}

/**
 * Trains a program's parameters (its scalar leaves) with a PyTorch optimizer: each step re-runs
 * the whole program with the current parameter values, reads the loss (the root of its last
 * `backward()`) and ∂loss/∂parameter, and lets the optimizer update the values. Yields every
 * step's loss and run as it comes, so the caller can draw the curve as it falls and the graph's
 * numbers as they change, and last the run with the trained values.
 */
export function* trainProgram(
  source: string,
  options: RunOptions,
  config: TrainConfig,
  locale = "en",
): Generator<TrainStep, TrainResult> {
  const t = messages(locale);
  const first = runProgram(source, options);
  const result: TrainResult = { losses: [], parameters: [], message: null };
  if (!first.ok) return { ...result, message: programErrorMessage(t, first, source) };
  if (first.root === null || first.nodes[first.root].data.length !== 1) {
    return { ...result, message: t("train.noBackward") };
  }
  const root = first.root;
  const chosen = new Set(config.parameters ?? []);
  const params = first.nodes.filter(
    (n) =>
      n.kind === "leaf" &&
      !n.tensor &&
      n.shape.length === 0 &&
      n.rootGrad !== null &&
      (chosen.size === 0 || chosen.has(n.id)),
  );
  if (params.length === 0) return { ...result, message: t("train.noLeaf") };

  const values = tensor(
    params.map((p) => p.data[0]),
    { dtype: "float64", requiresGrad: true },
  );
  const optimizer =
    config.optimizer === "adam"
      ? new Adam([values], { lr: config.lr })
      : new SGD([values], { lr: config.lr, momentum: config.optimizer === "momentum" ? 0.9 : 0 });

  let trace = first;
  for (let step = 0; step < config.steps; step++) {
    const loss = trace.nodes[trace.root ?? root].data[0];
    result.losses.push(loss);
    yield { step, loss, trace };
    const grads = params.map((p) => nodeOfRow(trace, rowOf(p))?.rootGrad?.[0] ?? 0);
    if (!Number.isFinite(loss) || grads.some((g) => !Number.isFinite(g))) {
      result.message = t("train.notFinite", step);
      break;
    }
    values.grad = tensor(grads, { dtype: "float64" });
    optimizer.step();
    const current = values.copyValues();
    trace = runProgram(source, {
      ...options,
      output: rowOf(first.nodes[root]),
      leafValues: new Map(params.map((p, i) => [rowOf(p), current[i]])),
      drawFigures: false,
    });
    if (!trace.ok) {
      const error = trace.diagnostics.find((d) => d.severity === "error")?.message;
      result.message = t("train.stopped", step + 1, String(error));
      break;
    }
  }
  const final = values.copyValues();
  result.parameters = params.map((p, i) => ({
    node: p.id,
    name: nodeLabel(first, p.id),
    initial: p.data[0],
    final: final[i],
  }));
  if (result.message === null && config.steps > 0) {
    const loss = trace.nodes[trace.root ?? root].data[0];
    result.losses.push(loss);
    yield { step: config.steps, loss, trace, final: true };
  }
  return result;
}
