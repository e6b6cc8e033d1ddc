// A first look at backpropagation in JavaScript: the same tiny expression as
// examples/first_expression.py, with the gradlens library's micrograd-like Value.
// Run it natively too: `node examples/js/first_expression.mjs` prints the same lines.
import { Value } from "gradlens";

const x = new Value(2.0);
const w = new Value(-0.5);
const b = new Value(1.5);

const h = x.mul(w).add(b).relu(); // a ReLU unit: relu(x*w + b)
let y = h.mul(x).add(w.pow(-1).mul(3)); // x is used twice; 3 / w is 3 * w**-1
y = y.add(b.neg().add(1)); // 1 - b
const loss = y.pow(2);

console.log(`loss = ${loss.data.toFixed(4)}`);
loss.backward();
console.log(`x.grad = ${x.grad.toFixed(4)}, w.grad = ${w.grad.toFixed(4)}, b.grad = ${b.grad.toFixed(4)}`);
console.log(loss);

// Derived by hand: h = 0.5, y = -5.5, dloss/dy = 2y = -11,
// dy/dx = h + x*w = -0.5, dy/dw = x*x - 3/w**2 = -8, dy/db = x - 1 = 1.
// expect: loss.data == 30.25
// expect: x.grad == 5.5
// expect: w.grad == 88
// expect: b.grad == -11
// expect: h.grad == -22
