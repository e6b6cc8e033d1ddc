# A GRU reads short token sequences (embedded) and classifies them; the last hidden state of a
# two-layer bidirectional GRU feeds a linear head. SGD with momentum, every digit of the losses.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)
vocab, classes = 12, 3
tokens = torch.randint(0, vocab, (16, 6))
labels = tokens.sum(1) % classes


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(vocab, 8)
        self.gru = nn.GRU(8, 10, num_layers=2, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(20, classes)

    def forward(self, x):
        _, h = self.gru(self.embed(x))
        return self.fc(torch.cat([h[-2], h[-1]], dim=1))


model = Classifier()
print(model)
print(sum(p.numel() for p in model.parameters()))
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for step in range(8):
    opt.zero_grad()
    loss = F.cross_entropy(model(tokens), labels)
    loss.backward()
    opt.step()
    print(step, repr(loss.item()))
print(model(tokens).argmax(1).tolist())
print(labels.tolist())

# an RNNCell unrolled by hand, as the tutorials write it
cell = nn.RNNCell(8, 5)
h = torch.zeros(16, 5)
for t in range(tokens.size(1)):
    h = cell(model.embed(tokens[:, t]), h)
print([repr(v) for v in h[0].tolist()])
