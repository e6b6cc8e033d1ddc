import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * The recurrent layers' gradients come from the engine's ops (torchNnRnn.ts); here they are
 * checked against float64 central differences of the loss, for the input and every fifth entry
 * of every parameter. Their values are compared with PyTorch's in torchPrograms/rnn_values.py.
 */
const PROGRAM = `import torch
import torch.nn as nn

torch.manual_seed(3)
x = torch.randn(4, 2, 3, dtype=torch.float64, requires_grad=True)
models = [nn.RNNCell(3, 4), nn.LSTMCell(3, 4), nn.GRUCell(3, 4, bias=False),
          nn.RNN(3, 4, num_layers=2, nonlinearity='relu'),
          nn.LSTM(3, 4, num_layers=2, bidirectional=True),
          nn.GRU(3, 4, batch_first=True, bidirectional=True)]
for model in models:
    model.double()

    def loss_fn():
        if isinstance(model, nn.RNNCellBase):
            h = None
            total = 0
            for t in range(x.size(0)):
                h = model(x[t], h)
                total = total + ((h[0] if isinstance(h, tuple) else h) * (t + 1)).sin().sum()
            return total
        out, hidden = model(x)
        hidden = hidden if isinstance(hidden, tuple) else (hidden,)
        return out.sin().sum() + sum((s * s).sum() for s in hidden)

    model.zero_grad()
    x.grad = None
    loss_fn().backward()
    worst = 0.0
    for t in [x] + list(model.parameters()):
        flat = t.detach().view(-1)
        for i in range(0, flat.numel(), 5):
            old = flat[i].item()
            with torch.no_grad():
                flat[i] = old + 1e-6
                up = loss_fn().item()
                flat[i] = old - 1e-6
                down = loss_fn().item()
                flat[i] = old
            numeric = (up - down) / 2e-6
            analytic = t.grad.view(-1)[i].item()
            worst = max(worst, abs(numeric - analytic) / max(1.0, abs(numeric)))
    print(type(model).__name__, worst)
`;

describe("recurrent layers' gradients", () => {
  it("agree with float64 central differences for every cell and layer", () => {
    const trace = runProgram(PROGRAM);
    expect(trace.diagnostics.map((d) => d.message)).toEqual([]);
    const lines = trace.stdout.trim().split("\n");
    expect(lines.map((l) => l.split(" ")[0])).toEqual([
      "RNNCell",
      "LSTMCell",
      "GRUCell",
      "RNN",
      "LSTM",
      "GRU",
    ]);
    for (const line of lines) expect(Number(line.split(" ")[1])).toBeLessThan(1e-7);
  }, 60_000);
});
