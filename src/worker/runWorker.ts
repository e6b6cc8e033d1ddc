/**
 * The worker thread that runs programs, so that a slow or runaway program never blocks the
 * extension host. It interprets, builds the trace and lays out the graph, then posts both back.
 */
import { parentPort } from "node:worker_threads";
import { gradientDiagnostics } from "../explain/gradientHealth";
import { inlineValues, shouldShowInlineByDefault } from "../explain/inlineValues";
import { runProgram } from "../runtime/runProgram";
import { buildViewGraph } from "../view/buildViewGraph";
import type { RunRequest, WorkerMessage } from "./protocol";

const port = parentPort;
if (!port) throw new Error("runWorker must run in a worker thread");

port.on("message", (request: RunRequest) => {
  let reply: WorkerMessage;
  try {
    const t0 = performance.now();
    const trace = runProgram(request.source, request.options);
    const t1 = performance.now();
    const view = buildViewGraph(trace);
    const t2 = performance.now();
    const { thresholds, inlineMaxLength } = request.analysis;
    const health = gradientDiagnostics(trace, thresholds);
    const inline = inlineValues(trace, request.source, { maxLineLength: inlineMaxLength });
    const inlineByDefault = shouldShowInlineByDefault(request.source, trace);
    const t3 = performance.now();
    reply = {
      type: "result",
      id: request.id,
      trace,
      view,
      health,
      inline,
      inlineByDefault,
      timings: { runMs: t1 - t0, layoutMs: t2 - t1, analysisMs: t3 - t2 },
    };
  } catch (e) {
    reply = {
      type: "failure",
      id: request.id,
      message: e instanceof Error ? (e.stack ?? e.message) : String(e),
    };
  }
  port.postMessage(reply);
});
