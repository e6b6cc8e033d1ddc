// What the in-host tests share: the extension's API and waiting on it. Not a test file itself
// (suite/index.ts runs only *.test.js).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { GradLensApi } from "../../../src/host/activate";

export type { GradLensApi };

export const EXTENSION_ID = "gradlens.gradlens";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined/false, or fails after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(100);
  }
}

export function extension(): vscode.Extension<GradLensApi | undefined> {
  const ext = vscode.extensions.getExtension<GradLensApi | undefined>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext;
}

/**
 * The extension's test API, activating it first if need be. GradLens exports it only when the
 * harness sets GRADLENS_TEST_API=1 (integration.mjs and vsix.mjs do, through extensionTestsEnv).
 */
export async function api(): Promise<GradLensApi> {
  const exported = await extension().activate();
  assert.ok(exported, "GradLens exports its test API (is GRADLENS_TEST_API=1 set by the harness?)");
  return exported;
}

/**
 * Closes every editor without the save dialog an unsaved untitled document would ask for (in a
 * smoke-test host the dialog is answered for us, and an editor it kept open can become active
 * again in the middle of the next test).
 */
export async function closeAllEditorsUnsaved(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.activeTextEditor; i++)
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  // The next untitled document may get a closed one's name: wait until this host has let go of
  // them, so a command given that name cannot find the old document.
  for (let i = 0; i < 50 && vscode.workspace.textDocuments.some((d) => d.isUntitled); i++) await sleep(100);
}
