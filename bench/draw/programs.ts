import { w2pySource } from "../w2pySource";
import { w2Data } from "../workloads";

/**
 * The Python programs the drawing cases run through the real interpreter, so every graph is
 * one a user would see, not a synthetic one.
 */

/** micrograd's README example (~40 values); `a` is the number an edit changes. */
export function readmeSource(a: number): string {
  return `from micrograd.engine import Value

a = Value(${a.toFixed(1)})
b = Value(2.0)
c = a + b
d = a * b + b**3
c += c + 1
c += 1 + c + (-a)
d += d * 2 + (b + a).relu()
d += 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g += 10.0 / f
print(f'{g.data:.4f}')
g.backward()
print(f'{a.grad:.4f}')
print(f'{b.grad:.4f}')
`;
}

/** The README example with one more line: an edit that changes the graph's structure. */
export function readmeSourceGrown(a: number): string {
  return readmeSource(a).replace("g += 10.0 / f\n", "g += 10.0 / f\ng = g * (a + 1.5).relu()\n");
}

/**
 * `samples` inputs through a seeded MLP(2, [16, 16, 1]) with a squared-error loss: one sample
 * is ~1,000 values. `shift` moves the inputs, so two shifts give the same graph with other
 * numbers, as two training steps do.
 */
export function mlpSource(samples: number, shift = 0): string {
  const xs = Array.from({ length: samples }, (_, i) => {
    const u = Math.sin(i * 1.7 + 0.3) + shift;
    const v = Math.cos(i * 0.9 + 1.1) - shift / 2;
    return `[${u.toFixed(4)}, ${v.toFixed(4)}]`;
  });
  const ys = Array.from({ length: samples }, (_, i) => (i % 2 === 0 ? "1.0" : "-1.0"));
  return `import random
from micrograd.engine import Value
from micrograd.nn import MLP

random.seed(1337)
model = MLP(2, [16, 16, 1])
xs = [${xs.join(", ")}]
ys = [${ys.join(", ")}]
scores = [model(list(map(Value, x))) for x in xs]
loss = sum((s - y) ** 2 for s, y in zip(scores, ys))
loss.backward()
`;
}

/** One step of micrograd's full-batch demo (W2's data and weights): ~66,000 values. */
export function demoStepSource(): string {
  return w2pySource(w2Data(), 1);
}
