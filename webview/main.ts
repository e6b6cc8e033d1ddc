/**
 * Entry point of the graph webview (bundled to dist/webview.js). It draws what the host sends
 * and reports what the user does; every incoming message is validated first.
 */
import { parseHostMessage } from "../src/view/protocol";
import { GraphApp } from "./app";
import { injectStyles } from "./styles";
import { vscode } from "./vscodeApi";

injectStyles();
const app = new GraphApp(document.body, vscode);

window.addEventListener("message", (event: MessageEvent) => {
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
    app.apply(message);
  } catch (error) {
    vscode.postMessage({
      type: "error",
      message: `GradLens webview: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
});

vscode.postMessage({ type: "ready" });
