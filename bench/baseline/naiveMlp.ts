import type { W3Data } from "../workloads";

/**
 * W3's yardstick: the MLP written the plain way in JavaScript — Float64Arrays and textbook
 * triple loops (the inner loop walks the second matrix down a column), the backward pass by
 * hand. What a straightforward port does, for the tensor engine's ratio.
 */
export class NaiveMlp {
  private readonly W1: Float64Array;
  private readonly b1: Float64Array;
  private readonly W2: Float64Array;
  private readonly b2: Float64Array;

  constructor(private readonly d: W3Data) {
    this.W1 = d.W1.slice();
    this.b1 = d.b1.slice();
    this.W2 = d.W2.slice();
    this.b2 = d.b2.slice();
  }

  /** One SGD step on the whole batch; returns the loss before the update. */
  step(): number {
    const { B, D, H, K, X, y, lr } = this.d;
    const { W1, b1, W2, b2 } = this;
    // Forward: z1 = X·W1 + b1, h = relu(z1), z2 = h·W2 + b2.
    const z1 = matmul(X, W1, B, D, H);
    addRow(z1, b1, B, H);
    const h = z1.map((v) => (v > 0 ? v : 0));
    const z2 = matmul(h, W2, B, H, K);
    addRow(z2, b2, B, K);
    // Mean softmax cross-entropy; its gradient (softmax − onehot)/B in place of z2.
    let loss = 0;
    for (let i = 0; i < B; i++) {
      let m = -Infinity;
      for (let c = 0; c < K; c++) m = Math.max(m, z2[i * K + c]);
      let s = 0;
      for (let c = 0; c < K; c++) s += Math.exp(z2[i * K + c] - m);
      const logSum = Math.log(s);
      loss -= z2[i * K + y[i]] - m - logSum;
      for (let c = 0; c < K; c++) {
        const p = Math.exp(z2[i * K + c] - m - logSum);
        z2[i * K + c] = (p - (c === y[i] ? 1 : 0)) / B;
      }
    }
    loss /= B;
    const dz2 = z2;
    // Backward: dW2 = hᵀ·dz2, db2 = Σ dz2, dh = dz2·W2ᵀ, dz1 = dh ⊙ [z1 > 0], dW1 = Xᵀ·dz1.
    const dW2 = matmulTransposedLeft(h, dz2, B, H, K);
    const db2 = columnSums(dz2, B, K);
    const dz1 = matmulTransposedRight(dz2, W2, B, K, H);
    for (let i = 0; i < dz1.length; i++) if (!(z1[i] > 0)) dz1[i] = 0;
    const dW1 = matmulTransposedLeft(X, dz1, B, D, H);
    const db1 = columnSums(dz1, B, H);
    sgd(W1, dW1, lr);
    sgd(b1, db1, lr);
    sgd(W2, dW2, lr);
    sgd(b2, db2, lr);
    return loss;
  }
}

/** A (m×n) · B (n×p). */
function matmul(a: Float64Array, b: Float64Array, m: number, n: number, p: number): Float64Array {
  const out = new Float64Array(m * p);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k] * b[k * p + j];
      out[i * p + j] = s;
    }
  return out;
}

/** Aᵀ · B for A (m×n), B (m×p): an n×p result. */
function matmulTransposedLeft(
  a: Float64Array,
  b: Float64Array,
  m: number,
  n: number,
  p: number,
): Float64Array {
  const out = new Float64Array(n * p);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += a[k * n + i] * b[k * p + j];
      out[i * p + j] = s;
    }
  return out;
}

/** A · Bᵀ for A (m×n), B (p×n): an m×p result. */
function matmulTransposedRight(
  a: Float64Array,
  b: Float64Array,
  m: number,
  n: number,
  p: number,
): Float64Array {
  const out = new Float64Array(m * p);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k] * b[j * n + k];
      out[i * p + j] = s;
    }
  return out;
}

function addRow(x: Float64Array, row: Float64Array, m: number, n: number): void {
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) x[i * n + j] += row[j];
}

function columnSums(x: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j] += x[i * n + j];
  return out;
}

function sgd(p: Float64Array, g: Float64Array, lr: number): void {
  for (let i = 0; i < p.length; i++) p[i] -= lr * g[i];
}
