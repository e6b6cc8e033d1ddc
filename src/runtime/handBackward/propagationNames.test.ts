import { describe, expect, it } from "vitest";
import type { Trace } from "../../trace/trace";
import { runProgram } from "../runProgram";

/**
 * The "neural network from scratch" primers that name a layer's passes `forward_propagation` /
 * `backward_propagation(output_error, learning_rate)` and keep the gradient in a variable named
 * `error` (`error = mse_prime(y, output)`, then `error = layer.backward_propagation(error, lr)`):
 * the layers pair as `forward`/`backward` do, and the 1×1 gradient named `error` is never taken
 * for the loss (it was, and every update was then checked against the wrong root: false warnings).
 */

const warnings = (trace: Trace) =>
  trace.diagnostics.filter((d) => d.severity === "warning" && d.code === "own-backward");
const lineOf = (source: string, offset: number) => source.slice(0, offset).split("\n").length;
const lineWith = (source: string, text: string) => {
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`no ${text}`);
  return lineOf(source, at);
};

const NETWORK = `import numpy as np

class FullyConnected:
    def __init__(self, weights, bias):
        self.weights = weights
        self.bias = bias

    def forward_propagation(self, input_data):
        self.input = input_data
        self.output = np.dot(self.input, self.weights) + self.bias
        return self.output

    def backward_propagation(self, output_error, learning_rate):
        input_error = np.dot(output_error, self.weights.T)
        weights_error = np.dot(self.input.T, output_error)
        self.weights -= learning_rate * weights_error
        self.bias -= learning_rate * output_error
        return input_error

class Activation:
    def __init__(self, activation, activation_prime):
        self.activation = activation
        self.activation_prime = activation_prime

    def forward_propagation(self, input_data):
        self.input = input_data
        self.output = self.activation(self.input)
        return self.output

    def backward_propagation(self, output_error, learning_rate):
        return self.activation_prime(self.input) * output_error

def tanh(x):
    return np.tanh(x)

def tanh_prime(x):
    return 1 - np.tanh(x) ** 2

def mse(y_true, y_pred):
    return np.mean(np.power(y_true - y_pred, 2))

def mse_prime(y_true, y_pred):
    return 2 * (y_pred - y_true) / y_true.size

layers = [
    FullyConnected(np.array([[0.5, -0.4, 0.3], [0.8, -0.6, 0.2]]), np.array([[0.1, -0.2, 0.05]])),
    Activation(tanh, tanh_prime),
    FullyConnected(np.array([[0.7], [-0.5], [0.9]]), np.array([[0.1]])),
    Activation(tanh, tanh_prime),
]
x_train = np.array([[[0, 0]], [[0, 1]], [[1, 0]], [[1, 1]]])
y_train = np.array([[[0]], [[1]], [[1]], [[0]]])
for i in range(3):
    err = 0
    for j in range(len(x_train)):
        output = x_train[j]
        for layer in layers:
            output = layer.forward_propagation(output)
        err += mse(y_train[j], output)
        error = mse_prime(y_train[j], output)
        for layer in reversed(layers):
            error = layer.backward_propagation(error, 0.1)
    err /= len(x_train)
    print('epoch %d/%d   error=%f' % (i + 1, 3, err))
`;

function mistake(from: string, to: string): string {
  if (!NETWORK.includes(from)) throw new Error(`no ${from}`);
  return NETWORK.replace(from, to);
}

describe("forward_propagation / backward_propagation layers", () => {
  it("pair as forward and backward: every update and returned gradient checked, all ✓", () => {
    const trace = runProgram(NETWORK);
    expect(trace.ok).toBe(true);
    // CPython prints these (recorded with /usr/bin/python3, numpy 1.24.2)
    expect(trace.stdout).toBe(
      "epoch 1/3   error=0.265709\nepoch 2/3   error=0.257643\nepoch 3/3   error=0.254943\n",
    );
    expect(warnings(trace)).toEqual([]);
    const titles = trace.handChecks!.map((c) => c.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        "∂loss/∂weights of FullyConnected (layers[2])",
        "∂loss/∂bias of FullyConnected (layers[2])",
        "∂loss/∂input of FullyConnected (layers[2])",
        "∂loss/∂input of Activation (layers[1])",
        "∂loss/∂weights of FullyConnected (layers[0])",
      ]),
    );
    expect(trace.handChecks!.every((c) => c.agrees)).toBe(true);
  });

  it("the gradient held in `error` is not the root: the root is a loss the network computed", () => {
    const trace = runProgram(NETWORK);
    const root = trace.nodes[trace.root!];
    expect(root.names).not.toContain("error");
  });

  it("a wrong weights gradient warns at the line that computed it, naming the layer", () => {
    const source = mistake(
      "weights_error = np.dot(self.input.T, output_error)",
      "weights_error = -np.dot(self.input.T, output_error)",
    );
    const trace = runProgram(source);
    const lines = warnings(trace).map((d) => lineOf(source, d.span!.from));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines)).toEqual(new Set([lineWith(source, "weights_error = -np.dot")]));
    expect(warnings(trace)[0].message).toMatch(/wrong ∂loss\/∂weights .*FullyConnected/);
  });

  it("a wrong activation derivative warns once, at its line", () => {
    const source = mistake("return 1 - np.tanh(x) ** 2", "return 1 + np.tanh(x) ** 2");
    const trace = runProgram(source);
    const lines = warnings(trace).map((d) => lineOf(source, d.span!.from));
    expect(lines).toEqual([lineWith(source, "return 1 + np.tanh(x) ** 2")]);
  });
});
