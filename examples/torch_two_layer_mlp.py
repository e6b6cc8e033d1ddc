# A two-layer MLP in PyTorch style: nn.Linear, F.relu, F.mse_loss and three steps of optim.SGD.
# Hover model, loss or a weight to see its value and gradient; the graph shows each layer's
# matrix product, the ReLU and the loss, with the gradient tensor flowing back along every edge.
import torch
import torch.nn as nn
import torch.nn.functional as F

# float64 throughout (PyTorch's default is float32), so the numbers match a plain-Python
# check of the same computation to the last digits
torch.set_default_dtype(torch.float64)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 3)
        self.fc2 = nn.Linear(3, 1)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


torch.manual_seed(0)
model = MLP()
# Fixed starting weights, so the numbers below can be checked by hand
# (without this block nn.Linear draws them from the seeded generator).
with torch.no_grad():
    model.fc1.weight.copy_(torch.tensor([[0.5, -0.3], [0.8, 0.2], [-0.4, 0.6]]))
    model.fc1.bias.copy_(torch.tensor([0.1, -0.1, 0.05]))
    model.fc2.weight.copy_(torch.tensor([[0.7, -0.5, 0.3]]))
    model.fc2.bias.copy_(torch.tensor([0.2]))

X = torch.tensor([[1.0, 1.5], [0.5, -1.0], [-1.5, 0.5], [2.0, 1.0]])
y = torch.tensor([[1.0], [0.0], [0.5], [2.0]])
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

losses = []
for step in range(3):
    optimizer.zero_grad()
    pred = model(X)
    loss = F.mse_loss(pred, y)
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    print(f"step {step}: loss = {loss.item():.6f}")

# Derived independently in plain Python (float64 loops over the same weights and data; every
# hidden pre-activation stays at least 0.06 away from ReLU's kink, so rounding cannot flip a
# mask): the loss falls 1.448812 → 0.412620 → 0.277323; the last step's gradients and
# the weights after it follow.
# expect: losses[0] == 1.4488124999999998
# expect: losses[1] == 0.4126195253876405
# expect: losses[2] == 0.27732294872710583
# expect: model.fc2.bias.grad.item() == 0.22730215038121937
# expect: model.fc1.weight.grad[0, 1].item() == -0.5377564412039946
# expect: model.fc1.weight[0, 0].item() == 0.7657809341672646
# expect: model.fc2.weight[0, 1].item() == -0.1794950378530925
