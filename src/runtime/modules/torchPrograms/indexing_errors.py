# Index tensors that do not broadcast together (makemore part 2 run top to bottom meets this):
# the exception PyTorch raises, and its words.
import torch

prob = torch.zeros(4, 3)
for rows, cols in [(torch.arange(4), torch.tensor([0, 1, 2])), (torch.arange(2), torch.zeros(5, dtype=torch.long))]:
    try:
        print(prob[rows, cols].shape)
    except Exception as e:
        print(type(e).__name__, e)
print(prob[torch.arange(4), torch.tensor([2])].shape)
