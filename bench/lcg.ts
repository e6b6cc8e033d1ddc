/**
 * The shared 32-bit linear congruential generator (Numerical Recipes constants). Every step is
 * exact in float64, so our numbers match the other anchors' bit for bit: keep it as it is.
 */
export class Lcg {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state * 1664525 + 1013904223) % 4294967296;
    return this.state / 4294967296;
  }
}
