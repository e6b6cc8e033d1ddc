/**
 * `torch.nn`'s recurrent layers in Python (appended to torchNn's source, so they share its
 * globals): `RNNCell`, `LSTMCell`, `GRUCell` and the sequence layers `RNN`, `LSTM`, `GRU` with
 * num_layers, batch_first, bidirectional and dropout between layers. Each step is built from
 * tensor operations in the order PyTorch 1.13's CPU kernels run them (ATen's cells: the hidden
 * projection plus the input projection, the gates chunked from one matrix product; the full
 * layers project the whole sequence through weight_ih at once, stack the step outputs and the
 * last states), so the values round as PyTorch's do and the graph shows every gate. Parameters
 * are made in PyTorch's order and drawn uniformly in ±1/√hidden_size as its reset_parameters
 * draws them, so a seeded model starts from PyTorch's numbers.
 */
export const TORCH_NN_RNN_SOURCE = `
import warnings

def _check_cell_input(input, input_size):
    if input.size(1) != input_size:
        raise RuntimeError(f'input has inconsistent input_size: got {input.size(1)} expected {input_size}')


def _check_cell_hidden(input, hx, hidden_size, index):
    if input.size(0) != hx.size(0):
        raise RuntimeError(f"Input batch size {input.size(0)} doesn't match hidden{index} batch size {hx.size(0)}")
    if hx.size(1) != hidden_size:
        raise RuntimeError(f'hidden{index} has inconsistent hidden_size: got {hx.size(1)}, expected {hidden_size}')


def _simple_cell(x_proj, hx, w_hh, b_hh, nonlinearity):
    # ATen's SimpleCell: the hidden projection, plus the input's, through the nonlinearity
    pre = F.linear(hx, w_hh, b_hh) + x_proj
    return torch.tanh(pre) if nonlinearity == 'tanh' else torch.relu(pre)


def _lstm_cell(x_proj, hx, cx, w_hh, b_hh):
    gates = F.linear(hx, w_hh, b_hh) + x_proj
    i, f, g, o = gates.chunk(4, 1)
    i = torch.sigmoid(i)
    f = torch.sigmoid(f)
    g = torch.tanh(g)
    o = torch.sigmoid(o)
    cy = f * cx + i * g
    hy = o * torch.tanh(cy)
    return hy, cy


def _gru_cell(x_proj, hx, w_hh, b_hh):
    xr, xz, xn = x_proj.chunk(3, 1)
    hr, hz, hn = F.linear(hx, w_hh, b_hh).chunk(3, 1)
    r = torch.sigmoid(hr + xr)
    z = torch.sigmoid(hz + xz)
    n = torch.tanh(xn + hn * r)
    return (hx - n) * z + n


class RNNCellBase(Module):
    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.weight_ih = Parameter(torch.empty((num_chunks * hidden_size, input_size), dtype=dtype))
        self.weight_hh = Parameter(torch.empty((num_chunks * hidden_size, hidden_size), dtype=dtype))
        if bias:
            self.bias_ih = Parameter(torch.empty(num_chunks * hidden_size, dtype=dtype))
            self.bias_hh = Parameter(torch.empty(num_chunks * hidden_size, dtype=dtype))
        else:
            self.register_parameter('bias_ih', None)
            self.register_parameter('bias_hh', None)
        self.reset_parameters()

    def extra_repr(self):
        s = f'{self.input_size}, {self.hidden_size}'
        if self.bias is not True:
            s += f', bias={self.bias}'
        if getattr(self, 'nonlinearity', 'tanh') != 'tanh':
            s += f', nonlinearity={self.nonlinearity}'
        return s

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def _batched(self, input):
        if input.dim() not in (1, 2):
            raise AssertionError(f'{type(self).__name__}: Expected input to be 1-D or 2-D but received {input.dim()}-D tensor')
        return input.dim() == 2


class RNNCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, nonlinearity='tanh', device=None, dtype=None):
        self.nonlinearity = nonlinearity
        super().__init__(input_size, hidden_size, bias, num_chunks=1, dtype=dtype)

    def forward(self, input, hx=None):
        is_batched = self._batched(input)
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = torch.zeros(input.size(0), self.hidden_size, dtype=input.dtype)
        elif not is_batched:
            hx = hx.unsqueeze(0)
        if self.nonlinearity not in ('tanh', 'relu'):
            raise RuntimeError(f'Unknown nonlinearity: {self.nonlinearity}')
        _check_cell_input(input, self.input_size)
        _check_cell_hidden(input, hx, self.hidden_size, '0')
        ret = _simple_cell(F.linear(input, self.weight_ih, self.bias_ih), hx, self.weight_hh, self.bias_hh,
                           self.nonlinearity)
        if not is_batched:
            ret = ret.squeeze(0)
        return ret


class LSTMCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=4, dtype=dtype)

    def forward(self, input, hx=None):
        is_batched = self._batched(input)
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            zeros = torch.zeros(input.size(0), self.hidden_size, dtype=input.dtype)
            hx = (zeros, zeros)
        elif not is_batched:
            hx = (hx[0].unsqueeze(0), hx[1].unsqueeze(0))
        _check_cell_input(input, self.input_size)
        _check_cell_hidden(input, hx[0], self.hidden_size, '0')
        _check_cell_hidden(input, hx[1], self.hidden_size, '1')
        hy, cy = _lstm_cell(F.linear(input, self.weight_ih, self.bias_ih), hx[0], hx[1], self.weight_hh, self.bias_hh)
        if not is_batched:
            return hy.squeeze(0), cy.squeeze(0)
        return hy, cy


class GRUCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=3, dtype=dtype)

    def forward(self, input, hx=None):
        is_batched = self._batched(input)
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = torch.zeros(input.size(0), self.hidden_size, dtype=input.dtype)
        elif not is_batched:
            hx = hx.unsqueeze(0)
        _check_cell_input(input, self.input_size)
        _check_cell_hidden(input, hx, self.hidden_size, '0')
        ret = _gru_cell(F.linear(input, self.weight_ih, self.bias_ih), hx, self.weight_hh, self.bias_hh)
        if not is_batched:
            ret = ret.squeeze(0)
        return ret


class RNNBase(Module):
    def __init__(self, mode, input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
                 dropout=0.0, bidirectional=False, proj_size=0, device=None, dtype=None):
        super().__init__()
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        num_directions = 2 if bidirectional else 1
        if not isinstance(dropout, (int, float)) or isinstance(dropout, bool) or not 0 <= dropout <= 1:
            raise ValueError('dropout should be a number in range [0, 1] representing the probability of an element being zeroed')
        if dropout > 0 and num_layers == 1:
            warnings.warn('dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects '
                          f'num_layers greater than 1, but got dropout={dropout} and num_layers={num_layers}')
        if proj_size < 0:
            raise ValueError('proj_size should be a positive integer or zero to disable projections')
        if proj_size >= hidden_size:
            raise ValueError('proj_size has to be smaller than hidden_size')
        if proj_size != 0:
            raise NotImplementedError('GradLens does not support LSTM(proj_size=...)')
        if mode == 'LSTM':
            gate_size = 4 * hidden_size
        elif mode == 'GRU':
            gate_size = 3 * hidden_size
        elif mode == 'RNN_TANH' or mode == 'RNN_RELU':
            gate_size = hidden_size
        else:
            raise ValueError('Unrecognized RNN mode: ' + mode)
        self._flat_weights_names = []
        for layer in range(num_layers):
            for direction in range(num_directions):
                layer_input_size = input_size if layer == 0 else hidden_size * num_directions
                suffix = '_reverse' if direction == 1 else ''
                names = [f'weight_ih_l{layer}{suffix}', f'weight_hh_l{layer}{suffix}']
                shapes = [(gate_size, layer_input_size), (gate_size, hidden_size)]
                if bias:
                    names += [f'bias_ih_l{layer}{suffix}', f'bias_hh_l{layer}{suffix}']
                    shapes += [(gate_size,), (gate_size,)]
                for name, shape in zip(names, shapes):
                    setattr(self, name, Parameter(torch.empty(shape, dtype=dtype)))
                self._flat_weights_names.extend(names)
        self.reset_parameters()

    @property
    def _flat_weights(self):
        return [getattr(self, name) for name in self._flat_weights_names]

    @property
    def all_weights(self):
        per = 4 if self.bias else 2
        weights = self._flat_weights
        return [weights[i:i + per] for i in range(0, len(weights), per)]

    def flatten_parameters(self):
        pass

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def extra_repr(self):
        s = f'{self.input_size}, {self.hidden_size}'
        if self.proj_size != 0:
            s += f', proj_size={self.proj_size}'
        if self.num_layers != 1:
            s += f', num_layers={self.num_layers}'
        if self.bias is not True:
            s += f', bias={self.bias}'
        if self.batch_first is not False:
            s += f', batch_first={self.batch_first}'
        if self.dropout != 0:
            s += f', dropout={self.dropout}'
        if self.bidirectional is not False:
            s += f', bidirectional={self.bidirectional}'
        return s

    def check_input(self, input):
        if input.dim() != 3:
            raise RuntimeError(f'input must have 3 dimensions, got {input.dim()}')
        if self.input_size != input.size(-1):
            raise RuntimeError(f'input.size(-1) must be equal to input_size. Expected {self.input_size}, got {input.size(-1)}')

    def expected_hidden_size(self, input):
        mini_batch = input.size(0) if self.batch_first else input.size(1)
        num_directions = 2 if self.bidirectional else 1
        return (self.num_layers * num_directions, mini_batch, self.hidden_size)

    def check_hidden_size(self, hx, expected, msg='Expected hidden size {}, got {}'):
        if tuple(hx.size()) != expected:
            raise RuntimeError(msg.format(expected, list(hx.size())))

    def _unbatched(self, input):
        if type(input).__name__ == 'PackedSequence':
            raise NotImplementedError('GradLens does not run recurrent layers on a PackedSequence')
        is_batched = input.dim() == 3
        if not is_batched:
            input = input.unsqueeze(0 if self.batch_first else 1)
        return input, is_batched

    def _run(self, input, states):
        # ATen's full layers: time-major input, every layer and direction over the whole
        # sequence; states[k] is the k-th (layer, direction)'s start state, a tuple (h,) or (h, c)
        if self.batch_first:
            input = input.transpose(0, 1)
        num_directions = 2 if self.bidirectional else 1
        per = 4 if self.bias else 2
        weights = self._flat_weights
        finals = []
        layer_input = input
        for layer in range(self.num_layers):
            outputs = []
            for direction in range(num_directions):
                k = layer * num_directions + direction
                w = weights[k * per:(k + 1) * per]
                w_ih, w_hh = w[0], w[1]
                b_ih, b_hh = (w[2], w[3]) if self.bias else (None, None)
                steps = F.linear(layer_input, w_ih, b_ih).unbind(0)
                state = states[k]
                out = [None] * len(steps)
                order = range(len(steps) - 1, -1, -1) if direction == 1 else range(len(steps))
                for t in order:
                    if self.mode == 'LSTM':
                        state = _lstm_cell(steps[t], state[0], state[1], w_hh, b_hh)
                    elif self.mode == 'GRU':
                        state = (_gru_cell(steps[t], state[0], w_hh, b_hh),)
                    else:
                        state = (_simple_cell(steps[t], state[0], w_hh, b_hh,
                                              'tanh' if self.mode == 'RNN_TANH' else 'relu'),)
                    out[t] = state[0]
                outputs.append(torch.stack(out, 0))
                finals.append(state)
            layer_input = outputs[0] if num_directions == 1 else torch.cat(outputs, -1)
            if self.dropout != 0 and self.training and layer < self.num_layers - 1:
                layer_input = F.dropout(layer_input, self.dropout, True)
        output = layer_input
        if self.batch_first:
            output = output.transpose(0, 1)
        return output, [torch.stack([s[i] for s in finals], 0) for i in range(len(finals[0]))]


class RNN(RNNBase):
    def __init__(self, *args, **kwargs):
        if 'proj_size' in kwargs:
            raise ValueError('proj_size argument is only supported for LSTM, not RNN or GRU')
        self.nonlinearity = kwargs.pop('nonlinearity', 'tanh')
        if len(args) > 3:
            self.nonlinearity = args[3]
            args = args[:3] + args[4:]
        if self.nonlinearity == 'tanh':
            mode = 'RNN_TANH'
        elif self.nonlinearity == 'relu':
            mode = 'RNN_RELU'
        else:
            raise ValueError(f"Unknown nonlinearity '{self.nonlinearity}'")
        super().__init__(mode, *args, **kwargs)

    def forward(self, input, hx=None):
        input, is_batched = self._unbatched(input)
        if hx is not None:
            if not is_batched:
                if hx.dim() != 2:
                    raise RuntimeError(f'For unbatched 2-D input, hx should also be 2-D but got {hx.dim()}-D tensor')
                hx = hx.unsqueeze(1)
            elif hx.dim() != 3:
                raise RuntimeError(f'For batched 3-D input, hx should also be 3-D but got {hx.dim()}-D tensor')
        if hx is None:
            hx = torch.zeros(self.expected_hidden_size(input) if input.dim() == 3 else (1,), dtype=input.dtype)
        self.check_input(input)
        self.check_hidden_size(hx, self.expected_hidden_size(input))
        output, (h_n,) = self._run(input, [(h,) for h in hx.unbind(0)])
        if not is_batched:
            output = output.squeeze(1)
            h_n = h_n.squeeze(1)
        return output, h_n


class GRU(RNNBase):
    def __init__(self, *args, **kwargs):
        if 'proj_size' in kwargs:
            raise ValueError('proj_size argument is only supported for LSTM, not RNN or GRU')
        super().__init__('GRU', *args, **kwargs)

    forward = RNN.forward


class LSTM(RNNBase):
    def __init__(self, *args, **kwargs):
        super().__init__('LSTM', *args, **kwargs)

    def forward(self, input, hx=None):
        input, is_batched = self._unbatched(input)
        if hx is None:
            size = self.expected_hidden_size(input) if input.dim() == 3 else (1,)
            hx = (torch.zeros(size, dtype=input.dtype), torch.zeros(size, dtype=input.dtype))
        elif is_batched:
            if hx[0].dim() != 3 or hx[1].dim() != 3:
                raise RuntimeError(f'For batched 3-D input, hx and cx should also be 3-D but got ({hx[0].dim()}-D, {hx[1].dim()}-D) tensors')
        else:
            if hx[0].dim() != 2 or hx[1].dim() != 2:
                raise RuntimeError(f'For unbatched 2-D input, hx and cx should also be 2-D but got ({hx[0].dim()}-D, {hx[1].dim()}-D) tensors')
            hx = (hx[0].unsqueeze(1), hx[1].unsqueeze(1))
        self.check_input(input)
        expected = self.expected_hidden_size(input)
        self.check_hidden_size(hx[0], expected, 'Expected hidden[0] size {}, got {}')
        self.check_hidden_size(hx[1], expected, 'Expected hidden[1] size {}, got {}')
        output, (h_n, c_n) = self._run(input, list(zip(hx[0].unbind(0), hx[1].unbind(0))))
        if not is_batched:
            output = output.squeeze(1)
            h_n, c_n = h_n.squeeze(1), c_n.squeeze(1)
        return output, (h_n, c_n)
`;
