# Softmax and cross-entropy written by hand with numpy, in the primers' shape: a Dense layer and
# a Softmax layer, each with a forward pass and a backward pass of its own, trained on four
# points of three classes. The backward passes are right, and GradLens says so: hover a line of
# a backward pass (or an update) to see "✓ your gradient matches the chain rule" — it pairs each
# layer's backward with its forward, and cross_entropy_prime with cross_entropy, and computes
# the same gradients itself from the recorded forward pass.
import numpy as np


class Dense:
    def __init__(self, weights, bias):
        self.weights = weights
        self.bias = bias

    def forward(self, input):
        self.input = input
        return self.weights @ input + self.bias

    def backward(self, output_gradient, learning_rate):
        weights_gradient = output_gradient @ self.input.T
        input_gradient = self.weights.T @ output_gradient
        self.weights -= learning_rate * weights_gradient
        self.bias -= learning_rate * output_gradient
        return input_gradient


class Softmax:
    def forward(self, input):
        # subtracting the largest input changes nothing but keeps exp from overflowing
        e = np.exp(input - np.max(input))
        self.output = e / np.sum(e)
        return self.output

    def backward(self, output_gradient, learning_rate):
        # the Jacobian of softmax: ∂s_i/∂z_j = s_i (δ_ij - s_j), that is diag(s) - s sᵀ
        s = self.output
        jacobian = s * np.identity(s.shape[0]) - s @ s.T
        return jacobian @ output_gradient


def cross_entropy(y_true, y_pred):
    return -np.sum(y_true * np.log(y_pred))


def cross_entropy_prime(y_true, y_pred):
    return -y_true / y_pred


def predict(network, x):
    for layer in network:
        x = layer.forward(x)
    return x


X = np.reshape([[0.2, 0.9], [0.8, 0.1], [0.5, 0.5], [0.9, 0.8]], (4, 2, 1))
Y = np.reshape([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]], (4, 3, 1)).astype(float)

network = [
    Dense(
        np.array([[0.3, -0.2], [-0.1, 0.4], [0.25, 0.1]]),
        np.array([[0.0], [0.1], [-0.1]]),
    ),
    Softmax(),
]

learning_rate = 0.5
losses = []
for epoch in range(100):
    total = 0.0
    for x, y in zip(X, Y):
        probabilities = predict(network, x)
        loss = cross_entropy(y, probabilities)
        total += loss
        gradient = cross_entropy_prime(y, probabilities)
        for layer in reversed(network):
            gradient = layer.backward(gradient, learning_rate)
    losses.append(total / len(X))

print(f"mean loss: first epoch {losses[0]:.6f}, last epoch {losses[-1]:.6f}")
print(np.round(predict(network, X[0]).ravel(), 3))

# Values from numpy 1.24.2 (/usr/bin/python3) running this file.
# expect: float(losses[0]) == 1.411125438197676
# expect: float(losses[-1]) == 0.22713849553872892
# expect: network[0].weights.tolist() == [[-5.618016353712232, 4.633511431555098], [7.594415746176976, -2.4170762710948868], [-1.5263993924647565, -1.9164351604602021]]
# expect: predict(network, X[1]).ravel().tolist() == [0.0004118351127783314, 0.8643292460868635, 0.13525891880035837]
