// Bundles GradLens with esbuild: the extension (Node, CommonJS, `vscode` external), the run
// worker, the CLI, the webview script (browser) and the benchmarks. `--production` minifies.
import * as esbuild from "esbuild";
import { chmodSync, existsSync, rmSync } from "node:fs";

const production = process.argv.includes("--production");
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: "warning" };
const node = { ...common, platform: "node", format: "cjs", target: "node20" };

const builds = [
  { ...node, entryPoints: ["src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] },
  { ...node, entryPoints: ["src/worker/runWorker.ts"], outfile: "dist/worker.js" },
  { ...node, entryPoints: ["src/cli.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  {
    ...common,
    platform: "browser",
    format: "iife",
    target: "es2022",
    entryPoints: ["webview/main.ts"],
    outfile: "dist/webview.js",
  },
];
if (existsSync("bench/main.ts")) {
  builds.push({ ...node, entryPoints: ["bench/main.ts"], outfile: "dist/bench.js" });
}
rmSync("dist", { recursive: true, force: true }); // no stale bundles or maps from an earlier build
await Promise.all(builds.filter((b) => existsSync(b.entryPoints[0])).map((b) => esbuild.build(b)));
if (existsSync("dist/cli.js")) chmodSync("dist/cli.js", 0o755);
