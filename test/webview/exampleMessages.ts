// Host messages for every program in examples/, run through the real interpreter, for
// `render.mjs --examples` (bundled and run by it in Node).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runProgram } from "../../src/runtime/runProgram";
import { buildViewGraph } from "../../src/view/buildViewGraph";
import type { GraphMessage } from "../../src/view/protocol";

export function exampleMessages(directory: string): Record<string, GraphMessage> {
  const messages: Record<string, GraphMessage> = {};
  for (const file of readdirSync(directory)
    .filter((f) => f.endsWith(".py"))
    .sort()) {
    const trace = runProgram(readFileSync(join(directory, file), "utf8"), { fileName: file });
    messages[file.replace(/\.py$/, "")] = {
      type: "graph",
      graph: buildViewGraph(trace),
      stale: !trace.ok,
      title: file,
    };
  }
  return messages;
}
