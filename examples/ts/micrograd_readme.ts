// micrograd's well-known README expression, rewritten in TypeScript on the gradlens Value:
// every operator becomes a method call composed as micrograd composes it (a - b is a + (-b),
// a / b is a * b**-1, 3 * d is d * 3), so g and the gradients match micrograd's figures.
import { Value } from "gradlens";

const a: Value = new Value(-4.0);
const b: Value = new Value(2.0);
let c = a.add(b);
let d = a.mul(b).add(b.pow(3));
c = c.add(c.add(1));
c = c.add(c.add(1).add(a.neg()));
d = d.add(d.mul(2).add(b.add(a).relu()));
d = d.add(d.mul(3).add(b.sub(a).relu()));
const e = c.sub(d);
const f = e.pow(2);
let g = f.div(2.0);
g = g.add(f.pow(-1).mul(10.0));
console.log(`g = ${g.data.toFixed(4)}`);
g.backward();
console.log(`a.grad = ${a.grad.toFixed(4)}, b.grad = ${b.grad.toFixed(4)}`);

// micrograd's README prints 24.7041, 138.8338 and 645.5773 for these three.
// expect: Number(g.data.toFixed(4)) == 24.7041
// expect: Number(a.grad.toFixed(4)) == 138.8338
// expect: Number(b.grad.toFixed(4)) == 645.5773
