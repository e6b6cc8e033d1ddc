# The layers of a network written from scratch, as the primers write them: each one keeps
# what its forward pass saw and turns the gradient of its output into the gradient of its
# input, updating its own parameters on the way.
import numpy as np


class Layer:
    def forward(self, x):
        raise NotImplementedError

    def backward(self, grad_out, lr):
        raise NotImplementedError


class Dense(Layer):
    def __init__(self, n_in, n_out):
        self.W = np.random.randn(n_out, n_in)
        self.b = np.random.randn(n_out, 1)

    def forward(self, x):
        self.x = x
        return self.W @ x + self.b

    def backward(self, grad_out, lr):
        grad_W = grad_out @ self.x.T
        grad_in = self.W.T @ grad_out
        self.W -= lr * grad_W
        self.b -= lr * grad_out
        return grad_in


class Tanh(Layer):
    def forward(self, x):
        self.x = x
        return np.tanh(x)

    def backward(self, grad_out, lr):
        return grad_out * (1 - np.tanh(self.x) ** 2)
