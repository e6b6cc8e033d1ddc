import { bench, describe } from "vitest";
import { buildViewGraph } from "../buildViewGraph";
import { mlpTrace } from "../testing/fixtures";

// DESIGN.md's sizes: micrograd's demo step, MLP(2, [16, 16, 1]) over 100 points, is ~66k values
// and ~127k edges; folded by default (node limit 2000). `vitest bench src/view`.
const options = { time: 2000, warmupTime: 500 };
const batch = mlpTrace(2, [16, 16, 1], 100);
const folded = buildViewGraph(batch);
const modelGroup = folded.nodes.find((n) => n.kind === "group" && n.label.startsWith("MLP ×"));

describe("folding the demo batch", () => {
  bench(
    `first build of a new trace (${batch.nodes.length} values, ${batch.edges.length} edges)`,
    () => {
      // A new trace object, as each run brings: the per-trace caches miss.
      void buildViewGraph({ ...batch });
    },
    options,
  );
  bench(
    "toggle: open the model's group on the same trace",
    () => {
      void buildViewGraph(batch, { expanded: new Set(modelGroup?.kind === "group" ? modelGroup.folds : []) });
    },
    options,
  );
  bench(
    "rebuild with only the numbers changed (layout reused)",
    () => void buildViewGraph(batch, { previous: folded }),
    options,
  );
});
