# SGD and Adam on the same problem: fit w so that w * x matches y, from the same start.
# SGD's step is lr × gradient; Adam divides a running mean of the gradient by a running RMS,
# so its first steps all have size ≈ lr whatever the gradient's scale.
import torch

x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
y = torch.tensor([2.0, 4.0, 6.0], dtype=torch.float64)  # the answer is w = 2


def train(optimizer_class, steps=5, lr=0.1):
    w = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    optimizer = optimizer_class([w], lr=lr)
    losses = []
    for _ in range(steps):
        loss = ((w * x - y) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return w, losses


w_sgd, sgd_losses = train(torch.optim.SGD)
w_adam, adam_losses = train(torch.optim.Adam)
print(f"SGD:  w = {w_sgd.item():.4f}, loss {sgd_losses[0]:.4f} -> {sgd_losses[-1]:.4f}")
print(f"Adam: w = {w_adam.item():.4f}, loss {adam_losses[0]:.4f} -> {adam_losses[-1]:.4f}")

# Expectations from the same updates written out in plain Python (PyTorch's documented SGD and
# Adam formulas, float64), not from GradLens:
# expect: w_sgd.item() == 1.999997366255144
# expect: sgd_losses[0] == 18.666666666666668
# expect: sgd_losses[-1] == 7.28344256464571e-09
# expect: w_adam.item() == 0.4970442197248245
# expect: adam_losses[-1] == 11.96915032620322
