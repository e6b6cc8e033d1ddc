# torch.autograd.Function subclasses: forward/backward with ctx, apply, save_for_backward
import torch


class MyReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input < 0] = 0
        return grad_input


class LegendrePolynomial3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)


class MulConstant(torch.autograd.Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None


torch.manual_seed(0)
x = torch.randn(5, requires_grad=True)
y = MyReLU.apply(x)
print(y, y.grad_fn.__class__.__name__ if hasattr(y.grad_fn, "__class__") else None)
y.sum().backward()
print(x.grad)
a = torch.tensor([0.3, -0.7], requires_grad=True)
P3 = LegendrePolynomial3.apply
z = P3(a * 2)
(z * z).sum().backward()
print(z, a.grad)
b = torch.tensor([1.0, 2.0], requires_grad=True)
out = MulConstant.apply(b, 3.0)
out.sum().backward()
print(out, b.grad)
with torch.no_grad():
    print(MyReLU.apply(x).requires_grad)
print(MyReLU.apply(torch.tensor([-1.0, 2.0])).requires_grad)
