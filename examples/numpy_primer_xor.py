# A network from scratch in numpy, the way the primers teach it: each layer has a forward
# pass and a hand-written backward pass that returns the gradient for the layer below and
# updates its own weights. Trained on XOR with mean squared error.
# The graph shows each sample's forward pass (Dense → Tanh → Dense → Tanh) and the update
# arrays; hover a weight to see its value.
import numpy as np


class Layer:
    def __init__(self):
        self.input = None
        self.output = None

    def forward(self, input):
        raise NotImplementedError

    def backward(self, output_gradient, learning_rate):
        raise NotImplementedError


class Dense(Layer):
    def __init__(self, weights, bias):
        self.weights = weights
        self.bias = bias

    def forward(self, input):
        self.input = input
        return np.dot(self.weights, self.input) + self.bias

    def backward(self, output_gradient, learning_rate):
        weights_gradient = np.dot(output_gradient, self.input.T)
        input_gradient = np.dot(self.weights.T, output_gradient)
        self.weights -= learning_rate * weights_gradient
        self.bias -= learning_rate * output_gradient
        return input_gradient


class Activation(Layer):
    def __init__(self, activation, activation_prime):
        self.activation = activation
        self.activation_prime = activation_prime

    def forward(self, input):
        self.input = input
        return self.activation(self.input)

    def backward(self, output_gradient, learning_rate):
        return np.multiply(output_gradient, self.activation_prime(self.input))


class Tanh(Activation):
    def __init__(self):
        def tanh(x):
            return np.tanh(x)

        def tanh_prime(x):
            return 1 - np.tanh(x) ** 2

        super().__init__(tanh, tanh_prime)


def mse(y_true, y_pred):
    return np.mean(np.power(y_true - y_pred, 2))


def mse_prime(y_true, y_pred):
    return 2 * (y_pred - y_true) / np.size(y_true)


def predict(network, input):
    output = input
    for layer in network:
        output = layer.forward(output)
    return output


X = np.reshape([[0, 0], [0, 1], [1, 0], [1, 1]], (4, 2, 1))
Y = np.reshape([[0], [1], [1], [0]], (4, 1, 1))

# Fixed starting weights (a primer draws them with np.random.randn), so the numbers below are
# the same on every run and can be checked against numpy.
network = [
    Dense(np.array([[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]]), np.array([[0.1], [-0.2], [0.05]])),
    Tanh(),
    Dense(np.array([[0.7, -0.5, 0.9]]), np.array([[0.0]])),
    Tanh(),
]

epochs = 200
learning_rate = 0.1
errors = []
for e in range(epochs):
    error = 0
    for x, y in zip(X, Y):
        output = predict(network, x)
        error += mse(y, output)
        grad = mse_prime(y, output)
        for layer in reversed(network):
            grad = layer.backward(grad, learning_rate)
    error /= len(X)
    errors.append(error)
    if e % 50 == 0:
        print(f"epoch {e}: error={error:.6f}")

predictions = [float(predict(network, x)[0, 0]) for x in X]
print(f"final error={errors[-1]:.6f}")
print(np.round(predictions, 3))

# Values from numpy 1.24.2 (float64): numpy's own tanh and power kernels on AVX-512 round the
# last bit differently from GradLens's in about a quarter of their inputs, so after 800 updates
# the last two or three digits may differ (the comparison allows 1e-12 of the value).
# expect: float(errors[0]) == 0.7070756327791667
# expect: float(errors[-1]) == 0.007208257286022301
# expect: predictions == [0.014235835515899969, 0.8955259322413999, 0.8742277187306486, -0.007616177085406741]
# expect: network[0].weights.tolist() == [[1.9070433393036277, 1.7664464827646573], [0.18820899450484052, 1.3116327915797474], [-1.5316396792970843, 0.6450417684109823]]
# expect: network[2].bias.tolist() == [[0.017068339066428285]]
