# nn.RNN/LSTM/GRU and their cells: reprs, parameter names and shapes, and PyTorch's messages for
# inputs and states of the wrong size.
import torch, torch.nn as nn
print(nn.RNNCell(3, 4), nn.RNNCell(3, 4, bias=False, nonlinearity='relu'), nn.LSTMCell(3, 4), nn.GRUCell(3, 4, bias=False))
print(nn.RNN(3, 4), nn.LSTM(3, 4, num_layers=2, batch_first=True, dropout=0.5, bidirectional=True), nn.GRU(3, 4, bias=False))
print(nn.RNN(3, 4, nonlinearity='relu'))
m = nn.LSTM(3, 4, 2, bidirectional=True)
print([(n, tuple(p.shape)) for n, p in m.named_parameters()])
print(m._flat_weights_names)
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(3, 4)
        self.fc = nn.Linear(4, 1)
print(M())
for bad in [lambda: nn.LSTM(3, 4)(torch.zeros(2, 2, 5)), lambda: nn.LSTM(3, 4)(torch.zeros(2, 2, 3), (torch.zeros(1, 2, 5), torch.zeros(1, 2, 4))),
            lambda: nn.RNN(3, 4)(torch.zeros(2, 2, 3), torch.zeros(2, 2, 4)), lambda: nn.RNN(3,4)(torch.zeros(3)), lambda: nn.RNNCell(3, 4)(torch.zeros(2, 5)),
            lambda: nn.RNNCell(3, 4)(torch.zeros(2, 3), torch.zeros(3, 4)), lambda: nn.RNN(3, 4, nonlinearity='x'), lambda: nn.RNNCell(3, 4)(torch.zeros(1,2,3)),
            lambda: nn.GRU(3, 4)(torch.zeros(2, 3), torch.zeros(1, 2, 4)), lambda: nn.LSTM(3, 4)(torch.zeros(2, 2, 3), torch.zeros(1, 2, 4))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
