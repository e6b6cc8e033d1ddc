import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as T from "../../../engine/tensor/index";
import { parsePython } from "../../../lang/python/parsePython";
import { makeBuiltins } from "../../builtins";
import { Interpreter } from "../../interpreter/interpreter";
import { BuiltinModules } from "../../moduleLoader";
import { dot, matmul } from "./linalg";
import { NpScalar, type NdArray } from "./ndarray";
import { numpyStateOf } from "./numpyModule";
import { transpose } from "./shapes";

/**
 * numpy's float64 products where OpenBLAS 0.3.21 splits the work between its two threads (and
 * just below the sizes where it starts to), to the last bit: fixtures/blas_threads.json holds
 * numpy 1.24.2's results on a two-core machine, recorded by fixtures/record_blas_threads.py.
 */

interface Summary {
  shape: number[];
  hash: number;
  values?: number[];
}

interface GemmCase extends Summary {
  fn: "dot" | "matmul";
  m: number;
  k: number;
  n: number;
  ta: boolean;
  tb: boolean;
}

interface GemvCase extends Summary {
  fn: "dot" | "matmul";
  rows: number;
  cols: number;
  left: boolean;
  t: boolean;
}

interface DotCase {
  n: number;
  sx: number;
  sy: number;
  result: number;
}

const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures/blas_threads.json"), "utf8")) as {
  gemm: GemmCase[];
  gemv: GemvCase[];
  dot: DotCase[];
};

function numpy() {
  const program = parsePython("import numpy as np\n").program!;
  const interp = new Interpreter(program, 1e9, makeBuiltins, new BuiltinModules(), null);
  interp.run();
  return numpyStateOf(interp)!;
}

const s = numpy();

/** The recording's operands: integers divided by 7919 (correctly rounded, so exactly numpy's). */
function operandValues(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = (i * 2654435761 + seed * 40503) % 2 ** 32;
    out[i] = ((h % 20011) - 10005) / 7919;
  }
  return out;
}

/** A rows×cols operand: C-ordered, or the transpose of a C-ordered cols×rows array. */
function matrix(rows: number, cols: number, transposed: boolean, seed: number): NdArray {
  const values = operandValues(rows * cols, seed);
  return transposed
    ? transpose(s, s.fresh(values, [cols, rows], "float64"), null)
    : s.fresh(values, [rows, cols], "float64");
}

/** Every `step`-th of n·step operand values, as a strided view (numpy's x[::step]). */
function stridedVector(n: number, step: number, seed: number): NdArray {
  const t = new T.Tensor(new T.Storage(operandValues(n * step, seed)), [n], [step], 0, "float64");
  return s.array(t, "float64");
}

/** FNV-1a (32 bits) of the values' float64 bytes, little-endian, as the recording hashes them. */
function fnv(values: Float64Array): number {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

function expectSummary(r: NdArray | NpScalar, c: Summary): void {
  const values = r instanceof NpScalar ? Float64Array.of(r.value) : Float64Array.from(r.tensor.values());
  if (!(r instanceof NpScalar)) expect(r.tensor.shape).toEqual(c.shape);
  if (c.values !== undefined) expect(Array.from(values)).toEqual(c.values);
  expect(fnv(values)).toBe(c.hash);
}

describe("numpy's matrix products split between two OpenBLAS threads, bit for bit", () => {
  fixture.gemm.forEach((c, i) => {
    it(`${c.fn} ${c.m}×${c.k}${c.ta ? " (Aᵀ)" : ""} · ${c.k}×${c.n}${c.tb ? " (Bᵀ)" : ""}`, () => {
      const a = matrix(c.m, c.k, c.ta, 2 * i + 1);
      const b = matrix(c.k, c.n, c.tb, 2 * i + 2);
      expectSummary(c.fn === "dot" ? dot(s, a, b) : matmul(s, a, b), c);
    });
  });
});

describe("numpy's matrix-vector products split between two OpenBLAS threads, bit for bit", () => {
  fixture.gemv.forEach((c, i) => {
    const name = c.left ? `v · ${c.rows}×${c.cols}` : `${c.rows}×${c.cols} · v`;
    it(`${c.fn} ${name}${c.t ? " (transposed view)" : ""}`, () => {
      const a = matrix(c.rows, c.cols, c.t, 2 * i + 101);
      const v = s.fresh(
        operandValues(c.left ? c.rows : c.cols, 2 * i + 102),
        [c.left ? c.rows : c.cols],
        "float64",
      );
      const [x, y] = c.left ? [v, a] : [a, v];
      expectSummary(c.fn === "dot" ? dot(s, x, y) : matmul(s, x, y), c);
    });
  });
});

describe("numpy's dot products split between two OpenBLAS threads, bit for bit", () => {
  fixture.dot.forEach((c, i) => {
    it(`${c.n} elements, strides ${c.sx} and ${c.sy}`, () => {
      const x = stridedVector(c.n, c.sx, 2 * i + 201);
      const y = stridedVector(c.n, c.sy, 2 * i + 202);
      const r = dot(s, x, y);
      expect(r instanceof NpScalar ? r.value : NaN).toBe(c.result);
    });
  });
});
