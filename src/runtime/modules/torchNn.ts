import { libraryProgram } from "./libraryProgram";
import { PyBuiltin, PyDict, PyInstance, PyList, PyTuple, type PyModule } from "../interpreter/objects";
import { typeError } from "../interpreter/pyErrors";
import { toArguments } from "./torchDevice";
import { TORCH_NN_LAYERS_SOURCE } from "./torchNnLayers";
import { TORCH_NN_RNN_SOURCE } from "./torchNnRnn";
import type { TorchState } from "./torchState";

/**
 * `torch.nn`, written in Python and run as library code (like micrograd.nn), so user classes
 * subclass `nn.Module` with ordinary `__init__`/`forward`/`super()` and `model(x)` calls
 * `forward`. Parameters are found the way PyTorch registers them: the module's own Parameters
 * in assignment order, then each child module's, depth first. `Linear` initialises itself as
 * PyTorch's does, through `nn.init` in the same order (kaiming-uniform with a = √5 for the
 * weight, then uniform ±1/√fan_in for the bias), so a seeded model starts from PyTorch's numbers.
 */
export const TORCH_NN_SOURCE = `
import math

class Module:
    def __init__(self):
        self.training = True

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    def named_children(self):
        return iter([(k, v) for k, v in _members(self) if isinstance(v, Module)])

    def children(self):
        return iter([m for _, m in self.named_children()])

    def _collect(self, prefix, recurse, found):
        for k, v in _members(self):
            if isinstance(v, Parameter) and not any(v is p for _, p in found):
                found.append((prefix + k, v))
        if recurse:
            for k, m in self.named_children():
                m._collect(prefix + k + '.', True, found)

    def named_parameters(self, prefix='', recurse=True):
        found = []
        self._collect(prefix, recurse, found)
        return iter(found)

    def parameters(self, recurse=True):
        return iter([p for _, p in self.named_parameters(recurse=recurse)])

    def zero_grad(self, set_to_none=False):
        # PyTorch 1.13's default keeps the gradient tensors, zeroed and detached
        for p in self.parameters():
            if set_to_none:
                p.grad = None
            elif p.grad is not None:
                p.grad = p.grad.detach()
                p.grad.zero_()

    def train(self, mode=True):
        self.training = mode
        for m in self.children():
            m.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def register_buffer(self, name, tensor, persistent=True):
        names = getattr(self, '_buffer_names', None)
        if names is None:
            names = []
            self._buffer_names = names
        if name not in names:
            names.append(name)
        setattr(self, name, tensor)

    def register_parameter(self, name, param):
        setattr(self, name, param)

    def named_buffers(self, prefix='', recurse=True):
        found = [(prefix + k, getattr(self, k)) for k in getattr(self, '_buffer_names', []) if getattr(self, k) is not None]
        if recurse:
            for k, m in self.named_children():
                found.extend(m.named_buffers(prefix + k + '.', True))
        return iter(found)

    def buffers(self, recurse=True):
        return iter([b for _, b in self.named_buffers(recurse=recurse)])

    def named_modules(self, memo=None, prefix=''):
        found = [(prefix, self)]
        for k, m in self.named_children():
            found.extend(m.named_modules(prefix=prefix + ('.' if prefix else '') + k))
        return iter(found)

    def modules(self):
        return iter([m for _, m in self.named_modules()])

    def apply(self, fn):
        for m in self.children():
            m.apply(fn)
        fn(self)
        return self

    def to(self, *args, **kwargs):
        dtype = _to_dtype(args, kwargs)
        if dtype is not None:
            if not dtype.is_floating_point:
                raise TypeError('nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=' + repr(dtype))
            with torch.no_grad():
                for m in self.modules():
                    for k, v in _members(m):
                        if isinstance(v, torch.Tensor) and v.is_floating_point() and v.dtype != dtype:
                            v.data = v.data.to(dtype)
        return self

    def cuda(self, device=None):
        _to_dtype(('cuda',), {})
        return self

    def cpu(self):
        return self

    def double(self):
        return self.to(torch.float64)

    def float(self):
        return self.to(torch.float32)

    def extra_repr(self):
        return ''

    def __repr__(self):
        extra = self.extra_repr()
        extra_lines = extra.split('\\n') if extra else []
        child_lines = ['(' + k + '): ' + repr(m).replace('\\n', '\\n  ') for k, m in self.named_children()]
        lines = extra_lines + child_lines
        text = type(self).__name__ + '('
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                text += extra_lines[0]
            else:
                text += '\\n  ' + '\\n  '.join(lines) + '\\n'
        return text + ')'

class Linear(Module):
    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(torch.empty((out_features, in_features), dtype=dtype))
        if bias:
            self.bias = Parameter(torch.empty(out_features, dtype=dtype))
        else:
            self.bias = None
        self.reset_parameters()

    def reset_parameters(self):
        # PyTorch's order: the weight's kaiming-uniform draws, then the bias's uniform ones
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        return F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        return f'in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}'

def _pair(v):
    return tuple(v) if isinstance(v, (tuple, list)) else (v, v)

class Conv2d(Module):
    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
                 groups=1, bias=True, padding_mode='zeros', device=None, dtype=None):
        super().__init__()
        if groups <= 0:
            raise ValueError('groups must be a positive integer')
        if in_channels % groups != 0:
            raise ValueError('in_channels must be divisible by groups')
        if out_channels % groups != 0:
            raise ValueError('out_channels must be divisible by groups')
        if padding_mode != 'zeros':
            raise NotImplementedError("GradLens pads a convolution with zeros only (padding_mode='zeros')")
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = _pair(kernel_size)
        self.stride = _pair(stride)
        self.padding = padding if isinstance(padding, str) else _pair(padding)
        self.dilation = _pair(dilation)
        self.groups = groups
        self.padding_mode = padding_mode
        self.weight = Parameter(torch.empty((out_channels, in_channels // groups) + self.kernel_size, dtype=dtype))
        if bias:
            self.bias = Parameter(torch.empty(out_channels, dtype=dtype))
        else:
            self.bias = None
        self.reset_parameters()

    def reset_parameters(self):
        # as Linear's: the weight's kaiming-uniform draws, then the bias's uniform ones
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            if fan_in != 0:
                bound = 1 / math.sqrt(fan_in)
                init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        return F.conv2d(input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)

    def extra_repr(self):
        s = f'{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, stride={self.stride}'
        if self.padding != (0, 0):
            s += f', padding={self.padding!r}' if isinstance(self.padding, str) else f', padding={self.padding}'
        if self.dilation != (1, 1):
            s += f', dilation={self.dilation}'
        if self.groups != 1:
            s += f', groups={self.groups}'
        if self.bias is None:
            s += ', bias=False'
        return s

class MaxPool2d(Module):
    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if (stride is not None) else kernel_size
        self.padding = padding
        self.dilation = dilation
        self.return_indices = return_indices
        self.ceil_mode = ceil_mode

    def forward(self, input):
        return F.max_pool2d(input, self.kernel_size, self.stride, self.padding, self.dilation,
                            ceil_mode=self.ceil_mode, return_indices=self.return_indices)

    def extra_repr(self):
        return (f'kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, '
                f'dilation={self.dilation}, ceil_mode={self.ceil_mode}')

class Sequential(Module):
    def __init__(self, *args):
        super().__init__()
        for i, m in enumerate(args):
            setattr(self, str(i), m)

    def forward(self, input):
        for m in self.children():
            input = m(input)
        return input

    def __getitem__(self, i):
        return list(self.children())[i]

    def __len__(self):
        return len(list(self.children()))

    def __iter__(self):
        return self.children()

    def append(self, module):
        setattr(self, str(len(self)), module)
        return self

class ModuleList(Module):
    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            for m in modules:
                self.append(m)

    def __getitem__(self, i):
        return list(self.children())[i]

    def __len__(self):
        return len(list(self.children()))

    def __iter__(self):
        return self.children()

    def append(self, module):
        setattr(self, str(len(self)), module)
        return self

    def __repr__(self):
        # runs of modules that print alike are shown once, as PyTorch 2 does: (0-1): 2 x Linear(...)
        texts = [repr(m) for m in self]
        if not texts:
            return 'ModuleList()'
        runs = []
        for i, text in enumerate(texts):
            if runs and runs[-1][2] == text:
                runs[-1][1] = i
            else:
                runs.append([i, i, text])
        lines = []
        for first, last, text in runs:
            head = f'({first})' if first == last else f'({first}-{last}): {last - first + 1} x'
            lines.append((head + (': ' if first == last else ' ') + text).replace('\\n', '\\n  '))
        return 'ModuleList(\\n  ' + '\\n  '.join(lines) + '\\n)'

class Identity(Module):
    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, input):
        return input

class ReLU(Module):
    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.relu(input)

    def extra_repr(self):
        return 'inplace=True' if self.inplace else ''

class Tanh(Module):
    def forward(self, input):
        return torch.tanh(input)

class Sigmoid(Module):
    def forward(self, input):
        return torch.sigmoid(input)

class LeakyReLU(Module):
    def __init__(self, negative_slope=0.01, inplace=False):
        super().__init__()
        self.negative_slope = negative_slope

    def forward(self, input):
        return F.leaky_relu(input, self.negative_slope)

    def extra_repr(self):
        return f'negative_slope={self.negative_slope}'

class Softmax(Module):
    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.softmax(input, self.dim)

    def extra_repr(self):
        return f'dim={self.dim}'

class LogSoftmax(Softmax):
    def forward(self, input):
        return F.log_softmax(input, self.dim)

class Flatten(Module):
    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def forward(self, input):
        return input.flatten(self.start_dim, self.end_dim)

    def extra_repr(self):
        return f'start_dim={self.start_dim}, end_dim={self.end_dim}'

class Dropout(Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        self.p = p
        self.inplace = inplace

    def forward(self, input):
        return F.dropout(input, self.p, self.training)

    def extra_repr(self):
        return f'p={self.p}, inplace={self.inplace}'

class _Loss(Module):
    def __init__(self, size_average=None, reduce=None, reduction='mean'):
        super().__init__()
        self.reduction = reduction

class MSELoss(_Loss):
    def forward(self, input, target):
        return F.mse_loss(input, target, reduction=self.reduction)

class SmoothL1Loss(_Loss):
    def __init__(self, size_average=None, reduce=None, reduction='mean', beta=1.0):
        super().__init__(reduction=reduction)
        self.beta = beta

    def forward(self, input, target):
        return F.smooth_l1_loss(input, target, reduction=self.reduction, beta=self.beta)

class BCELoss(_Loss):
    def __init__(self, weight=None, size_average=None, reduce=None, reduction='mean'):
        super().__init__(reduction=reduction)
        self.weight = weight

    def forward(self, input, target):
        return F.binary_cross_entropy(input, target, weight=self.weight, reduction=self.reduction)

class BCEWithLogitsLoss(_Loss):
    def __init__(self, weight=None, size_average=None, reduce=None, reduction='mean', pos_weight=None):
        super().__init__(reduction=reduction)
        self.weight = weight
        self.pos_weight = pos_weight

    def forward(self, input, target):
        return F.binary_cross_entropy_with_logits(input, target, weight=self.weight, reduction=self.reduction, pos_weight=self.pos_weight)

class NLLLoss(_Loss):
    def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean'):
        super().__init__(reduction=reduction)
        self.weight = weight
        self.ignore_index = ignore_index

    def forward(self, input, target):
        return F.nll_loss(input, target, weight=self.weight, ignore_index=self.ignore_index, reduction=self.reduction)

class CrossEntropyLoss(_Loss):
    def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0):
        super().__init__(reduction=reduction)
        self.weight = weight
        self.ignore_index = ignore_index
        self.label_smoothing = label_smoothing

    def forward(self, input, target):
        return F.cross_entropy(input, target, weight=self.weight, ignore_index=self.ignore_index, reduction=self.reduction, label_smoothing=self.label_smoothing)
`;

/** `_members(obj)`: an instance's attributes in assignment order (PyTorch's registration order). */
const members = new PyBuiltin("_members", ([obj]) => {
  if (!(obj instanceof PyInstance)) throw typeError("_members() expects an object");
  return new PyList([...obj.attrs].map(([k, v]) => new PyTuple([k, v])));
});

/** `_to_dtype(args, kwargs)`: the dtype a `Module.to(...)` call asks for (None for none); other devices fail. */
const toDtype = (s: TorchState) =>
  new PyBuiltin("_to_dtype", ([args, kwargs]) => {
    const positional = args instanceof PyTuple ? args.items : [];
    const named =
      kwargs instanceof PyDict
        ? new Map([...kwargs.entries.values()].map((e) => [String(e.key), e.value]))
        : null;
    const { dtype } = toArguments(positional, named);
    return dtype === undefined ? null : s.modules.get("torch")!.attrs.get(dtype)!;
  });

export function fillNn(
  s: TorchState,
  m: PyModule,
  torch: PyModule,
  functional: PyModule,
  init: PyModule,
): void {
  const globals = s.interp.runLibraryModule(
    libraryProgram("torch.nn", TORCH_NN_SOURCE + TORCH_NN_LAYERS_SOURCE + TORCH_NN_RNN_SOURCE),
    "torch.nn",
  );
  // The classes look these names up when called, in the globals they were defined in; set them
  // now (importing `torch` from inside would re-enter the module being made).
  globals.set("torch", torch);
  globals.set("F", functional);
  globals.set("Parameter", s.parameterClass);
  globals.set("_members", members);
  globals.set("_to_dtype", toDtype(s));
  globals.set("init", init);
  // written in Python here, but part of torch.nn.functional
  functional.attrs.set("batch_norm", globals.get("_batch_norm")!);
  for (const [k, v] of globals)
    if (!k.startsWith("_") && k !== "math" && k !== "init" && k !== "warnings") m.attrs.set(k, v);
  m.attrs.set("Parameter", s.parameterClass);
}
