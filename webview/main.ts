/**
 * Entry point of the graph webview (bundled to dist/webview.js). It draws what the host sends
 * and reports what the user does; every incoming message is validated first.
 */
import { parseHostMessage, type HostMessage } from "../src/view/protocol";
import { GraphApp } from "./app";
import { FIGURES_TAB_CSS, FiguresTab } from "./figuresTab";
import { LOSS_CHART_CSS, LossChart } from "./lossChart";
import { graphPngDataUrl, graphSvgText } from "./pictureExport";
import { STEP_PANEL_CSS, StepPanel } from "./stepPanel";
import { injectStyles } from "./styles";
import { vscode } from "./vscodeApi";

injectStyles();
const extraStyles = document.createElement("style");
extraStyles.textContent = STEP_PANEL_CSS + LOSS_CHART_CSS + FIGURES_TAB_CSS;
document.head.appendChild(extraStyles);
const app = new GraphApp(document.body, vscode);
const stage = document.querySelector<HTMLElement>(".gl-stage") ?? document.body;
const steps = new StepPanel(stage, (action) => vscode.postMessage({ type: "stepAction", action }));
const losses = new LossChart(stage);
const figures = new FiguresTab(document.querySelector<HTMLElement>("#gl-app") ?? document.body, stage);
let steppingNode: number | null = null;

/** Messages for the parts beside the graph (step-through, loss chart, export); false for the graph app's. */
async function applyExtra(message: HostMessage): Promise<boolean> {
  switch (message.type) {
    case "step":
      steppingNode = message.node;
      steps.show(message);
      app.apply({ type: "highlight", nodes: message.node === null ? [] : [message.node] });
      app.setStepNode(message.node);
      return true;
    case "losses":
      losses.show(message.values, message.done);
      return true;
    case "figures":
      figures.show(message.figures);
      return true;
    case "exportRequest": {
      try {
        const graph = app.drawnGraph();
        const data = message.format === "svg" ? graphSvgText(graph) : await graphPngDataUrl(graph);
        vscode.postMessage({ type: "exported", id: message.id, data, error: null });
      } catch (error) {
        vscode.postMessage({ type: "exported", id: message.id, data: null, error: String(error) });
      }
      return true;
    }
    default:
      return false;
  }
}

window.addEventListener("message", async (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (message === null) {
    const type =
      typeof event.data === "object" && event.data !== null
        ? String((event.data as { type?: unknown }).type)
        : typeof event.data;
    vscode.postMessage({
      type: "error",
      message: `GradLens webview: ignored a malformed message (type ${type})`,
    });
    return;
  }
  try {
    if (await applyExtra(message)) return;
    app.apply(message);
    if (message.type === "graph") {
      steps.refresh(steppingNode);
      app.setStepNode(steppingNode);
    }
  } catch (error) {
    vscode.postMessage({
      type: "error",
      message: `GradLens webview: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
});

vscode.postMessage({ type: "ready" });
