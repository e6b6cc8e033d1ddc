/**
 * The worker thread that runs programs, so that a slow or runaway program never blocks the
 * extension host. It interprets, builds the trace and lays out the graph, then posts both back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CachedFileAccess } from "../files/fileAccess";
import { useFileAccess } from "../runtime/files/runFileAccess";
import { BlockingFileAccess, type WorkerFileChannel } from "./fileBridge";
import { postPacked } from "./packedMessage";
import { checkGradients } from "../checks/gradientCheck";
import { gradientDiagnostics } from "../explain/gradientHealth";
import { inlineValues, shouldShowInlineByDefault } from "../explain/inlineValues";
import { runProgram } from "../runtime/runProgram";
import type { RunEnded, RunOptions } from "../runtime/runApi";
import { trainProgram } from "../train/trainProgram";
import { buildViewGraph } from "../view/buildViewGraph";
import type { ViewGraph } from "../view/viewGraph";
import type {
  FileRequestMessage,
  RunRequest,
  RunResponse,
  TrainRequest,
  TrainResponse,
  TraceRequest,
  WorkerMessage,
  WorkerRequest,
} from "./protocol";

const port = parentPort;
if (!port) throw new Error("runWorker must run in a worker thread");

/** This worker's file channel (fileBridge.ts): its programs' reads go to the runner's owner through it. */
const fileChannel = (workerData as { files?: WorkerFileChannel } | null)?.files ?? null;

port.on("message", (request: WorkerRequest) => {
  let reply: WorkerMessage;
  // each request asks for a file once, however often its runs read it
  const previousFiles =
    fileChannel &&
    useFileAccess(
      new CachedFileAccess(
        new BlockingFileAccess(
          fileChannel,
          (m) => port.postMessage(m satisfies FileRequestMessage),
          request.id,
        ),
      ),
    );
  try {
    if (request.type === "run") reply = run(request);
    else if (request.type === "train") reply = train(request);
    else if (request.type === "trace")
      reply = { type: "trace", id: request.id, trace: runProgram(request.source, withEndNote(request)) };
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
  } finally {
    if (previousFiles) useFileAccess(previousFiles);
  }
  postPacked(port, reply);
});

/** The request's options, with the program's end posted as soon as it comes (RunEndedNote). */
function withEndNote(request: RunRequest | TraceRequest): RunOptions {
  const onRunEnded = (ended: RunEnded) => postPacked(port!, { type: "ended", id: request.id, ...ended });
  return { ...request.options, onRunEnded };
}

/**
 * Between two graphs sent while training: at most one a display frame (the panel gets only
 * their numbers and patches them in place), and a big graph waits longer, so building it takes
 * at most a quarter of the training's time.
 */
const TRAIN_VIEW_INTERVAL_MS = 1000 / 60;
const TRAIN_VIEW_SHARE = 0.25;

/**
 * Trains step by step, posting each step's loss as it comes so the host can draw the curve live,
 * and, when a graph is on screen, the step's graph laid out like the previous one, so its
 * numbers change in place; the last one shows the trained values.
 */
function train(request: TrainRequest): TrainResponse {
  const steps = trainProgram(request.source, request.options, request.config, request.locale);
  let previous = request.view?.previous;
  let nextViewAt = 0;
  let finalView: ViewGraph | undefined;
  for (;;) {
    const next = steps.next();
    if (next.done) {
      return { type: "trained", id: request.id, result: next.value, ...(finalView && { view: finalView }) };
    }
    const { step, loss, trace, final } = next.value;
    let view: ViewGraph | undefined;
    if (request.view && (final || performance.now() >= nextViewAt)) {
      const start = performance.now();
      view = buildViewGraph(trace, { nodeLimit: request.view.nodeLimit, ...request.view.folds, previous });
      previous = view;
      const end = performance.now();
      nextViewAt =
        end + Math.max(TRAIN_VIEW_INTERVAL_MS, ((end - start) * (1 - TRAIN_VIEW_SHARE)) / TRAIN_VIEW_SHARE);
    }
    if (final) finalView = view;
    else postPacked(port!, { type: "trainStep", id: request.id, step, loss, ...(view && { view }) });
  }
}

/**
 * The last graph of the files run lately, so a re-run whose boxes still fit keeps its layout.
 * Only the most recent few are kept: a long session opens many files, and each graph holds its
 * whole layout.
 */
const previousViews = new Map<string, ViewGraph>();
const PREVIOUS_VIEWS_KEPT = 8;

function rememberView(key: string, view: ViewGraph): void {
  previousViews.delete(key); // re-inserted last: the map's order is the order of use
  previousViews.set(key, view);
  while (previousViews.size > PREVIOUS_VIEWS_KEPT) previousViews.delete(previousViews.keys().next().value!);
}

function run(request: RunRequest): RunResponse {
  const t0 = performance.now();
  const trace = runProgram(request.source, withEndNote(request));
  const t1 = performance.now();
  // The last graph of each file, so a re-run whose boxes still fit keeps the layout.
  const key = request.options.fileName ?? "";
  const view = buildViewGraph(trace, {
    nodeLimit: request.view?.nodeLimit,
    ...request.view?.folds,
    previous: previousViews.get(key),
  });
  rememberView(key, view);
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
