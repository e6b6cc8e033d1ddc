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
  const n = desired.length;
  const offset = new Float64Array(n);
  for (let i = 1; i < n; i++) offset[i] = offset[i - 1] + separation[i - 1];

  // Blocks of pooled nodes: weighted mean of their targets, total weight, and size.
  const mean: number[] = [];
  const total: number[] = [];
  const size: number[] = [];
  for (let i = 0; i < n; i++) {
    let m = desired[i] - offset[i];
    let w = weight[i];
    let s = 1;
    while (mean.length > 0 && mean[mean.length - 1] >= m) {
      const pw = total.pop()!;
      const pm = mean.pop()!;
      m = (pm * pw + m * w) / (pw + w);
      w += pw;
      s += size.pop()!;
    }
    mean.push(m);
    total.push(w);
    size.push(s);
  }
  const result = new Array<number>(n);
  let i = 0;
  for (let b = 0; b < mean.length; b++) {
    for (let k = 0; k < size[b]; k++, i++) result[i] = mean[b] + offset[i];
  }
  return result;
}
