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
  // the runner process the extension and the CLI start; it runs dist/worker.js on its threads
  { ...node, entryPoints: ["src/worker/runnerProcess.ts"], outfile: "dist/runner.js" },
  { ...node, entryPoints: ["src/cli.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  // the `gradlens` library (package.json "exports"): what `import … from "gradlens"` gets under Node
  { ...node, format: "esm", entryPoints: ["src/library/index.ts"], outfile: "dist/gradlens.mjs" },
  {
    ...common,
    platform: "browser",
    format: "iife",
    target: "es2022",
    entryPoints: ["webview/main.ts"],
    outfile: "dist/webview.js",
  },
];
// `npm run fuzz`: hostile mutants of the examples through dist/runner.js
if (existsSync("test/fuzz/main.ts"))
  builds.push({ ...node, entryPoints: ["test/fuzz/main.ts"], outfile: "dist/fuzz.js" });
if (existsSync("bench/main.ts")) {
  builds.push({ ...node, entryPoints: ["bench/main.ts"], outfile: "dist/bench.js" });
  // playwright-core stays a package: it finds its own files at run time.
  builds.push({
    ...node,
    entryPoints: ["bench/draw/main.ts"],
    outfile: "dist/bench-draw.js",
    external: ["playwright-core"],
  });
}
rmSync("dist", { recursive: true, force: true }); // no stale bundles or maps from an earlier build
await Promise.all(builds.filter((b) => existsSync(b.entryPoints[0])).map((b) => esbuild.build(b)));
if (existsSync("dist/cli.js")) chmodSync("dist/cli.js", 0o755);
