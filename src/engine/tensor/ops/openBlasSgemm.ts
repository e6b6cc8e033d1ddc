import { fmaf } from "../../math/fusedMultiplyAdd";
import type { FloatArray } from "../floatArray";
import { loadFmafChainKernel, type FmafChainKernel } from "./fmafChainKernel";
import {
  depthBlocks as driverDepthBlocks,
  level3Schedule,
  type Blocking,
  type KernelCall,
} from "./openBlasDriver";

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
 * "m" runs along C's columns and its "n" along C's rows. The driver's schedule of kernel calls
 * is in openBlasDriver.ts (numpy's float64 products share it). Checked against PyTorch 1.13.1 on shapes from 1×1×1 to 250,007×9×16
 * (openBlasSgemm.test.ts holds the recorded numbers).
 */

const SGEMM: Blocking = { p: 320, q: 320, r: 104512, unrollM: 8, unrollN: 4 }; // R: from OpenBLAS's 128 MB buffer
const UNROLL_M = SGEMM.unrollM;

/** The depth blocks [start, start + size) of sgemm, in order. */
export function depthBlocks(k: number, threaded: boolean): [number, number][] {
  return driverDepthBlocks(k, threaded, SGEMM);
}

/** The kernel's own column loop over n columns (C rows) from `row`: widths 12, then 8, 4s, 2s, 1s. */
function kernelPaths(n: number, row: number): { width: number; row: number }[] {
  const out: { width: number; row: number }[] = [];
  let j = 0;
  for (; n - j > 11; j += 12) out.push({ width: 12, row: row + j });
  for (; n - j > 7; j += 8) out.push({ width: 8, row: row + j });
  for (; n - j > 3; j += 4) out.push({ width: 4, row: row + j });
  for (; n - j > 1; j += 2) out.push({ width: 2, row: row + j });
  for (; n - j > 0; j += 1) out.push({ width: 1, row: row + j });
  return out;
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
    for (const path of kernelPaths(call.rows, call.row)) {
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
  const { calls, threaded } = level3Schedule(rows, cols, depth, SGEMM);
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
