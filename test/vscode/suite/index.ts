// The extensionTestsPath module: VS Code's extension host loads it and calls run(). It runs every
// *.test.js next to it (compiled from this folder by test/vscode/build-suite.mjs) with mocha's tdd
// interface and writes a JSON summary ({ passed, failed }) to $GRADLENS_TEST_RESULTS (default:
// test/vscode/.run/in-host-results.json) for test/vscode/run.mjs to count.
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import * as vscode from "vscode";

interface Summary {
  passed: string[];
  failed: { title: string; error: string }[];
}

export function run(): Promise<void> {
  // GRADLENS_TEST_GREP: run only the tests whose full title matches (for working on a few)
  const grep = process.env.GRADLENS_TEST_GREP;
  const mocha = new Mocha({
    ui: "tdd",
    color: false,
    reporter: "spec",
    timeout: 60_000,
    ...(grep ? { grep } : {}),
  });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith(".test.js")) mocha.addFile(path.join(__dirname, file));
  }
  const files = mocha.files.map((f) => path.basename(f));
  // test/vscode/host/code-shim.cjs starts forwarding the extension host's output at this line
  console.log(
    `GradLens in-host suite: VS Code ${vscode.version}, Node ${process.version}, ${files.join(", ")}`,
  );
  const summary: Summary = { passed: [], failed: [] };
  const out = process.env.GRADLENS_TEST_RESULTS || path.resolve(__dirname, "../../in-host-results.json");
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify(summary, null, 2));
      if (failures > 0) reject(new Error(`${failures} of ${summary.passed.length + failures} tests failed`));
      else resolve();
    });
    runner.on("pass", (t) => summary.passed.push(t.fullTitle()));
    runner.on("fail", (t, err: unknown) =>
      summary.failed.push({ title: t.fullTitle(), error: err instanceof Error ? err.message : String(err) }),
    );
  });
}
