import { bench, describe } from "vitest";
import { buildViewGraph } from "./buildViewGraph";
import { firstExpressionTrace, mlpTrace } from "./testing/fixtures";

// DESIGN.md's sizes: one sample through MLP(2, [16, 16, 1]) is ~1k values; two are ~1.6k values
// (~2.9k boxes with the op nodes). `vitest bench src/view`.
const options = { time: 2000, warmupTime: 500 };
const small = firstExpressionTrace();
const oneSample = mlpTrace(2, [16, 16, 1], 1);
const twoSamples = mlpTrace(2, [16, 16, 1], 2);

describe("buildViewGraph", () => {
  bench("first_expression.py (17 values)", () => void buildViewGraph(small), options);
  bench(
    `MLP(2, [16, 16, 1]), 1 sample (${oneSample.nodes.length} values)`,
    () => void buildViewGraph(oneSample),
    options,
  );
  bench(
    `MLP(2, [16, 16, 1]), 2 samples (${twoSamples.nodes.length} values)`,
    () => void buildViewGraph(twoSamples),
    options,
  );
});
