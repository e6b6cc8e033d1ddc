import type { W2Data } from "./workloads";

/** A float as a Python float literal (an integral value keeps its `.0`, so it stays a float). */
export const pyFloat = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));

/**
 * The model with W2's initial weights and W2's points as Python lines (`model`, `X`, `y`):
 * plain lists, or numpy arrays when `numpyData` (every Value's data then an `np.float64`).
 */
export function w2Setup(d: W2Data, numpyData = false): string {
  const rows = d.X.map((row) => `[${row.map(pyFloat).join(", ")}]`).join(",\n    ");
  const [open, close] = numpyData ? ["np.array(", ")"] : ["", ""];
  return `model = MLP(${d.sizes[0]}, [${d.sizes.slice(1).join(", ")}])
weights = [${d.params.map(pyFloat).join(", ")}]
for p, w in zip(model.parameters(), weights):
    p.data = w
X = ${open}[
    ${rows},
]${close}
y = ${open}[${d.y.map((v) => String(v)).join(", ")}]${close}
`;
}

/**
 * W2 written as the Python a learner runs: micrograd's demo training loop, `steps` steps of
 * MLP(2,[16,16,1]) on W2's 100 points with W2's initial weights, printing each step's loss.
 */
export function w2pySource(d: W2Data, steps: number): string {
  return `from micrograd.engine import Value
from micrograd.nn import MLP

${w2Setup(d)}
for k in range(${steps}):
    inputs = [list(map(Value, xrow)) for xrow in X]
    scores = list(map(model, inputs))
    losses = [(1 + -yi * scorei).relu() for yi, scorei in zip(y, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    reg_loss = ${pyFloat(d.alpha)} * sum((p * p for p in model.parameters()))
    total_loss = data_loss + reg_loss
    model.zero_grad()
    total_loss.backward()
    learning_rate = 1.0 - 0.9 * k / 100
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    print(repr(total_loss.data))
`;
}
