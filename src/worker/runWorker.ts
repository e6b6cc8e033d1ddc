/**
 * The worker thread that runs programs, so that a slow or runaway program never blocks the
 * extension host. It interprets, builds the trace and lays out the graph, then posts both back.
 */
import { parentPort } from "node:worker_threads";
import { checkGradients } from "../checks/gradientCheck";
import { gradientDiagnostics } from "../explain/gradientHealth";
import { inlineValues, shouldShowInlineByDefault } from "../explain/inlineValues";
import { runProgram } from "../runtime/runProgram";
import { trainProgram } from "../train/trainProgram";
import { buildViewGraph } from "../view/buildViewGraph";
import type { ViewGraph } from "../view/viewGraph";
import type {
  RunRequest,
  RunResponse,
  TrainRequest,
  TrainResponse,
  WorkerMessage,
  WorkerRequest,
} from "./protocol";

const port = parentPort;
if (!port) throw new Error("runWorker must run in a worker thread");

port.on("message", (request: WorkerRequest) => {
  let reply: WorkerMessage;
  try {
    if (request.type === "run") reply = run(request);
    else if (request.type === "train") reply = train(request);
    else {
      const report = checkGradients(request.source, request.options, {}, request.locale);
      reply = { type: "gradcheck", id: request.id, report };
    }
  } catch (e) {
    reply = {
      type: "failure",
      id: request.id,
      message: e instanceof Error ? (e.stack ?? e.message) : String(e),
    };
  }
  port.postMessage(reply);
});

/** Trains step by step, posting each step's loss as it comes so the host can draw the curve live. */
function train(request: TrainRequest): TrainResponse {
  const steps = trainProgram(request.source, request.options, request.config, request.locale);
  for (;;) {
    const next = steps.next();
    if (next.done) return { type: "trained", id: request.id, result: next.value };
    port!.postMessage({ type: "trainStep", id: request.id, ...next.value } satisfies WorkerMessage);
  }
}

const previousViews = new Map<string, ViewGraph>();

function run(request: RunRequest): RunResponse {
  const t0 = performance.now();
  const trace = runProgram(request.source, request.options);
  const t1 = performance.now();
  // The last graph of each file, so a re-run whose boxes still fit keeps the layout.
  const key = request.options.fileName ?? "";
  const view = buildViewGraph(trace, {
    nodeLimit: request.view?.nodeLimit,
    ...request.view?.folds,
    previous: previousViews.get(key),
  });
  previousViews.set(key, view);
  const t2 = performance.now();
  const { thresholds, inlineMaxLength, precision, locale } = request.analysis;
  const health = gradientDiagnostics(trace, thresholds, locale);
  const inline = inlineValues(trace, request.source, { maxLineLength: inlineMaxLength, precision });
  const inlineByDefault = shouldShowInlineByDefault(request.source, trace);
  const t3 = performance.now();
  return {
    type: "result",
    id: request.id,
    trace,
    view,
    health,
    inline,
    inlineByDefault,
    timings: { runMs: t1 - t0, layoutMs: t2 - t1, analysisMs: t3 - t2 },
  };
}
