import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Trace } from "../../trace/trace";
import { runProgram } from "../runProgram";
import { checkGradients } from "../../checks/gradientCheck";

/**
 * Hand-written numpy backward passes: each kind of claim (a layer's backward paired with its
 * forward, an update `p -= lr * g`, a loss's derivative) agreeing and disagreeing with the
 * chain rule, the warning at the line that computed the wrong gradient, the root of a numpy
 * program, and programs that claim nothing left as they were.
 */

const EXAMPLES = join(__dirname, "../../../examples");
const example = (name: string) => readFileSync(join(EXAMPLES, name), "utf8");

const warnings = (trace: Trace) =>
  trace.diagnostics.filter((d) => d.severity === "warning" && d.code === "own-backward");
const lineOf = (source: string, offset: number) => source.slice(0, offset).split("\n").length;
const lineWith = (source: string, text: string) => {
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`no ${text}`);
  return lineOf(source, at);
};
const warnedLines = (source: string, trace: Trace) =>
  warnings(trace).map((d) => lineOf(source, d.span!.from));

/** A primer-shaped network; `edit` swaps one line for a mistake. */
const PRIMER = `import numpy as np

class Dense:
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

class Sigmoid:
    def forward(self, input):
        self.output = 1 / (1 + np.exp(-input))
        return self.output

    def backward(self, output_gradient, learning_rate):
        return output_gradient * self.output * (1 - self.output)

def mse(y_true, y_pred):
    return np.mean((y_true - y_pred) ** 2)

def mse_prime(y_true, y_pred):
    return 2 * (y_pred - y_true) / np.size(y_true)

network = [
    Dense(np.array([[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]]), np.array([[0.1], [-0.2], [0.05]])),
    Sigmoid(),
    Dense(np.array([[0.7, -0.5, 0.9], [0.2, 0.1, -0.3]]), np.array([[0.0], [0.1]])),
]
X = np.reshape([[0.0, 1.0], [1.0, 0.5], [0.3, -0.2]], (3, 2, 1))
Y = np.reshape([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]], (3, 2, 1))
for epoch in range(5):
    for x, y in zip(X, Y):
        output = x
        for layer in network:
            output = layer.forward(output)
        loss = mse(y, output)
        grad = mse_prime(y, output)
        for layer in reversed(network):
            grad = layer.backward(grad, 0.1)
`;

function mistake(from: string, to: string): string {
  if (!PRIMER.includes(from)) throw new Error(`no ${from}`);
  return PRIMER.replace(from, to);
}

describe("a layer's backward paired with its forward", () => {
  it("agrees: every check ✓, no warning", () => {
    const trace = runProgram(PRIMER);
    expect(trace.ok).toBe(true);
    expect(warnings(trace)).toEqual([]);
    const titles = trace.handChecks!.map((c) => c.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        "∂mse/∂y_pred (mse_prime)",
        "∂loss/∂weights of Dense (network[2])",
        "∂loss/∂bias of Dense (network[2])",
        "∂loss/∂input of Dense (network[2])",
        "∂loss/∂input of Sigmoid (network[1])",
        "∂loss/∂weights of Dense (network[0])",
      ]),
    );
    expect(trace.handChecks!.every((c) => c.agrees)).toBe(true);
    // the first step of each place is checked, and the rest counted
    expect(
      trace.handChecks!.find((c) => c.title.startsWith("∂loss/∂weights of Dense (network[0])"))!.when,
    ).toBe("from the gradient the layer received; checked at the first of 15 updates");
  });

  it("disagrees on what it returns: a warning at the line in its backward, naming the layer", () => {
    const source = mistake(
      "return output_gradient * self.output * (1 - self.output)",
      "return output_gradient * self.output * (1 + self.output)",
    );
    const trace = runProgram(source);
    expect(warnedLines(source, trace)).toEqual([lineWith(source, "(1 + self.output)")]);
    const [w] = warnings(trace);
    expect(w.message).toMatch(
      /^`Sigmoid\.backward` returns a wrong ∂loss\/∂input of Sigmoid \(network\[1\]\), the gradient it passes to the layer below: at \[\d, 0\] yours is -?[\d.e-]+, the chain rule gives -?[\d.e-]+ \(the largest difference: [\d.e-]+; from the gradient the layer received; checked at the first of 15 calls\)$/,
    );
    // the layers below received a wrong gradient, but their own rules are right: no warning there
    const below = trace.handChecks!.find((c) => c.title === "∂loss/∂weights of Dense (network[0])")!;
    expect(below.agrees).toBe(true);
    // the edge into the Sigmoid's forward is marked in the graph
    const marked = trace.edges.filter((e) => e.mismatch);
    expect(marked.length).toBeGreaterThan(0);
    for (const e of marked) expect(trace.nodes[e.to].call).not.toBeNull();
  });

  it("disagrees on a weights gradient (shape-compatible, transposed wrong): the line that computed it", () => {
    const source = mistake(
      "weights_gradient = np.dot(output_gradient, self.input.T)",
      "weights_gradient = np.dot(output_gradient, self.input.T) * 2",
    );
    const trace = runProgram(source);
    expect(warnedLines(source, trace)).toEqual([lineWith(source, "self.input.T) * 2")]);
    expect(warnings(trace)[0].message).toMatch(
      /^`weights` is updated with a wrong ∂loss\/∂weights of Dense \(network\[2\]\): at \[\d, \d\] yours is /,
    );
    const check = trace.handChecks!.find((c) => c.title === "∂loss/∂weights of Dense (network[2])")!;
    expect(check.agrees).toBe(false);
    check.yours.forEach((y, i) => expect(y).toBeCloseTo(2 * check.expected[i], 12));
  });

  it("an update in another method (update_weights after backward) pairs with the layer's last backward", () => {
    const source = PRIMER.replace(
      "        self.weights -= learning_rate * weights_gradient\n",
      "        self.weights_gradient = weights_gradient\n",
    )
      .replace(
        "class Sigmoid:",
        "    def update(self, learning_rate):\n        self.weights -= learning_rate * self.weights_gradient.T.T\n\nclass Sigmoid:",
      )
      .replace(
        "            grad = layer.backward(grad, 0.1)\n",
        "            grad = layer.backward(grad, 0.1)\n        for layer in network:\n            if isinstance(layer, Dense):\n                layer.update(0.1)\n",
      );
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    expect(warnings(trace)).toEqual([]);
    const check = trace.handChecks!.find((c) => c.title === "∂loss/∂weights of Dense (network[0])")!;
    expect(check.agrees).toBe(true);
  });
});

describe("an activation's derivative (the primer's Activation(tanh, tanh_prime))", () => {
  const activation = (prime: string) =>
    PRIMER.replace(
      /class Sigmoid:[\s\S]*?\n\ndef mse/,
      `class Activation:
    def __init__(self, activation, activation_prime):
        self.activation = activation
        self.activation_prime = activation_prime

    def forward(self, input):
        self.input = input
        return self.activation(self.input)

    def backward(self, output_gradient, learning_rate):
        return np.multiply(output_gradient, self.activation_prime(self.input))

def tanh(x):
    return np.tanh(x)

def tanh_prime(x):
    return ${prime}

def mse`,
    ).replace("    Sigmoid(),", "    Activation(tanh, tanh_prime),");

  it("tanh_prime(x) after tanh(x) is checked element by element: right, or one warning at its line", () => {
    const right = runProgram(activation("1 - np.tanh(x) ** 2"));
    expect(right.ok).toBe(true);
    expect(warnings(right)).toEqual([]);
    expect(right.handChecks!.find((c) => c.title === "∂tanh/∂x (tanh_prime)")!.agrees).toBe(true);
    const source = activation("1 - x ** 2");
    const wrong = runProgram(source);
    // the layer's backward is wrong only because tanh_prime is: the warning is at tanh_prime
    expect(warnedLines(source, wrong)).toEqual([lineWith(source, "return 1 - x ** 2")]);
    expect(warnings(wrong)[0].message).toMatch(
      /^`tanh_prime` gives a wrong ∂tanh\/∂x \(tanh_prime\): at \[\d, 0\]/,
    );
    expect(wrong.handChecks!.find((c) => c.title.startsWith("∂loss/∂input of Activation"))!.agrees).toBe(
      false,
    );
  });
});

describe("a loss's derivative", () => {
  it("mse_prime paired with mse(y, output): agrees, or warns at its line when it forgets the mean", () => {
    expect(runProgram(PRIMER).handChecks![0]).toMatchObject({
      title: "∂mse/∂y_pred (mse_prime)",
      agrees: true,
    });
    const source = mistake("return 2 * (y_pred - y_true) / np.size(y_true)", "return 2 * (y_pred - y_true)");
    const trace = runProgram(source);
    expect(warnedLines(source, trace)).toEqual([lineWith(source, "return 2 * (y_pred - y_true)")]);
    expect(warnings(trace)[0].message).toMatch(
      /^`mse_prime` gives a wrong ∂mse\/∂y_pred \(mse_prime\): at \[\d, 0\]/,
    );
  });

  it("a loss object's backward(y_pred, y_true) after its forward(y_pred, y_true)", () => {
    const loss = (rule: string) => `import numpy as np
class MSE:
    def forward(self, y_pred, y_true):
        return np.mean((y_pred - y_true) ** 2)
    def backward(self, y_pred, y_true):
        return ${rule}
p = np.array([[0.3], [0.9]])
t = np.array([[0.0], [1.0]])
criterion = MSE()
loss = criterion.forward(p, t)
g = criterion.backward(p, t)
`;
    const right = runProgram(loss("2 * (y_pred - y_true) / y_pred.size"));
    expect(right.handChecks).toMatchObject([{ title: "∂loss/∂y_pred (MSE.backward)", agrees: true }]);
    const wrongSource = loss("(y_pred - y_true) / y_pred.size");
    const wrong = runProgram(wrongSource);
    expect(warnedLines(wrongSource, wrong)).toEqual([lineWith(wrongSource, "return (y_pred")]);
  });
});

describe("an update p -= lr * g outside any layer", () => {
  const inline = (dw: string, update: string) => `import numpy as np
W = np.array([[0.5, -0.4], [0.3, 0.8]])
x = np.array([[1.0], [2.0]])
y = np.array([[0.5], [-0.5]])
lr = 0.1
for step in range(3):
    h = np.tanh(W @ x)
    loss = np.mean((h - y) ** 2)
    dh = 2 * (h - y) / h.size
    dW = ${dw}
    ${update}
`;

  it.each([["W -= lr * dW"], ["W += -lr * dW"], ["W -= dW * lr"], ["W = W - lr * dW"]])(
    "%s claims dW is ∂loss/∂W, checked against the step's loss",
    (update) => {
      const trace = runProgram(inline("(dh * (1 - h ** 2)) @ x.T", update));
      expect(trace.ok).toBe(true);
      expect(warnings(trace)).toEqual([]);
      expect(trace.handChecks).toMatchObject([{ title: "∂loss/∂W", agrees: true }]);
    },
  );

  it("a wrong dW is reported where it was computed, with the chain rule's value at the worst element", () => {
    const source = inline("(dh * (1 - h)) @ x.T", "W -= lr * dW");
    const trace = runProgram(source);
    expect(warnedLines(source, trace)).toEqual([lineWith(source, "dW = ")]);
    const [check] = trace.handChecks!;
    expect(check.agrees).toBe(false);
    expect(check.shape).toEqual([2, 2]);
    const k = check.worst![0] * 2 + check.worst![1];
    expect(warnings(trace)[0].message).toContain(`yours is ${Number(check.yours[k].toPrecision(6))}`);
  });

  it("an ascent (p += lr * g) claims -g, which the chain rule contradicts", () => {
    const trace = runProgram(inline("(dh * (1 - h ** 2)) @ x.T", "W += lr * dW"));
    expect(trace.handChecks![0].agrees).toBe(false);
  });

  it("a gradient that is the chain rule's times one factor says so: a mean differentiated as a sum, a flipped sign", () => {
    const sum = runProgram(inline("(2 * (h - y) * (1 - h ** 2)) @ x.T", "W -= lr * dW"));
    expect(warnings(sum)[0].message).toMatch(
      /; yours is 2 times the chain rule's at every element \(a mean over 2 values differentiated as their sum\?\)$/,
    );
    const ascent = runProgram(inline("(dh * (1 - h ** 2)) @ x.T", "W += lr * dW"));
    expect(warnings(ascent)[0].message).toMatch(
      /; yours is the chain rule's with the opposite sign at every element$/,
    );
    const wrong = runProgram(inline("(dh * (1 - h)) @ x.T", "W -= lr * dW"));
    expect(warnings(wrong)[0].message).not.toContain("times the chain rule's");
  });

  it("a gradient summed over samples in place (dW += …) claims nothing about one step", () => {
    const source = `import numpy as np
W = np.array([[0.5, -0.4], [0.3, 0.8]])
X = np.array([[[1.0], [2.0]], [[0.5], [-1.0]]])
Y = np.array([[[0.5], [-0.5]], [[0.0], [1.0]]])
for epoch in range(2):
    dW = np.zeros_like(W)
    for x, y in zip(X, Y):
        h = W @ x
        loss = np.mean((h - y) ** 2)
        dW += (2 * (h - y) / h.size) @ x.T
    W -= 0.1 * dW
`;
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    expect(trace.handChecks).toBeUndefined();
  });

  it("a velocity or Adam's step claims nothing", () => {
    const momentum = runProgram(
      inline("(dh * (1 - h ** 2)) @ x.T", "v = 0.9 * v + dW if step else dW\n    W -= v"),
    );
    expect(momentum.ok).toBe(true);
    expect(momentum.handChecks).toBeUndefined();
    const adam = runProgram(inline("(dh * (1 - h ** 2)) @ x.T", "W -= lr * dW / (np.sqrt(dW ** 2) + 1e-8)"));
    expect(adam.handChecks).toBeUndefined();
  });
});

describe("the root of a numpy program", () => {
  const rootNames = (source: string, options = {}) => {
    const trace = runProgram(source, options);
    return trace.root === null ? null : trace.nodes[trace.root].names;
  };

  it("is the scalar named loss/cost/error, else one returned by a function so named, else the last scalar", () => {
    const base = "import numpy as np\nw = np.array([1.0, 2.0])\nx = np.array([3.0, -1.0])\n";
    expect(rootNames(base + "cost = np.sum(w * x) ** 2\nother = np.sum(w)\n")).toEqual(["cost"]);
    expect(
      rootNames(
        base +
          "def compute_loss(w):\n    return np.sum((w * x) ** 2)\nq = compute_loss(w)\nr = np.sum(w) * 1.0\n",
      ),
    ).toEqual(["q"]);
    expect(rootNames(base + "a = np.sum(w * x)\nb = np.mean(w)\n")).toEqual(["b"]);
    // and the root's gradient reaches the parameter
    const trace = runProgram(base + "loss = np.sum(w * x)\n");
    expect(trace.nodes.find((n) => n.names.includes("w"))!.rootGrad).toEqual([3, -1]);
  });

  it("follows a long loop to its last step when the loss is a loss function's value (mse, paired with mse_prime)", () => {
    const source = PRIMER.replace("for epoch in range(5):", "for epoch in range(60):")
      .replace("        loss = mse(y, output)\n", "        e = mse(y, output)\n")
      .concat("print(repr(float(e)))\n");
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    const root = trace.nodes[trace.root!];
    expect(String(root.data[0])).toBe(trace.stdout.trim());
    expect(root.names).toContain("e");
  });

  it("is what Choose Output to Differentiate picks, by name", () => {
    const source = "import numpy as np\nw = np.array([1.0, 2.0])\nloss = np.sum(w)\nother = np.sum(w * w)\n";
    expect(rootNames(source)).toEqual(["loss"]);
    expect(rootNames(source, { outputName: "other" })).toEqual(["other"]);
    const trace = runProgram(source, { outputName: "other" });
    expect(trace.nodes.find((n) => n.names.includes("w"))!.rootGrad).toEqual([2, 4]);
  });

  it("gives way to a micrograd backward()", () => {
    const trace = runProgram(
      "import numpy as np\nfrom micrograd.engine import Value\nloss = np.sum(np.array([1.0, 2.0]))\na = Value(2.0)\nb = a * a\nb.backward()\n",
    );
    expect(trace.nodes[trace.root!].names).toEqual(["b"]);
  });
});

describe("programs that claim nothing", () => {
  it("have no checks and no warnings", () => {
    const source = `import numpy as np
a = np.array([[1.0, 2.0], [3.0, 4.0]])
b = a @ a.T
c = np.tanh(b).sum(axis=0)
a -= 0.5
print(c)
`;
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    expect(trace.handChecks).toBeUndefined();
    expect(warnings(trace)).toEqual([]);
    expect(trace.edges.some((e) => e.mismatch)).toBe(false);
  });

  it("the primer's XOR example: every gradient it computes matches the chain rule", () => {
    const trace = runProgram(example("numpy_primer_xor.py"));
    expect(warnings(trace)).toEqual([]);
    // mse_prime, tanh_prime (one place, both Tanh layers: the 1×1 one is an activation, not a
    // loss), and the layers' backward: inputs, weights and biases
    expect(trace.handChecks!.map((c) => c.title)).toEqual([
      "∂mse/∂y_pred (mse_prime)",
      "∂tanh/∂x (tanh_prime)",
      "∂loss/∂input of Tanh (network[3])",
      "∂loss/∂weights of Dense (network[2])",
      "∂loss/∂bias of Dense (network[2])",
      "∂loss/∂input of Dense (network[2])",
      "∂loss/∂input of Tanh (network[1])",
      "∂loss/∂weights of Dense (network[0])",
      "∂loss/∂bias of Dense (network[0])",
    ]);
    expect(trace.handChecks!.every((c) => c.agrees)).toBe(true);
    // the root is the loss the program names (`error`), not the last prediction
    const root = trace.nodes.find((n) => n.id === trace.root);
    expect(root?.names).toContain("error");
  });
});

describe("Check Gradients on a numpy program", () => {
  it("moves the arrays it trains (not the data every step reads) and agrees with finite differences", () => {
    const source = `import numpy as np
W = np.array([[0.5, -0.4], [0.3, 0.8]])
x = np.array([[1.0], [2.0]])
y = np.array([[0.5], [-0.5]])
for i in range(3):
    h = np.tanh(W @ x)
    loss = np.mean((h - y) ** 2)
    W -= 0.1 * (2 * (h - y) / 2 * (1 - h ** 2)) @ x.T
`;
    const report = checkGradients(source);
    expect(report.message).toBeNull();
    expect(report.rows.map((r) => r.name)).toEqual(["W[0, 0]", "W[0, 1]", "W[1, 0]", "W[1, 1]"]);
    expect(report.rows.every((r) => r.ok)).toBe(true);
  });

  it("on the primer's layers: their weights and biases", () => {
    const report = checkGradients(example("numpy_primer_xor.py").replace("epochs = 200", "epochs = 2"));
    expect(report.message).toBeNull();
    // the loss (`error`) read the weights and biases as the last sample's updates left them:
    // those versions are named as the program reaches the layers, not by the update line
    expect(report.parameters.map((p) => p.name).sort()).toEqual([
      "network[0].bias",
      "network[0].weights",
      "network[2].bias",
      "network[2].weights",
    ]);
    expect(report.rows.map((r) => r.name)).toContain("network[0].weights[2, 1]");
    expect(report.rows.length).toBe(3 * 2 + 3 + 1 * 3 + 1);
    expect(report.rows.every((r) => r.ok)).toBe(true);
  });
});

describe("a float32 network", () => {
  it("with a right backward gets no warning from its rounding", () => {
    const source = PRIMER.replace(
      /np\.array\((\[\[[^\n]*?\]\])\)/g,
      "np.array($1, dtype=np.float32)",
    ).replace("Y = np.reshape", "X = X.astype(np.float32)\nY = np.reshape");
    expect(source).toContain("dtype=np.float32");
    const trace = runProgram(source.replace("(3, 2, 1))\nfor", "(3, 2, 1)).astype(np.float32)\nfor"));
    expect(trace.ok).toBe(true);
    expect(warnings(trace)).toEqual([]);
    expect(trace.handChecks!.length).toBeGreaterThan(0);
  });
});
