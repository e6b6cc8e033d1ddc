# Recurrent cells and layers from seeded default initialisation: every digit of the outputs,
# final states and parameter gradients, as PyTorch 1.13 computes them in float32.
import torch
import torch.nn as nn


def digits(t):
    return [repr(v) for v in t.detach().reshape(-1).tolist()]


def report(name, model, outputs):
    # (PyTorch transposes a batch_first RNN's or GRU's output in place: TransposeBackward1)
    named = not getattr(model, 'batch_first', False)
    loss = sum((o * o).sum() * (i + 1) for i, o in enumerate(outputs))
    loss.backward()
    print(name, model)
    for o in outputs:
        print('  out', tuple(o.shape), o.grad_fn.name() if named else '', digits(o)[:6])
    print('  loss', repr(loss.item()))
    for n, p in model.named_parameters():
        print('  grad', n, tuple(p.shape), digits(p.grad)[:4])


for dtype in [torch.float32]:
    torch.manual_seed(0)
    x = torch.randn(5, 3, 4, dtype=dtype)
    for make in [lambda: nn.RNNCell(4, 3), lambda: nn.RNNCell(4, 3, nonlinearity='relu', bias=False),
                 lambda: nn.LSTMCell(4, 3), lambda: nn.GRUCell(4, 3)]:
        cell = make().to(dtype)
        out = cell(x[0])
        out = out if isinstance(out, tuple) else (out,)
        h = cell(x[1], out if len(out) == 2 else out[0])
        h = h if isinstance(h, tuple) else (h,)
        report('cell', cell, list(h))
    # an unbatched step
    cell = nn.LSTMCell(4, 3).to(dtype)
    h, c = cell(x[0, 0])
    print('unbatched', tuple(h.shape), digits(h), digits(c))
    for make in [lambda: nn.RNN(4, 3), lambda: nn.LSTM(4, 3), lambda: nn.GRU(4, 3),
                 lambda: nn.RNN(4, 3, num_layers=2, nonlinearity='relu'),
                 lambda: nn.LSTM(4, 3, num_layers=2, bidirectional=True),
                 lambda: nn.GRU(4, 3, batch_first=True, bidirectional=True, bias=False),
                 lambda: nn.LSTM(4, 5, batch_first=True)]:
        model = make().to(dtype)
        out, hidden = model(x)
        hidden = hidden if isinstance(hidden, tuple) else (hidden,)
        report('layer', model, [out] + list(hidden))
    # given start states, and an unbatched sequence
    lstm = nn.LSTM(4, 3, num_layers=2).to(dtype)
    h0 = torch.randn(2, 3, 3, dtype=dtype)
    c0 = torch.randn(2, 3, 3, dtype=dtype)
    out, (h, c) = lstm(x, (h0, c0))
    print('given', digits(out)[-3:], digits(h)[:3], digits(c)[:3])
    out, (h, c) = lstm(x[:, 0], (h0[:, 0], c0[:, 0]))
    print('unbatched', tuple(out.shape), tuple(h.shape), digits(out)[-3:])
    gru = nn.GRU(4, 3).to(dtype)
    out, h = gru(x[:, 1])
    print('unbatched', tuple(out.shape), tuple(h.shape), digits(h))
