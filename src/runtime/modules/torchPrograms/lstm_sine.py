# An LSTM learns to predict the next value of a sine wave (the tutorials' first sequence model).
import math
import torch
import torch.nn as nn

torch.manual_seed(42)

t = torch.linspace(0, 8 * math.pi, 200)
wave = torch.sin(t)
seq_len = 20
xs = torch.stack([wave[i:i + seq_len] for i in range(0, 160, 4)]).unsqueeze(-1)
ys = torch.stack([wave[i + 1:i + seq_len + 1] for i in range(0, 160, 4)]).unsqueeze(-1)


class SineLSTM(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.lstm = nn.LSTM(input_size=1, hidden_size=hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out)


model = SineLSTM()
print(model)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()
for epoch in range(12):
    opt.zero_grad()
    loss = loss_fn(model(xs), ys)
    loss.backward()
    opt.step()
    if epoch % 3 == 0 or epoch == 11:
        print(f"epoch {epoch:2d} loss {loss.item():.6f}", repr(loss.item()))

with torch.no_grad():
    seed = wave[:seq_len].reshape(1, seq_len, 1)
    pred = model(seed)[0, -1, 0].item()
print(f"next after the first window: predicted {pred:.4f}, true {wave[seq_len].item():.4f}")
print(opt.state[model.lstm.weight_ih_l0]['step'], opt.state_dict()['param_groups'][0]['params'])
