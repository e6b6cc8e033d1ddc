import { readFileSync } from "node:fs";
import { runCli } from "../src/cli/main";
runCli(["run", process.argv[2], "--json"], { readFile: (p) => readFileSync(p, "utf8"), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
