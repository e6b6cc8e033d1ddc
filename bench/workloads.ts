import { Lcg } from "./lcg";
import moons from "./data/w2_moons100.json";

/**
 * The inputs of workloads W1–W3 as WORKLOADS.md defines them: the same LCG draws in the same
 * order as the shared generators, so every engine sees identical numbers.
 */

/** W1: 100 leaves, then units of 5 ops `m = A*B; s = m + C; t = tanh(s); q = t**2; r = relu(t)`. */
export interface W1Program {
  leaves: Float64Array;
  /** Operand rows of each unit: 0..99 are leaves, then 5 rows a unit in the order m, s, t, q, r. */
  A: Int32Array;
  B: Int32Array;
  C: Int32Array;
  units: number;
  nOps: number;
  nNodes: number;
  checksum: number;
}

export function w1Program(nOps: number, seed = 1234): W1Program {
  if (nOps % 5 !== 0) throw new Error("nOps must be a multiple of 5");
  const rng = new Lcg(seed);
  const leaves = new Float64Array(100);
  for (let i = 0; i < 100; i++) leaves[i] = 2 * rng.next() - 1;
  // Rows an operand may come from, newest last: A from the 8 newest (a deep graph), B and C
  // half the time from a leaf, else from the 100 newest (a wide graph with leaf fan-out).
  const pool: number[] = [];
  for (let i = 0; i < 100; i++) pool.push(i);
  const pick = (window: number) =>
    pool[pool.length - 1 - Math.floor(rng.next() * Math.min(window, pool.length))];
  const pickLeafOrRecent = () => (rng.next() < 0.5 ? Math.floor(rng.next() * 100) : pick(100));
  const units = nOps / 5;
  const A = new Int32Array(units);
  const B = new Int32Array(units);
  const C = new Int32Array(units);
  let next = 100;
  for (let u = 0; u < units; u++) {
    // Draw order matters: A, then B, then C.
    A[u] = pick(8);
    B[u] = pickLeafOrRecent();
    C[u] = pickLeafOrRecent();
    pool.push(next + 2, next + 3, next + 4); // t, q, r
    next += 5;
  }
  let checksum = 0;
  for (let u = 0; u < units; u++) checksum = (checksum + A[u] * 3 + B[u] * 5 + C[u] * 7) % 1000000007;
  return { leaves, A, B, C, units, nOps, nNodes: next, checksum };
}

/** W2: 100 two-moons points with labels ±1 and MLP(2,[16,16,1])'s 337 initial weights. */
export interface W2Data {
  sizes: number[];
  X: number[][];
  y: number[];
  /** In micrograd's `parameters()` order: layer by layer, neuron by neuron, weights then bias. */
  params: number[];
  alpha: number;
}

export function w2Data(): W2Data {
  return moons as W2Data;
}

/** W2's learning rate at step k (counted from 0, warm-up steps included). */
export function w2LearningRate(k: number): number {
  return 1.0 - (0.9 * k) / 100;
}

/** W3: an MLP 784-256-10 on a batch of 256, row-major Float64Arrays. */
export interface W3Data {
  B: number;
  D: number;
  H: number;
  K: number;
  X: Float64Array;
  y: Int32Array;
  W1: Float64Array;
  b1: Float64Array;
  W2: Float64Array;
  b2: Float64Array;
  lr: number;
}

export function w3Data(seed = 4321): W3Data {
  const B = 256;
  const D = 784;
  const H = 256;
  const K = 10;
  const rng = new Lcg(seed);
  const X = new Float64Array(B * D);
  for (let i = 0; i < X.length; i++) X[i] = rng.next();
  const y = new Int32Array(B);
  for (let i = 0; i < B; i++) y[i] = Math.floor(rng.next() * K);
  const W1 = new Float64Array(D * H);
  const s1 = 1 / Math.sqrt(D);
  for (let i = 0; i < W1.length; i++) W1[i] = (2 * rng.next() - 1) * s1;
  const W2 = new Float64Array(H * K);
  const s2 = 1 / Math.sqrt(H);
  for (let i = 0; i < W2.length; i++) W2[i] = (2 * rng.next() - 1) * s2;
  return { B, D, H, K, X, y, W1, b1: new Float64Array(H), W2, b2: new Float64Array(K), lr: 0.1 };
}

/** 2·M·N·K a matmul, 3 matmuls a layer (the convention every anchor reports). */
export const W3_FLOPS_CONVENTION = 3 * 2 * 256 * 784 * 256 + 3 * 2 * 256 * 256 * 10;
/** What is really executed: the input layer has no dX matmul. */
export const W3_FLOPS_EXECUTED = 2 * 2 * 256 * 784 * 256 + 3 * 2 * 256 * 256 * 10;
