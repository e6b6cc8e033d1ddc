import { fma, fmaf } from "../../math/fusedMultiplyAdd";
import { glibcLog as logDouble } from "../../math/glibcLog";
import { glibcCos as cosDouble, glibcSin as sinDouble } from "../../math/glibcSinCos";
import type { DType } from "../dtype";
import type { Generator } from "../random";
import { logf, sincosf } from "./vectorMath";

/**
 * Normal samples in PyTorch's CPU order. `normal_` (and so `randn`, `nn.init.normal_`,
 * `nn.Embedding`'s weights) takes one of three paths:
 *
 * 1. fewer than 16 elements, or a tensor that is not contiguous: one Box–Muller normal per
 *    element in double precision (the generator keeps the spare of each pair), `v·std + mean`
 *    fused, then rounded to the dtype;
 * 2. float32, 16 or more elements, contiguous: every element first gets a float uniform; then
 *    each block of 16 turns into 16 normals, element j and j + 8 from the pair (u[j], u[j+8])
 *    with the single-precision vector log/sincos (see vectorMath). A tail shorter than 16 draws
 *    16 fresh uniforms for the last 16 elements and recomputes them;
 * 3. float64, 16 or more, contiguous: the same blocks of 16 from double uniforms, with
 *    double-precision log/cos/sin (C++'s std::, so glibc's).
 */

/** Path 1: `count` normals, one per call in the order the elements are visited. */
export function scalarNormals(count: number, mean: number, std: number, g: Generator): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = fma(g.normalDouble(), std, mean);
  return out;
}

const TWO_PI_FLOAT = Math.fround(2 * Math.PI);

/** The float32 transform of a block of 16 uniforms at `o`, in place. */
function floatBlock(d: Float64Array, o: number, mean: number, std: number): void {
  const f = Math.fround;
  for (let j = 0; j < 8; j++) {
    const u1 = f(1 - d[o + j]);
    const u2 = d[o + j + 8];
    const radius = f(Math.sqrt(f(-2 * logf(u1))));
    const [sine, cosine] = sincosf(f(TWO_PI_FLOAT * u2));
    d[o + j] = fmaf(f(radius * cosine), std, mean);
    d[o + j + 8] = fmaf(f(radius * sine), std, mean);
  }
}

/** The float64 transform of a block of 16 uniforms at `o`, in place. */
function doubleBlock(d: Float64Array, o: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - d[o + j];
    const u2 = d[o + j + 8];
    const radius = Math.sqrt(-2 * logDouble(u1));
    const theta = 2 * Math.PI * u2;
    d[o + j] = fma(radius * cosDouble(theta), std, mean);
    d[o + j + 8] = fma(radius * sinDouble(theta), std, mean);
  }
}

/** Paths 2 and 3: `count` (≥ 16) normals for a contiguous float tensor. */
export function blockNormals(
  count: number,
  dtype: "float32" | "float64",
  mean: number,
  std: number,
  g: Generator,
): Float64Array {
  const single = dtype === "float32";
  const uniform = single ? () => g.uniformFloat() : () => g.uniformDouble();
  const block = single ? floatBlock : doubleBlock;
  const m = single ? Math.fround(mean) : mean;
  const s = single ? Math.fround(std) : std;
  const d = new Float64Array(count);
  for (let i = 0; i < count; i++) d[i] = uniform();
  for (let i = 0; i + 16 <= count; i += 16) block(d, i, m, s);
  if (count % 16 !== 0) {
    const tail = count - 16;
    for (let i = 0; i < 16; i++) d[tail + i] = uniform();
    block(d, tail, m, s);
  }
  return d;
}

/** Which path `normal_` takes for a tensor of this dtype, size and layout. */
export function normalValues(
  count: number,
  dtype: DType,
  contiguous: boolean,
  mean: number,
  std: number,
  g: Generator,
): Float64Array {
  if (count >= 16 && contiguous && (dtype === "float32" || dtype === "float64"))
    return blockNormals(count, dtype, mean, std, g);
  return scalarNormals(count, mean, std, g);
}
