import { instantiate, oneFunctionModule, uleb, vector, type WasmMemory } from "./wasmBytes";

/**
 * The inner loop of openBlasSgemm.ts in WebAssembly SIMD, two columns per instruction:
 *
 *     repeat count times: acc[j] = fmaf(a[0], b[j], acc[j]) for j < n; a += aStep; b += bStep
 *
 * over float64 slots holding float32 values. fmaf is emulated as in fusedMultiplyAdd.ts: the
 * product of two floats is exact in a double, so the double sum rounded to float32 is fmaf's
 * result unless that sum lands exactly on a halfway point between two floats, or overflows.
 * The kernel does not resolve those (rare) cases: it returns 1 when it met a halfway point, and
 * the caller redoes the work in JavaScript; an overflow leaves an infinity or NaN in `acc` for
 * good (no later step makes it finite), which the caller checks for instead.
 *
 * Assembled here like simdKernel.ts: `chain(a, b, acc, count, aStep, bStep, n) -> i32`, byte
 * offsets into its own memory.
 */

export interface FmafChainKernel {
  chain(a: number, b: number, acc: number, count: number, aStep: number, bStep: number, n: number): number;
  memory: WasmMemory;
}

// parameters
const A = 0;
const B = 1;
const ACC = 2;
const COUNT = 3;
const A_STEP = 4;
const B_STEP = 5;
const N = 6;
// i32 locals
const J = 7;
const AT = 8;
const FLAG = 9;
// v128 locals
const AV = 10;
const S = 11;
const R = 12;
const D = 13;
const O = 14;
const MASK = 15;
// f64 locals
const AVS = 16;
const SS = 17;
const RS = 18;
const DS = 19;
const OS = 20;

const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtS: 0x48,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32And: 0x71,
  i32Or: 0x72,
  i32Shl: 0x74,
  f64Load: 0x2b,
  f64Store: 0x39,
  f64Eq: 0x61,
  f64Ne: 0x62,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f32DemoteF64: 0xb6,
  f64PromoteF32: 0xbb,
  void: 0x40,
  simd: 0xfd,
  v128: 0x7b,
  i32: 0x7f,
  f64: 0x7c,
} as const;

/** SIMD opcodes (after the 0xfd prefix), as unsigned LEB128. */
const simdOp = {
  v128Load: [0x00],
  v128Store: [0x0b],
  f64x2Splat: [0x14],
  f64x2Eq: [0x47],
  f64x2Ne: [0x48],
  v128And: [0x4e],
  v128Or: [0x50],
  v128AnyTrue: [0x53],
  f32x4DemoteF64x2Zero: [0x5e],
  f64x2PromoteLowF32x4: [0x5f],
  f64x2Add: [0xf0, 0x01],
  f64x2Sub: [0xf1, 0x01],
  f64x2Mul: [0xf2, 0x01],
} as const;

const get = (i: number) => [op.localGet, i];
const set = (i: number) => [op.localSet, i];
const simd = (code: readonly number[]) => [op.simd, ...code];
const memarg = (align: number, offset: number) => [align, ...uleb(offset)];

/** One float64 → float32 → float64 rounding, on two lanes or on one. */
const round2 = [...simd(simdOp.f32x4DemoteF64x2Zero), ...simd(simdOp.f64x2PromoteLowF32x4)];
const round1 = [op.f32DemoteF64, op.f64PromoteF32];

function chainBody(): number[] {
  const code: number[] = [];
  code.push(op.block, op.void, op.loop, op.void);
  code.push(...get(COUNT), op.i32Eqz, op.brIf, 1);
  code.push(...get(A), op.f64Load, ...memarg(3, 0), ...set(AVS));
  code.push(...get(AVS), ...simd(simdOp.f64x2Splat), ...set(AV));
  code.push(op.i32Const, 0, ...set(J));
  // two columns at a time
  code.push(op.block, op.void, op.loop, op.void);
  code.push(...get(N), ...get(J), op.i32Sub, op.i32Const, 2, op.i32LtS, op.brIf, 1);
  code.push(...get(J), op.i32Const, 3, op.i32Shl, ...set(AT));
  // s = av * b[j] + acc[j]; r = s rounded to float32
  code.push(...get(AV), ...get(B), ...get(AT), op.i32Add, ...simd(simdOp.v128Load), ...memarg(3, 0));
  code.push(...simd(simdOp.f64x2Mul));
  code.push(...get(ACC), ...get(AT), op.i32Add, ...simd(simdOp.v128Load), ...memarg(3, 0));
  code.push(...simd(simdOp.f64x2Add), ...set(S));
  code.push(...get(S), ...round2, ...set(R));
  // halfway: the other float beside s, o = r + 2(s − r), is itself a float and s ≠ r
  code.push(...get(S), ...get(R), ...simd(simdOp.f64x2Sub), ...set(D));
  code.push(...get(R), ...get(D), ...get(D), ...simd(simdOp.f64x2Add), ...simd(simdOp.f64x2Add), ...set(O));
  code.push(...get(MASK), ...get(O), ...round2, ...get(O), ...simd(simdOp.f64x2Eq));
  code.push(...get(R), ...get(S), ...simd(simdOp.f64x2Ne), ...simd(simdOp.v128And), ...simd(simdOp.v128Or));
  code.push(...set(MASK));
  code.push(...get(ACC), ...get(AT), op.i32Add, ...get(R), ...simd(simdOp.v128Store), ...memarg(3, 0));
  code.push(...get(J), op.i32Const, 2, op.i32Add, ...set(J));
  code.push(op.br, 0, op.end, op.end);
  // the last column when n is odd, the same steps on one lane
  code.push(...get(N), op.i32Const, 1, op.i32And, op.if, op.void);
  code.push(...get(N), op.i32Const, 1, op.i32Sub, op.i32Const, 3, op.i32Shl, ...set(AT));
  code.push(...get(AVS), ...get(B), ...get(AT), op.i32Add, op.f64Load, ...memarg(3, 0), op.f64Mul);
  code.push(...get(ACC), ...get(AT), op.i32Add, op.f64Load, ...memarg(3, 0), op.f64Add, ...set(SS));
  code.push(...get(SS), ...round1, ...set(RS));
  code.push(...get(SS), ...get(RS), op.f64Sub, ...set(DS));
  code.push(...get(RS), ...get(DS), ...get(DS), op.f64Add, op.f64Add, ...set(OS));
  code.push(...get(FLAG), ...get(OS), ...round1, ...get(OS), op.f64Eq, ...get(RS), ...get(SS), op.f64Ne);
  code.push(op.i32And, op.i32Or, ...set(FLAG));
  code.push(...get(ACC), ...get(AT), op.i32Add, ...get(RS), op.f64Store, ...memarg(3, 0));
  code.push(op.end);
  code.push(...get(A), ...get(A_STEP), op.i32Add, ...set(A));
  code.push(...get(B), ...get(B_STEP), op.i32Add, ...set(B));
  code.push(...get(COUNT), op.i32Const, 1, op.i32Sub, ...set(COUNT));
  code.push(op.br, 0, op.end, op.end);
  code.push(...get(MASK), ...simd(simdOp.v128AnyTrue), ...get(FLAG), op.i32Or);
  code.push(op.end);
  const locals = vector([
    [3, op.i32],
    [6, op.v128],
    [5, op.f64],
  ]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

/** The module: one function of seven i32s returning an i32, and its memory, both exported. */
export function fmafChainModule(pages: number): Uint8Array<ArrayBuffer> {
  return oneFunctionModule(7, true, "chain", chainBody(), pages);
}

/** Instantiates the kernel with `bytes` of memory, or null where WebAssembly SIMD is missing. */
export function loadFmafChainKernel(bytes: number): FmafChainKernel | null {
  const exports = instantiate(fmafChainModule(Math.max(1, Math.ceil(bytes / 65536))));
  if (exports === null) return null;
  const { chain, memory } = exports as FmafChainKernel;
  return { chain, memory };
}
