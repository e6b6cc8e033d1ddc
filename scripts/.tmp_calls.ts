import { readFileSync } from "node:fs";
import { runProgram } from "../src/runtime/runProgram";
const t = runProgram(readFileSync(process.argv[2], "utf8"));
for (const n of t.nodes.slice(0, 10)) {
  const c = n.call != null ? t.calls![n.call] : null;
  console.log(n.id, n.op, c ? `${c.name} ${c.instanceClass} ${c.instance} parent=${c.parent}` : null);
}
