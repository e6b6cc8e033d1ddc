import type { WebviewMessage } from "../src/view/protocol";

/** The part of VS Code's webview API GradLens uses. */
export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** VS Code allows one call per page load, so it is made here, once. */
export const vscode: VsCodeApi = acquireVsCodeApi();
