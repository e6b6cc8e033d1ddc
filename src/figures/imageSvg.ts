import { svg, type SvgNode } from "../view/render/svgTree";
import type { AxesFrame } from "./axesFrame";
import type { ImageArtist } from "./figureSpec";
import { base64, encodePng } from "./pngEncode";
import { num } from "./svgNumbers";

/**
 * `imshow` as SVG. A small image (a bigram count matrix, a one-hot batch) is drawn as crisp
 * rectangles, runs of equal colour in a row merged; a larger one is embedded as a PNG, first
 * reduced by averaging to at most twice the size it is shown at, as matplotlib resamples to
 * the output's resolution.
 */

/** Above this many pixels an image is embedded as a PNG rather than drawn as rectangles. */
const MAX_RECT_PIXELS = 16384;

export function imageSvg(a: ImageArtist, frame: AxesFrame): SvgNode | null {
  const [l, r, b, t] = a.extent;
  const rowStart = a.origin === "upper" ? t : b;
  const rowEnd = a.origin === "upper" ? b : t;
  const xEdge = (j: number) => frame.px(l + ((r - l) * j) / a.cols);
  const yEdge = (i: number) => frame.py(rowStart + ((rowEnd - rowStart) * i) / a.rows);
  if (a.rows === 0 || a.cols === 0) return null;
  if (a.rows * a.cols <= MAX_RECT_PIXELS) return rectangles(a, xEdge, yEdge);
  const x0 = xEdge(0);
  const x1 = xEdge(a.cols);
  const y0 = yEdge(0);
  const y1 = yEdge(a.rows);
  const shownW = Math.abs(x1 - x0);
  const shownH = Math.abs(y1 - y0);
  let { cols, rows } = a;
  let pixels: Uint8Array = Uint8Array.from(a.pixels);
  const targetW = Math.max(1, Math.ceil(shownW * 2));
  const targetH = Math.max(1, Math.ceil(shownH * 2));
  if (cols > targetW || rows > targetH) {
    const w = Math.min(cols, targetW);
    const h = Math.min(rows, targetH);
    pixels = reduce(pixels, rows, cols, h, w);
    cols = w;
    rows = h;
  }
  // the PNG's first row goes at the top of the page: flip when row 0 is drawn lower
  if (y0 > y1) pixels = flipRows(pixels, rows, cols);
  if (x0 > x1) pixels = flipColumns(pixels, rows, cols);
  const href = `data:image/png;base64,${base64(encodePng(cols, rows, pixels))}`;
  const attrs: Record<string, string | number> = {
    x: num(Math.min(x0, x1)),
    y: num(Math.min(y0, y1)),
    width: num(shownW),
    height: num(shownH),
    preserveAspectRatio: "none",
    "xlink:href": href,
  };
  // crisp pixels: CSS Images treats optimizeSpeed as `pixelated`, and resvg reads it too
  if (!a.smooth) attrs["image-rendering"] = "optimizeSpeed";
  return svg("image", attrs);
}

function rectangles(a: ImageArtist, xEdge: (j: number) => number, yEdge: (i: number) => number): SvgNode {
  const rects: SvgNode[] = [];
  const p = a.pixels;
  for (let i = 0; i < a.rows; i++) {
    const ya = yEdge(i);
    const yb = yEdge(i + 1);
    let j = 0;
    while (j < a.cols) {
      const k = (i * a.cols + j) * 4;
      let end = j + 1;
      while (end < a.cols) {
        const q = (i * a.cols + end) * 4;
        if (p[q] !== p[k] || p[q + 1] !== p[k + 1] || p[q + 2] !== p[k + 2] || p[q + 3] !== p[k + 3]) break;
        end++;
      }
      const alpha = p[k + 3] / 255;
      if (alpha > 0) {
        const xa = xEdge(j);
        const xb = xEdge(end);
        const attrs: Record<string, string | number> = {
          x: num(Math.min(xa, xb)),
          y: num(Math.min(ya, yb)),
          width: num(Math.abs(xb - xa)),
          height: num(Math.abs(yb - ya)),
          fill: `#${hex(p[k])}${hex(p[k + 1])}${hex(p[k + 2])}`,
        };
        if (alpha < 1) attrs["fill-opacity"] = num(alpha);
        rects.push(svg("rect", attrs));
      }
      j = end;
    }
  }
  // edges of neighbouring rectangles meet exactly: no anti-aliasing seams between them
  return svg("g", { "shape-rendering": "crispEdges" }, rects);
}

function hex(v: number): string {
  return v.toString(16).padStart(2, "0");
}

/** Box-averages an RGBA image down to h × w. */
function reduce(src: Uint8Array, rows: number, cols: number, h: number, w: number): Uint8Array {
  const out = new Uint8Array(h * w * 4);
  for (let i = 0; i < h; i++) {
    const r0 = Math.floor((i * rows) / h);
    const r1 = Math.max(r0 + 1, Math.floor(((i + 1) * rows) / h));
    for (let j = 0; j < w; j++) {
      const c0 = Math.floor((j * cols) / w);
      const c1 = Math.max(c0 + 1, Math.floor(((j + 1) * cols) / w));
      const sum = [0, 0, 0, 0];
      for (let r = r0; r < r1; r++)
        for (let c = c0; c < c1; c++) for (let k = 0; k < 4; k++) sum[k] += src[(r * cols + c) * 4 + k];
      const n = (r1 - r0) * (c1 - c0);
      for (let k = 0; k < 4; k++) out[(i * w + j) * 4 + k] = Math.round(sum[k] / n);
    }
  }
  return out;
}

function flipRows(src: Uint8Array, rows: number, cols: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let i = 0; i < rows; i++)
    out.set(src.subarray(i * cols * 4, (i + 1) * cols * 4), (rows - 1 - i) * cols * 4);
  return out;
}

function flipColumns(src: Uint8Array, rows: number, cols: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++)
      for (let k = 0; k < 4; k++) out[(i * cols + (cols - 1 - j)) * 4 + k] = src[(i * cols + j) * 4 + k];
  return out;
}
