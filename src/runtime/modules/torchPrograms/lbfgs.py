# torch.optim.LBFGS with a closure: the Rosenbrock function and a small least-squares fit, with
# the default fixed step and with the strong-Wolfe line search; every digit of the losses.
# (float64 for Rosenbrock: a float32 dot of a few elements is not yet summed as PyTorch sums it.)
import torch


def rosenbrock(xy):
    x, y = xy[0], xy[1]
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


for dtype in [torch.float64]:
    for options in [dict(lr=0.1), dict(line_search_fn='strong_wolfe'), dict(lr=1, max_iter=5, history_size=3, line_search_fn='strong_wolfe')]:
        xy = torch.tensor([-1.5, 2.0], dtype=dtype, requires_grad=True)
        opt = torch.optim.LBFGS([xy], **options)

        def closure():
            opt.zero_grad()
            loss = rosenbrock(xy)
            loss.backward()
            return loss

        losses = [repr(opt.step(closure).item()) for _ in range(4)]
        state = opt.state[xy]
        print(dtype, options, losses, [repr(v) for v in xy.tolist()], state['func_evals'], state['n_iter'], len(state['old_dirs']))

torch.manual_seed(0)
X = torch.randn(20, 3)
y = X @ torch.tensor([[1.5], [-2.0], [0.5]]) + 0.3
model = torch.nn.Linear(3, 1)
opt = torch.optim.LBFGS(model.parameters(), line_search_fn='strong_wolfe')
print(opt)


def closure():
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(model(X), y)
    loss.backward()
    return loss


for i in range(3):
    print(i, repr(opt.step(closure).item()))
print([repr(v) for v in model.weight.view(-1).tolist()], repr(model.bias.item()))
