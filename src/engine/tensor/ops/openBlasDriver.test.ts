import { describe, expect, it } from "vitest";
import { depthBlocks, level3Schedule, type Blocking } from "./openBlasDriver";

const DGEMM: Blocking = { p: 512, q: 256, r: 13824, unrollM: 4, unrollN: 8 };
const SGEMM: Blocking = { p: 320, q: 320, r: 104512, unrollM: 8, unrollN: 4 };

describe("OpenBLAS's level-3 driver schedule", () => {
  it("runs up to 262,144 multiply-adds on one thread, and more on two", () => {
    expect(level3Schedule(64, 64, 64, DGEMM).threaded).toBe(false);
    expect(level3Schedule(64, 64, 65, DGEMM).threaded).toBe(true);
    // too narrow to split (C's one column, one row): one thread however big
    expect(level3Schedule(1, 1, 10 ** 6, DGEMM).threaded).toBe(false);
  });

  it("covers every element of C exactly once per depth block", () => {
    for (const [rows, cols, depth] of [
      [64, 100, 1000],
      [65, 64, 64],
      [7, 300, 301],
      [3001, 7, 30],
      [13, 1031, 40],
      [5, 3, 2],
    ])
      for (const b of [DGEMM, SGEMM]) {
        const hits = new Uint8Array(rows * cols);
        for (const c of level3Schedule(rows, cols, depth, b).calls)
          for (let i = c.row; i < c.row + c.rows; i++)
            for (let j = c.col; j < c.col + c.cols; j++) hits[i * cols + j]++;
        expect(hits.every((h) => h === 1)).toBe(true);
      }
  });

  it("halves each thread's rows, so a kernel call over an odd number of rows can end mid-C", () => {
    // 64 columns, 65 rows: each thread takes 32 columns and, for them, the rows of both threads'
    // ranges (33 and 32), each range in halves: 17 and 16, then 16 and 16
    const odd = level3Schedule(65, 64, 64, DGEMM).calls.filter((c) => c.rows % 2 === 1);
    expect(odd.map((c) => c.row + c.rows - 1)).toEqual([16, 16]);
    expect(odd.map((c) => [c.col, c.cols])).toEqual([
      [0, 32],
      [32, 32],
    ]);
    // on one thread the only odd call is the last row's
    const serial = level3Schedule(65, 8, 8, DGEMM).calls.filter((c) => c.rows % 2 === 1);
    expect(serial.map((c) => c.row + c.rows - 1)).toEqual([64]);
  });

  it("halves a depth between Q and 2Q rounded to the unroll on one thread, plainly on two", () => {
    expect(depthBlocks(300, false, DGEMM)).toEqual([
      [0, 152],
      [152, 148],
    ]);
    expect(depthBlocks(301, true, DGEMM)).toEqual([
      [0, 151],
      [151, 150],
    ]);
    expect(depthBlocks(1000, true, DGEMM).map(([, size]) => size)).toEqual([256, 256, 244, 244]);
  });
});
