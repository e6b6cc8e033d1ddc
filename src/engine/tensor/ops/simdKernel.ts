import { instantiate, oneFunctionModule, uleb, vector, type WasmMemory } from "./wasmBytes";

/**
 * The 4×4 GEMM micro-kernel in WebAssembly SIMD: two float64 lanes per instruction, so each step
 * along k does 8 vector multiply-adds where the JavaScript kernel does 16 scalar ones. It makes
 * the same products and adds them in the same order (no fused multiply-add), so its sums are
 * bit for bit the JavaScript kernel's.
 *
 * The module is a few hundred bytes, assembled here rather than shipped as a binary: one
 * function `kernel(a, b, kc, out)` over its own memory, where `a` and `b` are byte offsets of
 * packed 4-wide slivers (as gemm.ts packs them) and `out` receives the 16 sums row by row.
 * Where WebAssembly SIMD is missing, `loadSimdKernel` returns null and gemm stays in JavaScript.
 */

export interface SimdKernel {
  /** Writes the 4×4 block A-sliver · B-sliver (kc steps) to float64 slots out/8 … out/8 + 15. */
  kernel(aByteOffset: number, bByteOffset: number, kc: number, outByteOffset: number): void;
  memory: WasmMemory;
}

// Local indices: the four parameters, then v128 locals.
const A = 0;
const B = 1;
const KC = 2;
const OUT = 3;
const ACC = 4; // 8 accumulators: row r, lanes (0,1) at ACC + 2r, lanes (2,3) at ACC + 2r + 1
const AV = 12; // 4 splatted values of the A sliver
const B01 = 16;
const B23 = 17;
const V128_LOCALS = 14;

const op = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  f64Load: 0x2b,
  void: 0x40,
  simd: 0xfd,
  v128: 0x7b,
  i32: 0x7f,
} as const;

/** SIMD opcodes (after the 0xfd prefix), as unsigned LEB128. */
const simdOp = {
  v128Load: [0x00],
  v128Store: [0x0b],
  f64x2Splat: [0x14],
  f64x2Add: [0xf0, 0x01],
  f64x2Mul: [0xf2, 0x01],
} as const;

/** The kernel's body: the k loop, then the 8 accumulators stored to `out`. */
function kernelBody(): number[] {
  const get = (i: number) => [op.localGet, i];
  const set = (i: number) => [op.localSet, i];
  const simd = (code: readonly number[]) => [op.simd, ...code];
  const memarg = (align: number, offset: number) => [align, ...uleb(offset)];
  const code: number[] = [];
  code.push(op.block, op.void, op.loop, op.void);
  code.push(...get(KC), op.i32Eqz, op.brIf, 1);
  code.push(...get(B), ...simd(simdOp.v128Load), ...memarg(3, 0), ...set(B01));
  code.push(...get(B), ...simd(simdOp.v128Load), ...memarg(3, 16), ...set(B23));
  for (let r = 0; r < 4; r++) {
    code.push(...get(A), op.f64Load, ...memarg(3, 8 * r), ...simd(simdOp.f64x2Splat), ...set(AV + r));
  }
  for (let r = 0; r < 4; r++) {
    for (let half = 0; half < 2; half++) {
      const acc = ACC + 2 * r + half;
      code.push(...get(acc), ...get(AV + r), ...get(half === 0 ? B01 : B23));
      code.push(...simd(simdOp.f64x2Mul), ...simd(simdOp.f64x2Add), ...set(acc));
    }
  }
  code.push(...get(A), op.i32Const, ...uleb(32), op.i32Add, ...set(A));
  code.push(...get(B), op.i32Const, ...uleb(32), op.i32Add, ...set(B));
  code.push(...get(KC), op.i32Const, 1, op.i32Sub, ...set(KC));
  code.push(op.br, 0, op.end, op.end);
  for (let slot = 0; slot < 8; slot++) {
    code.push(...get(OUT), ...get(ACC + slot), ...simd(simdOp.v128Store), ...memarg(3, 16 * slot));
  }
  code.push(op.end);
  const locals = vector([[V128_LOCALS, op.v128]]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

/** The whole module: one type, one function, one memory of `pages` 64 KiB pages, both exported. */
export function simdKernelModule(pages: number): Uint8Array<ArrayBuffer> {
  return oneFunctionModule(4, false, "kernel", kernelBody(), pages);
}

/** Instantiates the kernel with room for `bytes` of packed operands, or null without SIMD. */
export function loadSimdKernel(bytes: number): SimdKernel | null {
  const exports = instantiate(simdKernelModule(Math.ceil(bytes / 65536)));
  if (exports === null) return null;
  const { kernel, memory } = exports as SimdKernel;
  return { kernel, memory };
}
