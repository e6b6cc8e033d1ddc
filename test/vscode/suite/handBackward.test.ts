/// <reference types="mocha" />
// A numpy program with a hand-written backward pass in a real VS Code: the primer's XOR network
// with one mistake in Tanh's backward (examples/numpy_primer_xor_mistake.py). GradLens warns
// at the line that computed the wrong gradient, its hover shows your gradient beside the chain
// rule's, a right gradient's hover says it matches, and the graph marks the Tanh's edge red.
import * as assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import type { ViewGraph } from "../../../src/view/viewGraph";
import { api as testApi, waitFor } from "./gradlens";

const EXAMPLE = "numpy_primer_xor_mistake.py";

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : c.value))
    .join("\n");
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    "vscode.executeHoverProvider",
    uri,
    position,
  );
  return hoverText(hovers ?? []);
}

suite("Hand-written numpy backward passes", () => {
  test("the buggy primer: a warning at the wrong line, both gradients on hover, a red edge", async function () {
    this.timeout(120_000);
    const api = await testApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, "a workspace folder (examples/) is open");
    const uri = vscode.Uri.joinPath(folder.uri, EXAMPLE);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const lines = doc.getText().split("\n");
    const wrongLine = lines.findIndex((l) => l.includes("return output_gradient * (1 - self.input**2)"));
    assert.ok(wrongLine > 0, "the example has the mistaken line");

    const warning = await waitFor(
      "the warning at Tanh's backward",
      async () => {
        await api.whenIdle();
        return vscode.languages
          .getDiagnostics(uri)
          .find(
            (d) => d.severity === vscode.DiagnosticSeverity.Warning && d.message.includes("Tanh.backward"),
          );
      },
      60_000,
    );
    assert.equal(
      warning.range.start.line,
      wrongLine,
      `the warning is at line ${wrongLine + 1}: ${warning.message}`,
    );
    assert.match(warning.message, /returns a wrong ∂loss\/∂input of Tanh/);
    assert.match(warning.message, /the chain rule gives/);

    // the wrong line's hover: yours beside the chain rule's
    const wrong = await hoverAt(
      uri,
      new vscode.Position(wrongLine, lines[wrongLine].indexOf("input**2") + 2),
    );
    assert.match(
      wrong,
      /✗ ∂loss\/∂input of Tanh \(network\[\d\]\): yours `[^`]+` · the chain rule `[^`]+`/,
      wrong,
    );
    assert.match(
      wrong,
      /The largest difference is at \[\d, 0\]: yours `[^`]+`, the chain rule `[^`]+`/,
      wrong,
    );

    // the parameter's update in Dense: the weights gradient matches, from what the layer received
    const updateLine = lines.findIndex((l) => l.includes("self.weights -= learning_rate * weights_gradient"));
    const right = await hoverAt(
      uri,
      new vscode.Position(updateLine, lines[updateLine].indexOf("weights -=") + 2),
    );
    assert.match(
      right,
      /✓ ∂loss\/∂weights of Dense \(network\[\d\]\): your gradient matches the chain rule/,
      right,
    );

    // the graph: the Tanh's edge is red (a mismatch) in the view model the panel draws
    await vscode.commands.executeCommand("gradlens.showGraph");
    const target = vscode.Uri.file(path.join(os.tmpdir(), `gradlens-hand-${process.pid}.json`));
    await vscode.commands.executeCommand("gradlens.exportGraph", "json", target);
    const view = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(target)),
    ) as ViewGraph;
    const red = view.edges.filter((e) => e.mismatch === true);
    assert.ok(red.length > 0, "an edge is marked as a mismatch");
    assert.ok(
      red.some((e) => (e.chainRule ?? "").includes("your backward gives")),
      `the red edge says what your backward gave: ${red.map((e) => e.chainRule).join(" | ")}`,
    );
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });
});
