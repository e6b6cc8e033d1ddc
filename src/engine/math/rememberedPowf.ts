import { sleefPowf } from "./sleefPowf";

/**
 * SLEEF's powf, remembered. Emulating it takes about a hundred float operations a value, and a
 * program that raises a float32 tensor to a power mostly raises the same inputs every step (a
 * polynomial model's fixed `x ** 4` and `x ** 5` in PyTorch's `dynamic_net.py`, 30,000 times).
 * powf is a pure function of the two floats (sleefPowf rounds both first), so a table keyed by
 * their bits gives back the very float the computation would; a miss computes it.
 *
 * Each key may sit in either of two slots (two hashes), so two keys that share a first slot do
 * not evict each other every step; a miss takes an empty slot, else its first one.
 */

const SLOT_BITS = 16;
const SLOTS = 1 << SLOT_BITS;
const inputKeys = new Int32Array(SLOTS);
const exponentKeys = new Int32Array(SLOTS);
const results = new Float32Array(SLOTS);
/** Whether a slot holds a result (a zeroed key is a real key: +0 to the power +0). */
const taken = new Uint8Array(SLOTS);

const float = new Float32Array(1);
const floatBits = new Int32Array(float.buffer);

function bitsOf(v: number): number {
  float[0] = v;
  return floatBits[0];
}

/** `sleefPowf(x, k)`, from the table when this float was raised to this exponent before. */
export function rememberedPowf(x: number, k: number): number {
  const xb = bitsOf(x);
  const kb = bitsOf(k);
  const mixed = xb ^ Math.imul(kb, 0x45d9f3b);
  // Fibonacci hashing with two multipliers: the top bits of each product pick a slot
  const first = Math.imul(mixed, 0x9e3779b1) >>> (32 - SLOT_BITS);
  if (taken[first] === 1 && inputKeys[first] === xb && exponentKeys[first] === kb) return results[first];
  const second = Math.imul(mixed, 0x85ebca6b) >>> (32 - SLOT_BITS);
  if (taken[second] === 1 && inputKeys[second] === xb && exponentKeys[second] === kb) return results[second];
  const r = sleefPowf(x, k);
  const slot = taken[first] === 1 && taken[second] === 0 ? second : first;
  taken[slot] = 1;
  inputKeys[slot] = xb;
  exponentKeys[slot] = kb;
  results[slot] = r;
  return r;
}
