# A linear classifier with cross-entropy, PyTorch style: logits = X @ W + b for 3 classes.
# logits.retain_grad() keeps the gradient of an intermediate tensor, so the graph and the hover
# show ∂loss/∂logits = (softmax(logits) − onehot(target)) / N flowing into W and b.
import torch
import torch.nn.functional as F

# float64 throughout (PyTorch's default is float32), so the numbers match a plain-Python
# check of the same computation to the last digits
torch.set_default_dtype(torch.float64)

X = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.5, -1.5]])
target = torch.tensor([2, 0, 1])
W = torch.tensor([[0.2, -0.2, 0.4], [0.3, 0.5, -0.2]], requires_grad=True)
b = torch.tensor([0.1, 0.0, -0.1], requires_grad=True)

logits = X @ W + b
logits.retain_grad()
loss = F.cross_entropy(logits, target)
loss.backward()

probs = F.softmax(logits, dim=1)
pred = logits.argmax(dim=1)
print("loss:", loss.item())
print("predicted classes:", pred.tolist(), "targets:", target.tolist())
print("∂loss/∂W =", W.grad)

# Derived independently in plain Python (float64 softmax and its gradient):
# expect: loss.item() == 1.588908943720571
# expect: probs[0, 0].item() == 0.4400020160666845
# expect: W.grad[0, 0].item() == 0.41750995658784
# expect: W.grad[1, 2].item() == -0.8063502855879705
# expect: b.grad[2].item() == -0.03732964461830718
# expect: logits.grad[1, 0].item() == -0.22273357924156523
# expect: pred.tolist() == [0, 1, 2]
