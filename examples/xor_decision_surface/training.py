# Training and prediction for a list of layers, with the mean squared error.
import numpy as np


def mse(y, y_hat):
    return np.mean((y - y_hat) ** 2)


def mse_grad(y, y_hat):
    return 2 * (y_hat - y) / np.size(y)


def predict(layers, x):
    for layer in layers:
        x = layer.forward(x)
    return x


def fit(layers, xs, ys, epochs, lr):
    losses = []
    for _ in range(epochs):
        total = 0.0
        for x, y in zip(xs, ys):
            out = predict(layers, x)
            total += mse(y, out)
            grad = mse_grad(y, out)
            for layer in reversed(layers):
                grad = layer.backward(grad, lr)
        losses.append(total / len(xs))
    return losses
