import { readFileSync } from "node:fs";
import { runProgram } from "../src/runtime/runProgram";
const t = runProgram(readFileSync(process.argv[2], "utf8"));
console.log(t.stdout);
console.log(JSON.stringify(t.diagnostics));
if (process.argv[3]) console.log(JSON.stringify({nodes: t.nodes, edges: t.edges, root: t.root, occ: t.occurrences, vars: t.variables}, null, 1));
