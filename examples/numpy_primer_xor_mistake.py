# The primer's XOR network (Dense → Tanh → Dense → Tanh, mean squared error) with one mistake
# of the kind learners make in a hand-written backward pass: Tanh's backward uses 1 - x² of
# its *input* where the derivative of tanh is 1 - tanh(x)² = 1 - output². The program runs and
# the error still falls, so nothing looks wrong. GradLens pairs each layer's backward with its
# forward, computes what the chain rule gives from the gradient the layer received, and warns
# at the line that computed the wrong gradient (hover it: yours beside the chain rule's).
import numpy as np


class Layer:
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


class Tanh(Layer):
    def forward(self, input):
        self.input = input
        self.output = np.tanh(input)
        return self.output

    def backward(self, output_gradient, learning_rate):
        # the mistake: tanh'(x) = 1 - tanh(x)**2, that is 1 - self.output**2
        return output_gradient * (1 - self.input**2)  # expect-warning: the chain rule gives


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

network = [
    Dense(np.array([[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]]), np.array([[0.1], [-0.2], [0.05]])),
    Tanh(),
    Dense(np.array([[0.7, -0.5, 0.9]]), np.array([[0.0]])),
    Tanh(),
]

epochs = 12
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

print(f"first error={errors[0]:.6f}, last error={errors[-1]:.6f}")

# Values from numpy 1.24.2 (/usr/bin/python3) running this file: the program's own numbers, made
# with the wrong derivative (past about 15 epochs this network's training blows up).
# expect: float(errors[0]) == 0.7054011373156525
# expect: float(errors[-1]) == 0.278801424280485
# expect: network[0].weights.tolist() == [[0.3430578686111843, -0.2934505446446791], [0.2750850119351307, 0.770002260866219], [-0.6992346243164861, 0.07068133555470117]]
# expect: network[2].bias.tolist() == [[0.49138208085354423]]
