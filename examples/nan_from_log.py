# A NaN from log(0): x * log(x) is 0 * -inf at x = 0, which is NaN, and the NaN flows into
# everything after it. GradLens marks the operation that made the first non-finite value.
import math
import torch

x = torch.tensor([0.0, 0.5, 1.0], dtype=torch.float64, requires_grad=True)
entropy_terms = x * torch.log(x)  # log(0) = -inf, then 0 * -inf = nan
loss = -entropy_terms.sum()
loss.backward()
print(loss.item(), x.grad)

# d/dx (x log x) = log(x) + 1: -inf at 0; at 0.5 it is log(0.5) + 1 and at 1 it is 1.
# The loss is -sum(...), so its gradient is the negative of those; at x = 0 the backward pass
# meets 0 * -inf again and gives nan.
# expect: math.isnan(loss.item()) == True
# expect: x.grad[1].item() == -0.3068528194400547
# expect: x.grad[2].item() == -1.0
# expect-diagnostic: nan
