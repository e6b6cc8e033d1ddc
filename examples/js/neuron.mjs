// A single neuron with a tanh activation (examples/tanh_neuron.py in JavaScript).
// Hover n and o: ∂o/∂n = 1 - tanh(n)² gates the gradient that reaches the weights.
import { Value } from "gradlens";

const x1 = new Value(2.0);
const x2 = new Value(0.0);
const w1 = new Value(-3.0);
const w2 = new Value(1.0);
const b = new Value(6.8813735870195432); // chosen so that n = 0.8814 and o = tanh(n) = 0.7071

const x1w1 = x1.mul(w1);
const x2w2 = x2.mul(w2);
const n = x1w1.add(x2w2).add(b);
const o = n.tanh();
o.backward();

console.log(`o = ${o.data.toFixed(4)}, do/dn = ${n.grad.toFixed(4)}`);
console.log("w1.grad =", w1.grad, "w2.grad =", w2.grad, "x1.grad =", x1.grad);
console.log([x1, x2, w1, w2].map((v) => v.grad));

// Derived by hand: do/dn = 1 - o**2 = 0.5; w1.grad = x1 * 0.5 = 1.0; x1.grad = w1 * 0.5 = -1.5;
// w2.grad = x2 * 0.5 = 0 (x2 is 0, so w2 gets nothing). The last digits are those of
// examples/tanh_neuron.py (CPython), which runs the same operations in the same order.
// expect: o.data == 0.7071067811865477
// expect: n.grad == 0.4999999999999998
// expect: w1.grad == 0.9999999999999996
// expect: w2.grad == 0
// expect: x1.grad == -1.4999999999999993
// expect: b.grad == 0.4999999999999998
