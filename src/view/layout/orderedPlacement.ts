/**
 * Places the nodes of one column as close as possible to where they want to be while keeping
 * their order and a minimum distance between neighbours: minimise Σ wᵢ(yᵢ − dᵢ)² subject to
 * yᵢ₊₁ − yᵢ ≥ sᵢ. Subtracting the cumulative separations turns this into isotonic regression,
 * solved exactly in linear time by pooling adjacent violators.
 *
 * @param desired wanted centre of each node, in column order
 * @param separation separation[i] is the least distance between centres i and i + 1
 * @param weight how strongly each node holds to its wish
 * @returns the centres
 */
export function placeInOrder(
  desired: readonly number[],
  separation: readonly number[],
  weight: readonly number[],
): number[] {
  const result = new Float64Array(desired.length);
  placeInOrderInto(desired, separation, weight, desired.length, result);
  return Array.from(result);
}

/** `placeInOrder` on the first `n` entries of reusable buffers, writing the centres into `result`. */
export function placeInOrderInto(
  desired: ArrayLike<number>,
  separation: ArrayLike<number>,
  weight: ArrayLike<number>,
  n: number,
  result: Float64Array,
): void {
  // Blocks of pooled nodes, as a stack: weighted mean of their targets, total weight, size.
  const mean = new Float64Array(n);
  const total = new Float64Array(n);
  const size = new Int32Array(n);
  let blocks = 0;
  let offset = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) offset += separation[i - 1];
    let m = desired[i] - offset;
    let w = weight[i];
    let s = 1;
    while (blocks > 0 && mean[blocks - 1] >= m) {
      blocks--;
      m = (mean[blocks] * total[blocks] + m * w) / (total[blocks] + w);
      w += total[blocks];
      s += size[blocks];
    }
    mean[blocks] = m;
    total[blocks] = w;
    size[blocks] = s;
    blocks++;
  }
  offset = 0;
  let i = 0;
  for (let b = 0; b < blocks; b++) {
    for (let k = 0; k < size[b]; k++, i++) {
      if (i > 0) offset += separation[i - 1];
      result[i] = mean[b] + offset;
    }
  }
}
