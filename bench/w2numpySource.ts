import { pyFloat } from "./w2pySource";
import type { W2Data } from "./workloads";

/**
 * W2 as the Python a learner writes with arrays: MLP(2,[16,16,1]) on W2's 100 points with W2's
 * initial weights, the demo's max-margin loss plus L2, one SGD step per loop iteration (the
 * demo's learning-rate schedule), printing each step's loss. Two versions with the same
 * forward pass: numpy with the backward pass written by hand, and torch with autograd.
 */

const list = (xs: readonly number[]) => `[${xs.map(pyFloat).join(", ")}]`;

/** The weights of layer `l` as rows of inputs × columns of neurons, and the biases. */
function layers(d: W2Data): { W: number[][]; b: number[] }[] {
  const out: { W: number[][]; b: number[] }[] = [];
  let p = 0;
  for (let l = 1; l < d.sizes.length; l++) {
    const nin = d.sizes[l - 1];
    const nout = d.sizes[l];
    const W = Array.from({ length: nin }, () => new Array<number>(nout).fill(0));
    const b = new Array<number>(nout).fill(0);
    for (let j = 0; j < nout; j++) {
      for (let i = 0; i < nin; i++) W[i][j] = d.params[p + i];
      b[j] = d.params[p + nin];
      p += nin + 1;
    }
    out.push({ W, b });
  }
  return out;
}

function data(d: W2Data, array: string, extra: (name: string) => string): string {
  const ls = layers(d);
  const lines = [
    `X = ${array}([${d.X.map(list).join(", ")}])`,
    `y = ${array}(${list(d.y)})`,
    ...ls.flatMap((l, k) => [
      `W${k + 1} = ${array}([${l.W.map(list).join(", ")}]${extra(`W${k + 1}`)})`,
      `b${k + 1} = ${array}(${list(l.b)}${extra(`b${k + 1}`)})`,
    ]),
    `alpha = ${pyFloat(d.alpha)}`,
  ];
  return lines.join("\n");
}

export function w2NumpySource(d: W2Data, steps: number): string {
  return `import numpy as np

${data(d, "np.array", () => "")}

for k in range(${steps}):
    z1 = X @ W1 + b1
    h1 = np.maximum(z1, 0)
    z2 = h1 @ W2 + b2
    h2 = np.maximum(z2, 0)
    scores = (h2 @ W3 + b3)[:, 0]
    margins = 1 - y * scores
    data_loss = np.maximum(margins, 0).mean()
    reg_loss = alpha * (np.sum(W1 * W1) + np.sum(b1 * b1) + np.sum(W2 * W2) + np.sum(b2 * b2) + np.sum(W3 * W3) + np.sum(b3 * b3))
    total_loss = data_loss + reg_loss
    # the backward pass, by hand
    dscores = np.where(margins > 0, -y, 0.0) / len(y)
    dW3 = h2.T @ dscores[:, None] + 2 * alpha * W3
    db3 = dscores.sum(keepdims=True) + 2 * alpha * b3
    dz2 = (dscores[:, None] @ W3.T) * (z2 > 0)
    dW2 = h1.T @ dz2 + 2 * alpha * W2
    db2 = dz2.sum(axis=0) + 2 * alpha * b2
    dz1 = (dz2 @ W2.T) * (z1 > 0)
    dW1 = X.T @ dz1 + 2 * alpha * W1
    db1 = dz1.sum(axis=0) + 2 * alpha * b1
    learning_rate = 1.0 - 0.9 * k / 100
    W1 -= learning_rate * dW1
    b1 -= learning_rate * db1
    W2 -= learning_rate * dW2
    b2 -= learning_rate * db2
    W3 -= learning_rate * dW3
    b3 -= learning_rate * db3
    print(repr(float(total_loss)))
`;
}

export function w2TorchSource(d: W2Data, steps: number): string {
  return `import torch
torch.set_default_dtype(torch.float64)

${data(d, "torch.tensor", (name) => (name === "X" ? "" : ", requires_grad=True"))}
params = [W1, b1, W2, b2, W3, b3]

for k in range(${steps}):
    h1 = torch.relu(X @ W1 + b1)
    h2 = torch.relu(h1 @ W2 + b2)
    scores = (h2 @ W3 + b3)[:, 0]
    data_loss = torch.relu(1 - y * scores).mean()
    reg_loss = alpha * sum((p * p).sum() for p in params)
    total_loss = data_loss + reg_loss
    for p in params:
        p.grad = None
    total_loss.backward()
    learning_rate = 1.0 - 0.9 * k / 100
    with torch.no_grad():
        for p in params:
            p -= learning_rate * p.grad
    print(repr(total_loss.item()))
`;
}
