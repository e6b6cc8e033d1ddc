// Tensors in TypeScript: a linear model x·w fitted by hand once (gradients checked by hand),
// then nn.Linear trained with optim.SGD on mseLoss. Names are PyTorch's, camelCase.
import { manualSeed, nn, optim, tensor } from "gradlens";

interface Batch {
  x: number[][];
  y: number[][];
}

const batch: Batch = { x: [[1, 2], [3, 4]], y: [[1], [2]] };
const x = tensor(batch.x, { dtype: "float64" });
const y = tensor(batch.y, { dtype: "float64" });
const w = tensor([[0.5], [-1]], { requiresGrad: true, dtype: "float64" });

const residual = x.matmul(w).sub(y); // [[-1.5 - 1], [-2.5 - 2]] = [[-2.5], [-4.5]]
const loss = residual.pow(2).mean(); // (6.25 + 20.25) / 2 = 13.25
loss.backward();
console.log("loss", loss.item());
console.log("w.grad", w.grad?.tolist());

// Training a layer: PyTorch's initialisation from the seeded generator, then 20 SGD steps.
manualSeed(0);
const layer = new nn.Linear(2, 1);
const opt = new optim.SGD(layer.parameters(), { lr: 0.02 });
const first = nn.functional.mseLoss(layer.forward(x), y).item();
let last = first;
for (let step = 0; step < 20; step++) {
  opt.zeroGrad();
  const l = nn.functional.mseLoss(layer.forward(x), y);
  l.backward();
  opt.step();
  last = l.item();
}
console.log(`first loss ${first.toFixed(4)}, last loss ${last.toFixed(4)}`);

// By hand: dloss/dw = (2/2) · xᵀ·residual = [[1·-2.5 + 3·-4.5], [2·-2.5 + 4·-4.5]] = [[-16], [-23]].
// expect: loss.item() == 13.25
// expect: w.grad?.tolist() == [[-16], [-23]]
// expect: last < first
