/// <reference types="mocha" />
// Nothing a program does can take the editor down (issue 12): programs that exhaust memory,
// recurse without end or ask for sizes V8 cannot hold end in a located diagnostic, in a runner
// process of their own; this extension host stays up (another extension's command still
// answers), and once the line is fixed the graph comes back.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { Trace } from "../../../src/trace/trace";
import { api, waitFor } from "./gradlens";

/** A smaller budget than the default, so each program reaches it in seconds. */
const BUDGET_MB = 128;

interface Bomb {
  name: string;
  source: string;
  /** The diagnostic expected: its message (start) and 0-based line (or first and last line). */
  message: string;
  line: number | [number, number];
  /** The fixed line and its line number, after which the program must run and show its graph. */
  fix: [number, string];
}

const GRAPH =
  "from micrograd.engine import Value\nw = Value(0.5)\nloss = (w * 2.0 - 3) ** 2\nloss.backward()\n";

const BOMBS: Bomb[] = [
  {
    name: "a list that doubles for ever",
    source: `x = [0]\nwhile True:\n    x = x + x\n${GRAPH}`,
    message: "MemoryError",
    line: 2,
    fix: [1, "while len(x) < 8:"],
  },
  {
    name: "[0] * 10**10",
    source: `x = [0] * 10**10\n${GRAPH}`,
    message: "MemoryError",
    line: 0,
    fix: [0, "x = [0] * 10"],
  },
  {
    name: "'x' * 10**10",
    source: `s = 'x' * 10**10\n${GRAPH}`,
    message: "MemoryError",
    line: 0,
    fix: [0, "s = 'x' * 10"],
  },
  {
    name: "2 ** 10**9, printed",
    source: `n = 2 ** 10**9\nprint(n)\n${GRAPH}`,
    message: "ValueError: Exceeds the limit (4300 digits) for integer string conversion",
    line: 1,
    fix: [1, "print(n.bit_length())"],
  },
  {
    name: "recursion 100,000 deep",
    source: `def down(n):\n    return 0 if n == 0 else 1 + down(n - 1)\nprint(down(100000))\n${GRAPH}`,
    message: "RecursionError: maximum recursion depth exceeded",
    line: 1,
    fix: [2, "print(down(100))"],
  },
  {
    name: "a training loop that keeps every step's graph",
    source: `${GRAPH}kept = []\nwhile True:\n    loss = (w * 2.0 - 3) ** 2 + w.tanh()\n    loss.backward()\n    kept.append(loss)\n`,
    message: "MemoryError",
    line: [6, 8],
    fix: [5, "for step in range(3):"],
  },
];

async function traceOf(doc: vscode.TextDocument, version: number): Promise<Trace> {
  const gradlens = await api();
  return waitFor(
    `GradLens's run of version ${version}`,
    async () => {
      await gradlens.whenIdle();
      const trace = gradlens.lastTrace(doc.uri.toString());
      return doc.version === version && trace && trace.stdout !== undefined ? trace : undefined;
    },
    120_000,
  );
}

suite("Programs cannot take the editor down", () => {
  let previous: number | undefined;
  suiteSetup(async () => {
    const config = vscode.workspace.getConfiguration("gradlens");
    previous = config.inspect<number>("memoryBudgetMb")?.globalValue;
    await config.update("memoryBudgetMb", BUDGET_MB, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration("gradlens")
      .update("memoryBudgetMb", previous, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });

  for (const bomb of BOMBS) {
    test(`${bomb.name}: a located diagnostic, the host stays up, the graph comes back`, async () => {
      const gradlens = await api();
      const doc = await vscode.workspace.openTextDocument({ language: "python", content: bomb.source });
      await vscode.window.showTextDocument(doc);
      const diagnostic = await waitFor(
        `the diagnostic "${bomb.message}"`,
        () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.message.startsWith(bomb.message)),
        120_000,
      );
      const [first, last] = typeof bomb.line === "number" ? [bomb.line, bomb.line] : bomb.line;
      const at = diagnostic.range.start.line;
      assert.ok(
        at >= first && at <= last,
        `${bomb.message} on line ${at + 1}, expected ${first + 1}–${last + 1}`,
      );
      // the program ran in a process of its own, and this host, with the other extensions in it, answers
      const runner = gradlens.runner();
      assert.equal(runner.kind, "process");
      assert.notEqual(runner.pid, runner.hostPid);
      const html = await vscode.commands.executeCommand<string>("markdown.api.render", "# still here");
      assert.match(html, /still here/);
      // the user fixes the line; the program runs again and its graph is back
      const [line, text] = bomb.fix;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, doc.lineAt(line).range, text);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const trace = await traceOf(doc, doc.version);
      assert.ok(trace.ok, JSON.stringify(trace.diagnostics));
      assert.ok(
        trace.nodes.some((n) => n.names.includes("loss")),
        "the graph has the loss",
      );
      await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
    });
  }
});
