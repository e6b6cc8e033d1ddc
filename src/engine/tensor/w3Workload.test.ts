import { describe, expect, it } from "vitest";
import { SGD } from "../optim/sgd";
import { add, backward, crossEntropy, linear, matmul, relu, t, Tensor } from "./index";

/**
 * The benchmark's W3 step (MLP 784-256-10, batch 256, float64, SGD lr 0.1) on the shared
 * inputs: the 32-bit LCG of /work/shared/bench/common/lcg.js, drawn in the order w3Data()
 * draws. The reference losses in WORKLOADS.md were computed by other float64 engines.
 */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

function w3Data() {
  const [B, D, H, K] = [256, 784, 256, 10];
  const next = lcg(4321);
  const X = Float64Array.from({ length: B * D }, () => next());
  const y = Float64Array.from({ length: B }, () => Math.floor(next() * K));
  const s1 = 1 / Math.sqrt(D);
  const W1 = Float64Array.from({ length: D * H }, () => (2 * next() - 1) * s1);
  const s2 = 1 / Math.sqrt(H);
  const W2 = Float64Array.from({ length: H * K }, () => (2 * next() - 1) * s2);
  const param = (v: Float64Array, shape: number[]) => {
    const p = Tensor.fromValues(v, shape, "float64");
    p.requiresGrad = true;
    return p;
  };
  return {
    X: Tensor.fromValues(X, [B, D], "float64"),
    y: Tensor.fromValues(y, [B], "int64"),
    W1: param(W1, [D, H]),
    b1: param(new Float64Array(H), [H]),
    W2: param(W2, [H, K]),
    b2: param(new Float64Array(K), [K]),
  };
}

describe("W3: the tensor MLP training step", () => {
  it("reproduces the reference first loss; the nn.Linear formulation (x·Wᵀ) gives the same loss and gradients", () => {
    const a = w3Data();
    const logits = add(matmul(relu(add(matmul(a.X, a.W1), a.b1)), a.W2), a.b2);
    const loss = crossEntropy(logits, a.y);
    backward(loss);
    expect(loss.item()).toBe(2.3113936114983376);
    // The same network as nn.Linear stores it: weights [out, in].
    const W1t = Tensor.fromValues(t(a.W1).copyValues(), [256, 784], "float64");
    const W2t = Tensor.fromValues(t(a.W2).copyValues(), [10, 256], "float64");
    const b1 = Tensor.fromValues(new Float64Array(256), [256], "float64");
    W1t.requiresGrad = W2t.requiresGrad = b1.requiresGrad = true;
    const lossB = crossEntropy(linear(relu(linear(a.X, W1t, b1)), W2t, a.b2), a.y);
    backward(lossB);
    expect(Math.abs(lossB.item() - loss.item())).toBeLessThan(1e-13);
    const gA = t(a.W1.grad as Tensor).values();
    const gB = (W1t.grad as Tensor).values();
    let err = 0;
    for (let i = 0; i < gA.length; i++) err = Math.max(err, Math.abs(gA[i] - gB[i]));
    expect(err).toBeLessThan(1e-15);
    expect([...(b1.grad as Tensor).values()]).toEqual([...(a.b1.grad as Tensor).values()]);
  });

  it("takes an SGD step that lowers the loss", () => {
    const a = w3Data();
    const opt = new SGD([a.W1, a.b1, a.W2, a.b2], { lr: 0.1 });
    const lossOf = () => crossEntropy(add(matmul(relu(add(matmul(a.X, a.W1), a.b1)), a.W2), a.b2), a.y);
    const first = lossOf();
    backward(first);
    opt.step();
    expect(lossOf().item()).toBeLessThan(first.item());
  });
});
