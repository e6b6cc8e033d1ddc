import { readFileSync } from "node:fs";
import { runProgram } from "../src/runtime/runProgram";
import { buildViewGraph } from "../src/view/buildViewGraph";
import { nodeLabels } from "../src/trace/naming";
const t = runProgram(readFileSync(process.argv[2], "utf8"));
const labels = nodeLabels(t);
console.log(t.nodes.slice(0, 8).map((n) => `${n.id} ${labels[n.id]} [${n.shape}]`).join("\n"));
const v = buildViewGraph(t);
console.log(Object.keys(v), JSON.stringify(v).length);
