import { fmaf } from "../../math/fusedMultiplyAdd";
import type { FloatArray } from "../floatArray";
import { loadFmafChainKernel, type FmafChainKernel } from "./fmafChainKernel";

/**
 * A float32 matrix product summed in the order PyTorch's CPU build sums it, so that a float32
 * model's numbers agree with PyTorch's to the last bit. PyTorch 1.13 (as Debian builds it) hands
 * `mm`/`addmm` to OpenBLAS 0.3.21, whose sgemm on x86-64 with AVX2 runs the Haswell kernel:
 * every product is a float32 fused multiply-add into a float32 accumulator, the depth is cut
 * into blocks of at most 320 that are added to C one after another, and some tiles of the
 * kernel keep two accumulators (even and odd steps of each group of 8) that are added at the
 * end. Which tile an element falls in depends on the shape, the blocking and — past 262,144
 * multiply-adds — on how OpenBLAS splits the work between its threads (two, the number this
 * model is fixed at, so that the numbers do not depend on the machine GradLens runs on).
 *
 * OpenBLAS is column-major: PyTorch's row-major C = A·B is its Cᵀ = Bᵀ·Aᵀ, so the kernel's
 * "m" runs along C's columns and its "n" along C's rows. The schedule below is written in
 * those terms. Checked against PyTorch 1.13.1 on shapes from 1×1×1 to 250,007×9×16
 * (openBlasSgemm.test.ts holds the recorded numbers).
 */

const GEMM_P = 320; // rows of Aᵀ (C's columns) per block
const GEMM_Q = 320; // depth per block
const GEMM_R = 104512; // C's rows per outer block (from OpenBLAS's 128 MB buffer)
const UNROLL_M = 8;
const UNROLL_N = 4;
const THREADS = 2;
const SWITCH_RATIO = 2;
const SERIAL_LIMIT = 65536 * 4; // at most this many multiply-adds run on one thread

/** One call of the kernel: C's columns [col, col + cols) × the row paths it was given. */
interface KernelCall {
  col: number;
  cols: number;
  /** Each path of the kernel's column loop: its width (12, 8, 4, 2 or 1) and first C row. */
  paths: { width: number; row: number }[];
}

/** The kernel's own column loop over n columns (C rows) from `row`: 12s, then 8, 4s, 2s, 1s. */
function kernelPaths(n: number, row: number, out: KernelCall["paths"]): void {
  let j = 0;
  for (; n - j > 11; j += 12) out.push({ width: 12, row: row + j });
  for (; n - j > 7; j += 8) out.push({ width: 8, row: row + j });
  for (; n - j > 3; j += 4) out.push({ width: 4, row: row + j });
  for (; n - j > 1; j += 2) out.push({ width: 2, row: row + j });
  for (; n - j > 0; j += 1) out.push({ width: 1, row: row + j });
}

/** The driver's first pass over a panel: the kernel called on slices of 12, 4, or what is left. */
function slicedPaths(n: number, row: number, out: KernelCall["paths"]): void {
  for (let j = 0; j < n;) {
    const left = n - j;
    const slice = left >= 3 * UNROLL_N ? 3 * UNROLL_N : left > UNROLL_N ? UNROLL_N : left;
    kernelPaths(slice, row + j, out);
    j += slice;
  }
}

/** A step of C's columns: the whole when short, else P, else half rounded up to UNROLL_M. */
function columnStep(left: number, half: number): number {
  if (left >= 2 * GEMM_P) return GEMM_P;
  if (left > GEMM_P) return Math.ceil(half / UNROLL_M) * UNROLL_M;
  return left;
}

/** The depth blocks [start, start + size), in order. */
export function depthBlocks(k: number, threaded: boolean): [number, number][] {
  const blocks: [number, number][] = [];
  for (let ls = 0; ls < k;) {
    const left = k - ls;
    let size = left;
    if (left >= 2 * GEMM_Q) size = GEMM_Q;
    else if (left > GEMM_Q)
      size = threaded ? Math.floor((left + 1) / 2) : Math.ceil(Math.floor(left / 2) / UNROLL_M) * UNROLL_M;
    blocks.push([ls, size]);
    ls += size;
  }
  return blocks;
}

/** The kernel calls of one depth block of the one-thread driver (level3.c). */
function serialCalls(m: number, n: number): KernelCall[] {
  const calls: KernelCall[] = [];
  for (let js = 0; js < n; js += GEMM_R) {
    const width = Math.min(GEMM_R, n - js);
    let first = true;
    for (let is = 0; is < m;) {
      const cols = columnStep(m - is, Math.floor((m - is) / 2));
      const call: KernelCall = { col: is, cols, paths: [] };
      if (first) slicedPaths(width, js, call.paths);
      else kernelPaths(width, js, call.paths);
      calls.push(call);
      is += cols;
      first = false;
    }
  }
  return calls;
}

/** OpenBLAS's split of `total` into `parts` ranges (level3_thread.c), each at least `least`. */
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

/** The kernel calls of one depth block of the threaded driver (level3_thread.c), all threads. */
function threadedCalls(m: number, n: number, mThreads: number, threads: number): KernelCall[] {
  const calls: KernelCall[] = [];
  const colEdges = split(m, mThreads, 1);
  for (let js = 0; js < n; js += GEMM_R * threads) {
    const width = Math.min(n - js, GEMM_R * threads);
    const rowEdges = split(width, threads, SWITCH_RATIO).map((e) => e + js);
    // the kernel calls over the two halves (DIVIDE_RATE) of thread t's rows, one per half:
    // sliced as the driver's first pass slices them, or whole (the order of calls is immaterial:
    // each element of C is in exactly one per depth block)
    const callsOver = (t: number, col: number, cols: number, sliced: boolean): void => {
      const [from, to] = [rowEdges[t], rowEdges[t + 1]];
      const half = Math.ceil((to - from) / 2);
      for (let row = from; row < to; row += half) {
        const call: KernelCall = { col, cols, paths: [] };
        (sliced ? slicedPaths : kernelPaths)(Math.min(to - row, half), row, call.paths);
        calls.push(call);
      }
    };
    for (let pos = 0; pos < threads; pos++) {
      const group = Math.floor(pos / mThreads);
      const [from, to] = [colEdges[pos % mThreads], colEdges[(pos % mThreads) + 1]];
      const next = (t: number): number => (t + 1 >= (group + 1) * mThreads ? group * mThreads : t + 1);
      let first = true;
      for (let is = from; is < to;) {
        const left = to - is;
        const cols = columnStep(left, first ? Math.floor(left / 2) : Math.floor((left + 1) / 2));
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
function schedule(rows: number, cols: number, depth: number): { calls: KernelCall[]; threaded: boolean } {
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
      return { calls: threadedCalls(m, n, mThreads, mThreads * nThreads), threaded: true };
  }
  return { calls: serialCalls(m, n), threaded: false };
}

/**
 * Marks, for every element of C (row-major), whether its tile keeps two accumulators. The
 * 8-column tiles of a 4-wide path do (m8n4), and in a 12-wide path of a call at least 16
 * columns wide, the 8-column groups the kernel's staggered 16×6 loop leaves single: the first
 * group of the left six rows, and the last group of whichever side ends alone.
 */
function pairedTiles(rows: number, cols: number, calls: KernelCall[]): Uint8Array {
  const paired = new Uint8Array(rows * cols);
  for (const call of calls) {
    const groups = Math.floor(call.cols / UNROLL_M);
    for (const path of call.paths) {
      if (path.width === 4) {
        for (let r = path.row; r < path.row + 4; r++)
          paired.fill(1, r * cols + call.col, r * cols + call.col + groups * UNROLL_M);
      } else if (path.width === 12 && call.cols >= 16) {
        const mark = (firstRow: number, group: number): void => {
          for (let r = path.row + firstRow; r < path.row + firstRow + 6; r++) {
            const start = r * cols + call.col + group * UNROLL_M;
            paired.fill(1, start, start + UNROLL_M);
          }
        };
        mark(0, 0);
        if (groups % 2 === 0) mark(0, groups - 1);
        else mark(6, groups - 1);
      }
    }
  }
  return paired;
}

/**
 * `acc[j] = fmaf(av, b[bRow + j], acc[j])` for j in [from, to): one step of part of a row. fmaf
 * is inlined: the double sum rounded to float32 is right unless it lands exactly on a halfway
 * point between two floats, or overflows; those rare cases go to fmaf itself.
 */
function step(av: number, b: Float64Array, bRow: number, acc: Float64Array, from: number, to: number): void {
  for (let j = from; j < to; j++) {
    const bv = b[bRow + j];
    const old = acc[j];
    const s = av * bv + old;
    const r = Math.fround(s);
    const other = r + 2 * (s - r);
    if ((Math.fround(other) === other && r !== s) || r === Infinity || r === -Infinity)
      acc[j] = fmaf(av, bv, old);
    else acc[j] = r;
  }
}

/** A row's columns as runs [start, end) with one kind of tile each (two accumulators or one). */
function runsOf(
  paired: Uint8Array,
  base: number,
  cols: number,
): { start: number; end: number; two: boolean }[] {
  const runs: { start: number; end: number; two: boolean }[] = [];
  for (let j = 0; j < cols;) {
    const two = paired[base + j] === 1;
    let end = j + 1;
    while (end < cols && (paired[base + end] === 1) === two) end++;
    runs.push({ start: j, end, two });
    j = end;
  }
  return runs;
}

/** A column range of a row with one kind of tile: two accumulators or one. */
interface Run {
  start: number;
  end: number;
  two: boolean;
}

/** Rows × cols of a strided matrix copied row-major into `out` from index `at`. */
function pack(
  rows: number,
  cols: number,
  x: ArrayLike<number>,
  offset: number,
  row: number,
  col: number,
  out: Float64Array,
  at: number,
): void {
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) out[at + i * cols + j] = x[offset + i * row + j * col];
}

/**
 * Where one row's accumulators for one depth block are computed: A's row at `a` (its `size`
 * steps from the block's start), B's block at `b` (row-major, `cols` wide), and the even/odd
 * accumulators, all indices into `mem`. Steps below `pairs` alternate between the two
 * accumulators where a tile keeps two: even steps (then the rest) in one, odd steps in the other.
 */
interface RowBlock {
  mem: Float64Array;
  a: number;
  b: number;
  even: number;
  odd: number;
  cols: number;
  size: number;
  runs: Run[];
}

/** The row block in JavaScript. */
function rowBlockJs(w: RowBlock): void {
  const { mem, cols, size, runs } = w;
  const pairs = size - (size % 8);
  mem.fill(0, w.even, w.even + cols);
  mem.fill(0, w.odd, w.odd + cols);
  const even = mem.subarray(w.even, w.even + cols);
  const odd = mem.subarray(w.odd, w.odd + cols);
  for (let p = 0; p < size; p++) {
    const av = mem[w.a + p];
    const bBase = w.b + p * cols;
    if (p < pairs && (p & 1) === 1)
      for (let r = 0; r < runs.length; r++)
        step(av, mem, bBase, runs[r].two ? odd : even, runs[r].start, runs[r].end);
    else step(av, mem, bBase, even, 0, cols);
  }
}

/** The row block in the WebAssembly kernel; false when it met a case it leaves to JavaScript. */
function rowBlockWasm(k: FmafChainKernel, w: RowBlock): boolean {
  const { cols, size, runs } = w;
  w.mem.fill(0, w.even, w.even + cols);
  w.mem.fill(0, w.odd, w.odd + cols);
  const pairs = size - (size % 8);
  const row = cols * 8;
  let flag = 0;
  for (const run of runs) {
    const n = run.end - run.start;
    const a = w.a * 8;
    const b = (w.b + run.start) * 8;
    const even = (w.even + run.start) * 8;
    if (!run.two) flag |= k.chain(a, b, even, size, 8, row, n);
    else {
      flag |= k.chain(a, b, even, pairs / 2, 16, 2 * row, n);
      flag |= k.chain(a + pairs * 8, b + pairs * row, even, size - pairs, 8, row, n);
      flag |= k.chain(a + 8, b + row, (w.odd + run.start) * 8, pairs / 2, 16, 2 * row, n);
    }
  }
  return flag === 0;
}

/** Whether mem[from, to) holds no infinity or NaN (the kernel leaves overflows to JavaScript). */
function allFinite(mem: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (mem[i] - mem[i] !== 0) return false;
  return true;
}

let chainKernel: FmafChainKernel | null | undefined;
let useWasm = true;

/** Chooses the inner loop: for tests that hold WebAssembly and JavaScript to the same bits. */
export function setSgemmWasm(enabled: boolean): void {
  useWasm = enabled;
}

/** The float64 slots to compute in: the kernel's memory grown to `slots`, or a new array. */
function workspace(slots: number): { mem: Float64Array; kernel: FmafChainKernel | null } {
  if (useWasm) {
    chainKernel ??= loadFmafChainKernel(slots * 8);
    if (chainKernel !== null) {
      const memory = chainKernel.memory;
      const bytes = slots * 8;
      if (memory.buffer.byteLength < bytes)
        memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
      return { mem: new Float64Array(memory.buffer, 0, slots), kernel: chainKernel };
    }
  }
  return { mem: new Float64Array(slots), kernel: null };
}

/** Rows of A packed at a time (A is not copied whole: a tall A would keep its copy's memory). */
const ROW_CHUNK = 64;

/**
 * C (rows×cols, strides cRow/cCol, holding its starting values: zeros, or the bias of an
 * `addmm`) += A (rows×depth) · B (depth×cols), every step rounded to float32 as OpenBLAS's
 * kernel rounds it. A and B hold float32 values; so does C afterwards.
 */
export function openBlasSgemm(
  rows: number,
  cols: number,
  depth: number,
  a: ArrayLike<number>,
  aOffset: number,
  aRow: number,
  aCol: number,
  b: ArrayLike<number>,
  bOffset: number,
  bRow: number,
  bCol: number,
  c: FloatArray,
  cOffset: number,
  cRow: number,
  cCol: number,
): void {
  if (rows === 0 || cols === 0 || depth === 0) return;
  const { calls, threaded } = schedule(rows, cols, depth);
  const paired = pairedTiles(rows, cols, calls);
  const blocks = depthBlocks(depth, threaded);
  // slots: B, then the even and odd accumulators, then a chunk of A's rows
  const evenAt = depth * cols;
  const oddAt = evenAt + cols;
  const aAt = oddAt + cols;
  const { mem, kernel } = workspace(aAt + ROW_CHUNK * depth);
  pack(depth, cols, b, bOffset, bRow, bCol, mem, 0);
  for (let i = 0; i < rows; i++) {
    const chunkRow = i % ROW_CHUNK;
    if (chunkRow === 0)
      pack(Math.min(ROW_CHUNK, rows - i), depth, a, aOffset + i * aRow, aRow, aCol, mem, aAt);
    const runs = runsOf(paired, i * cols, cols);
    const cBase = cOffset + i * cRow;
    for (const [start, size] of blocks) {
      const w: RowBlock = {
        mem,
        a: aAt + chunkRow * depth + start,
        b: start * cols,
        even: evenAt,
        odd: oddAt,
        cols,
        size,
        runs,
      };
      if (kernel === null || !rowBlockWasm(kernel, w) || !allFinite(mem, evenAt, aAt)) rowBlockJs(w);
      for (const run of runs)
        for (let j = run.start; j < run.end; j++) {
          const block = run.two ? fmaf(mem[evenAt + j], 1, mem[oddAt + j]) : mem[evenAt + j];
          const at = cBase + j * cCol;
          c[at] = fmaf(block, 1, c[at]);
        }
    }
  }
}
