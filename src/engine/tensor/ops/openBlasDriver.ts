/**
 * How OpenBLAS 0.3.21's level-3 driver cuts a matrix product into calls of its kernel, with
 * one thread (driver/level3/level3.c) or split between two (level3_thread.c). The kernel sums
 * each element of C in an order that depends on the call it falls in (its width, where it
 * starts), and the depth is cut into blocks added to C one after another; so to have a BLAS
 * library's last digits one needs the same calls. The schedule is the same for float32 and
 * float64: only the blocking (GEMM_P/Q/R, the kernel's unroll) differs.
 *
 * OpenBLAS is column-major: a row-major C = A·B is its Cᵀ = Bᵀ·Aᵀ, so its "m" runs along C's
 * columns and its "n" along C's rows. The schedule is written in those terms.
 *
 * The number of threads is fixed at two (the machines GradLens was checked on, and CI), so
 * that numbers do not depend on the machine GradLens runs on. The thread-splitting driver is
 * compiled generically in Debian's DYNAMIC_ARCH build: SWITCH_RATIO is its default of 2 and
 * ranges are not rounded to a preferred size.
 */

/** A kernel's blocking: GEMM_P (C's columns per step), GEMM_Q (depth), GEMM_R (C's rows), unrolls. */
export interface Blocking {
  p: number;
  q: number;
  r: number;
  unrollM: number;
  unrollN: number;
}

/** One call of the kernel: C's columns [col, col + cols) × C's rows [row, row + rows). */
export interface KernelCall {
  col: number;
  cols: number;
  row: number;
  rows: number;
}

const THREADS = 2;
const SWITCH_RATIO = 2;
const SERIAL_LIMIT = 65536 * 4; // at most this many multiply-adds run on one thread

/** The depth blocks [start, start + size), in order. */
export function depthBlocks(k: number, threaded: boolean, b: Blocking): [number, number][] {
  const blocks: [number, number][] = [];
  for (let ls = 0; ls < k;) {
    const left = k - ls;
    let size = left;
    if (left >= 2 * b.q) size = b.q;
    else if (left > b.q)
      size = threaded ? Math.floor((left + 1) / 2) : Math.ceil(Math.floor(left / 2) / b.unrollM) * b.unrollM;
    blocks.push([ls, size]);
    ls += size;
  }
  return blocks;
}

/** A step of C's columns: the whole when short, else P, else half rounded up to the unroll. */
function columnStep(left: number, half: number, b: Blocking): number {
  if (left >= 2 * b.p) return b.p;
  if (left > b.p) return Math.ceil(half / b.unrollM) * b.unrollM;
  return left;
}

/** The driver's first pass over a panel of rows: kernel calls on slices of 3·unroll, unroll, or what is left. */
function slicedCalls(
  col: number,
  cols: number,
  row: number,
  rows: number,
  b: Blocking,
  out: KernelCall[],
): void {
  for (let j = 0; j < rows;) {
    const left = rows - j;
    const slice = left >= 3 * b.unrollN ? 3 * b.unrollN : left > b.unrollN ? b.unrollN : left;
    out.push({ col, cols, row: row + j, rows: slice });
    j += slice;
  }
}

/** The kernel calls of one depth block of the one-thread driver. */
function serialCalls(m: number, n: number, b: Blocking): KernelCall[] {
  const calls: KernelCall[] = [];
  for (let js = 0; js < n; js += b.r) {
    const width = Math.min(b.r, n - js);
    let first = true;
    for (let is = 0; is < m;) {
      const cols = columnStep(m - is, Math.floor((m - is) / 2), b);
      if (first) slicedCalls(is, cols, js, width, b, calls);
      else calls.push({ col: is, cols, row: js, rows: width });
      is += cols;
      first = false;
    }
  }
  return calls;
}

/** OpenBLAS's split of `total` into `parts` ranges, each at least `least`. */
function split(total: number, parts: number, least: number): number[] {
  const edges = [0];
  let left = total;
  for (let p = 0; left > 0; p++) {
    let width = Math.floor((left + parts - p - 1) / (parts - p));
    if (width < least) width = least;
    left -= width;
    if (left < 0) width += left;
    edges.push(edges[edges.length - 1] + width);
  }
  while (edges.length < parts + 1) edges.push(edges[edges.length - 1]);
  return edges;
}

/** The kernel calls of one depth block of the threaded driver, all threads. */
function threadedCalls(m: number, n: number, mThreads: number, threads: number, b: Blocking): KernelCall[] {
  const calls: KernelCall[] = [];
  const colEdges = split(m, mThreads, 1);
  for (let js = 0; js < n; js += b.r * threads) {
    const width = Math.min(n - js, b.r * threads);
    const rowEdges = split(width, threads, SWITCH_RATIO).map((e) => e + js);
    // the kernel calls over the two halves (DIVIDE_RATE) of thread t's rows, one per half:
    // sliced as the driver's first pass slices them, or whole (the order of calls is immaterial:
    // each element of C is in exactly one per depth block)
    const callsOver = (t: number, col: number, cols: number, sliced: boolean): void => {
      const [from, to] = [rowEdges[t], rowEdges[t + 1]];
      const half = Math.ceil((to - from) / 2);
      for (let row = from; row < to; row += half) {
        const rows = Math.min(to - row, half);
        if (sliced) slicedCalls(col, cols, row, rows, b, calls);
        else calls.push({ col, cols, row, rows });
      }
    };
    for (let pos = 0; pos < threads; pos++) {
      const group = Math.floor(pos / mThreads);
      const [from, to] = [colEdges[pos % mThreads], colEdges[(pos % mThreads) + 1]];
      const next = (t: number): number => (t + 1 >= (group + 1) * mThreads ? group * mThreads : t + 1);
      let first = true;
      for (let is = from; is < to;) {
        const left = to - is;
        const cols = columnStep(left, first ? Math.floor(left / 2) : Math.floor((left + 1) / 2), b);
        // a thread's first column step slices its own rows; the rest of its group's rows, and
        // every later step, go to the kernel whole
        callsOver(pos, is, cols, first);
        for (let t = next(pos); t !== pos; t = next(t)) callsOver(t, is, cols, false);
        is += cols;
        first = false;
      }
    }
  }
  return calls;
}

/** The kernel calls for C = A·B with `rows`×`cols` C and depth `depth`, and whether threaded. */
export function level3Schedule(
  rows: number,
  cols: number,
  depth: number,
  b: Blocking,
): { calls: KernelCall[]; threaded: boolean } {
  const m = cols;
  const n = rows;
  if (m * n * depth > SERIAL_LIMIT) {
    let mThreads = m < 2 * SWITCH_RATIO ? 1 : THREADS;
    while (m < mThreads * SWITCH_RATIO) mThreads = Math.floor(mThreads / 2);
    let nThreads = 1;
    if (n >= SWITCH_RATIO * mThreads) {
      nThreads = Math.ceil(n / (SWITCH_RATIO * mThreads));
      if (mThreads * nThreads > THREADS) nThreads = Math.floor(THREADS / mThreads);
    }
    if (mThreads * nThreads > 1)
      return { calls: threadedCalls(m, n, mThreads, mThreads * nThreads, b), threaded: true };
  }
  return { calls: serialCalls(m, n, b), threaded: false };
}
