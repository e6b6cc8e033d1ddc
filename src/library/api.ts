import type { GradlensContext } from "./context";
import { makeNn } from "./nn";
import { makeOptim } from "./optim";
import { makeTensorApi } from "./tensor";
import { makeValueClass } from "./value";

/**
 * The `gradlens` module bound to one context: what `import { … } from "gradlens"` gives, both
 * natively (src/library/index.ts) and inside the interpreter (one context per run).
 */
export function makeGradlens(cx: GradlensContext) {
  const tensors = makeTensorApi(cx);
  const nn = makeNn(tensors);
  const optim = makeOptim(tensors);
  return {
    Value: makeValueClass(cx),
    Tensor: tensors.Tensor,
    tensor: tensors.tensor,
    zeros: tensors.zeros,
    ones: tensors.ones,
    randn: tensors.randn,
    rand: tensors.rand,
    manualSeed: tensors.manualSeed,
    nn,
    optim,
  };
}

export type Gradlens = ReturnType<typeof makeGradlens>;
