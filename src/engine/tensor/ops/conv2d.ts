import { record } from "../autograd/gradNode";
import { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { resultType } from "./operand";

/** A 2-d window's geometry: `stride`, `padding` and `dilation` as (height, width) pairs. */
export interface Window2d {
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
}

/** A shape as PyTorch's convolution messages write it: `[1, 3, 8, 8]`. */
function formatSize(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** The size of a sliding window's output along one axis (ceil_mode as max_pool2d's). */
function outputSize(size: number, kernel: number, s: number, p: number, d: number, ceil = false): number {
  const span = size + 2 * p - d * (kernel - 1) - 1;
  if (!ceil) return Math.floor(span / s) + 1;
  let out = Math.ceil(span / s) + 1;
  // the last window must start inside the input or its left padding
  if ((out - 1) * s >= size + p) out--;
  return out;
}

/** A 3-d (unbatched) input as a batch of one, and how to give the result back its shape. */
function batched(x: Tensor, op: string): { x: Tensor; unbatch: boolean } {
  if (x.ndim === 4) return { x, unbatch: false };
  if (x.ndim === 3) return { x: Tensor.fromValues(x.copyValues(), [1, ...x.shape], x.dtype), unbatch: true };
  throw runtimeError(
    `Expected 3D (unbatched) or 4D (batched) input to ${op}, but got input of size: ${formatSize(x.shape)}`,
  );
}

/**
 * `F.conv2d(x, W, b)`: each output pixel is b[o] plus the products of W[o] with the window of x
 * it covers, over the input channels of o's group. Summed in float64 in (channel, row, column)
 * order and rounded once to the dtype; PyTorch sums a float32 convolution in oneDNN's vector
 * order, so a float32 result may differ from it in the last bit. One node (PyTorch's
 * ConvolutionBackward0) whose backward is the transposed convolution (for x), the correlation
 * of g with x (for W) and g summed per channel (for b).
 */
export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null, w: Window2d, groups = 1): Tensor {
  if (weight.ndim !== 4)
    throw runtimeError(
      `Expected a 4-dimensional weight for conv2d, but got weight of size ${formatSize(weight.shape)}`,
    );
  const { x, unbatch } = batched(input, "conv2d");
  const [n, c, h, wd] = x.shape;
  const [o, cg, kh, kw] = weight.shape;
  if (groups < 1) throw runtimeError("non-positive groups is not supported");
  if (c !== cg * groups)
    throw runtimeError(
      `Given groups=${groups}, weight of size ${formatSize(weight.shape)}, expected input${formatSize(x.shape)} to have ${cg * groups} channels, but got ${c} channels instead`,
    );
  if (o % groups !== 0) throw runtimeError("out_channels must be divisible by groups");
  if (bias !== null && (bias.ndim !== 1 || bias.shape[0] !== o))
    throw runtimeError(
      `Given weight of size ${formatSize(weight.shape)}, expected bias to be 1-dimensional with ${o} elements, but got bias of size ${formatSize(bias.shape)} instead`,
    );
  const [sh, sw] = w.stride;
  const [ph, pw] = w.padding;
  const [dh, dw] = w.dilation;
  const paddedH = h + 2 * ph;
  const paddedW = wd + 2 * pw;
  if (paddedH < dh * (kh - 1) + 1 || paddedW < dw * (kw - 1) + 1)
    throw runtimeError(
      `Calculated padded input size per channel: (${paddedH} x ${paddedW}). Kernel size: (${dh * (kh - 1) + 1} x ${dw * (kw - 1) + 1}). Kernel size can't be greater than actual input size`,
    );
  const oh = outputSize(h, kh, sh, ph, dh);
  const ow = outputSize(wd, kw, sw, pw, dw);
  const xv = x.values();
  const wv = weight.values();
  const bv = bias?.values() ?? null;
  const perGroup = o / groups;
  const out = new Float64Array(n * o * oh * ow);
  // each output pixel visits its window once; `each` names the (x index, w index) pairs
  const each = (visit: (b: number, oc: number, i: number, j: number, xi: number, wi: number) => void) => {
    for (let b = 0; b < n; b++)
      for (let oc = 0; oc < o; oc++) {
        const g0 = Math.floor(oc / perGroup) * cg;
        for (let i = 0; i < oh; i++)
          for (let j = 0; j < ow; j++)
            for (let ci = 0; ci < cg; ci++)
              for (let p = 0; p < kh; p++) {
                const row = i * sh - ph + p * dh;
                if (row < 0 || row >= h) continue;
                for (let q = 0; q < kw; q++) {
                  const col = j * sw - pw + q * dw;
                  if (col < 0 || col >= wd) continue;
                  visit(
                    b,
                    oc,
                    i,
                    j,
                    ((b * c + g0 + ci) * h + row) * wd + col,
                    ((oc * cg + ci) * kh + p) * kw + q,
                  );
                }
              }
      }
  };
  // each output pixel's products in (channel, row, column) order, then its bias
  each((b, oc, i, j, xi, wi) => (out[((b * o + oc) * oh + i) * ow + j] += xv[xi] * wv[wi]));
  if (bv !== null) for (let k = 0; k < out.length; k++) out[k] += bv[Math.floor(k / (oh * ow)) % o];
  const shape = unbatch ? [o, oh, ow] : [n, o, oh, ow];
  const inputs = bias === null ? [input, weight] : [input, weight, bias];
  return record(
    Tensor.fromValues(out, shape, resultType(inputs)),
    "conv2d",
    inputs,
    (g, needs) => {
      const gv = g.values();
      const at = (b: number, oc: number, i: number, j: number) => gv[((b * o + oc) * oh + i) * ow + j];
      let gx: Tensor | null = null;
      let gw: Tensor | null = null;
      let gb: Tensor | null = null;
      if (needs[0]) {
        const r = new Float64Array(xv.length);
        each((b, oc, i, j, xi, wi) => (r[xi] += wv[wi] * at(b, oc, i, j)));
        gx = Tensor.fromValues(r, input.shape, g.dtype);
      }
      if (needs[1]) {
        const r = new Float64Array(wv.length);
        each((b, oc, i, j, xi, wi) => (r[wi] += xv[xi] * at(b, oc, i, j)));
        gw = Tensor.fromValues(r, weight.shape, g.dtype);
      }
      if (bias !== null && needs[2]) {
        const r = new Float64Array(o);
        for (let b = 0; b < n; b++)
          for (let oc = 0; oc < o; oc++)
            for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) r[oc] += at(b, oc, i, j);
        gb = Tensor.fromValues(r, bias.shape, g.dtype);
      }
      return bias === null ? [gx, gw] : [gx, gw, gb];
    },
    [
      "∂conv2d/∂x: g convolved with W transposed",
      "∂conv2d/∂W: g correlated with x",
      "∂conv2d/∂b: g summed per channel",
    ].slice(0, inputs.length),
  );
}

/**
 * `F.max_pool2d(x, kernel_size, stride, padding, dilation, ceil_mode)`: the largest value of
 * each window (a NaN wins, as in PyTorch), and where it was (the flat index in its plane, for
 * `return_indices`); the gradient goes to that element only.
 */
export function maxPool2d(
  input: Tensor,
  kernel: [number, number],
  w: Window2d,
  ceilMode = false,
): { out: Tensor; indices: Tensor } {
  const { x, unbatch } = batched(input, "max_pool2d");
  const [n, c, h, wd] = x.shape;
  const [kh, kw] = kernel;
  const [sh, sw] = w.stride;
  const [ph, pw] = w.padding;
  const [dh, dw] = w.dilation;
  if (kh <= 0 || kw <= 0 || sh <= 0 || sw <= 0 || dh <= 0 || dw <= 0)
    throw runtimeError("max_pool2d: kernel_size, stride and dilation must be greater than zero");
  if (ph > kh / 2 || pw > kw / 2) throw runtimeError("pad should be at most half of effective kernel size");
  const oh = outputSize(h, kh, sh, ph, dh, ceilMode);
  const ow = outputSize(wd, kw, sw, pw, dw, ceilMode);
  if (oh <= 0 || ow <= 0)
    throw runtimeError(
      `Given input size: (${c}x${h}x${wd}). Calculated output size: (${c}x${oh}x${ow}). Output size is too small`,
    );
  const xv = x.values();
  const out = new Float64Array(n * c * oh * ow);
  const where = new Float64Array(out.length);
  for (let plane = 0; plane < n * c; plane++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++) {
        let best = -Infinity;
        let index = -1;
        for (let p = 0; p < kh; p++) {
          const row = i * sh - ph + p * dh;
          if (row < 0 || row >= h) continue;
          for (let q = 0; q < kw; q++) {
            const col = j * sw - pw + q * dw;
            if (col < 0 || col >= wd) continue;
            const v = xv[(plane * h + row) * wd + col];
            if (v > best || Number.isNaN(v) || index < 0) {
              best = v;
              index = row * wd + col;
              if (Number.isNaN(v)) break;
            }
          }
          if (Number.isNaN(best)) break;
        }
        const k = (plane * oh + i) * ow + j;
        out[k] = best;
        where[k] = index;
      }
  const shape = unbatch ? [c, oh, ow] : [n, c, oh, ow];
  const indices = Tensor.fromValues(where, shape, "int64");
  const result = record(
    Tensor.fromValues(out, shape, input.dtype),
    "max_pool2d",
    [input],
    (g) => {
      const gv = g.values();
      const r = new Float64Array(xv.length);
      for (let plane = 0; plane < n * c; plane++)
        for (let k = 0; k < oh * ow; k++) {
          const at = plane * oh * ow + k;
          r[plane * h * wd + where[at]] += gv[at];
        }
      return [Tensor.fromValues(r, input.shape, g.dtype)];
    },
    ["∂max_pool2d/∂x: g at each window's largest element"],
  );
  return { out: result, indices };
}
