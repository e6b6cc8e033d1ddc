// A two-layer MLP in PyTorch style, in TypeScript (examples/torch_two_layer_mlp.py's shape):
// a class extending nn.Module, its layers found by parameters(), trained with optim.Adam.
// Hover model, loss or a weight; the graph shows each layer's matrix product and the loss.
import { manualSeed, nn, optim, tensor, type Tensor } from "gradlens";

class MLP extends nn.Module {
  fc1 = new nn.Linear(2, 3);
  fc2 = new nn.Linear(3, 1);

  override forward(x: Tensor): Tensor {
    return this.fc2.forward(nn.functional.relu(this.fc1.forward(x)));
  }
}

manualSeed(0);
const model = new MLP();
const x = tensor([
  [0.5, 1.0],
  [-1.0, 2.0],
  [1.5, -0.5],
  [0.0, 0.0],
]);
const y = tensor([[1.0], [0.0], [1.0], [0.5]]);
const opt = new optim.Adam(model.parameters(), { lr: 0.05 });

const losses: number[] = [];
for (let step = 0; step < 25; step++) {
  opt.zeroGrad();
  const loss = nn.mseLoss(model.forward(x), y);
  loss.backward();
  opt.step();
  losses.push(loss.item());
}
console.log(model, model instanceof nn.Module, model.parameters().length);
console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)}`);
console.log(model.fc2.bias);

// expect: model.parameters().length == 4
// expect: model.parameters().map((p) => p.shape) == [[3, 2], [3], [1, 3], [1]]
// expect: losses[24] < losses[0]
