import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { findMonospaceFont, fontDirectories } from "./monospaceFonts";

/**
 * `gradlens graph FILE -o OUT.png`: the same SVG as `.svg`, rasterised by resvg compiled to
 * WebAssembly (no native download). The package is ~2.5 MB, so it is not bundled: it is
 * loaded from node_modules when a PNG is asked for, and its absence is said plainly.
 */

/** The part of @resvg/resvg-wasm's API used here. */
interface ResvgModule {
  initWasm(module: Uint8Array): Promise<void>;
  Resvg: new (
    svg: string,
    options: {
      font: { fontBuffers: Uint8Array[]; defaultFontFamily: string; monospaceFamily: string };
      fitTo: { mode: "zoom"; value: number };
    },
  ) => { render(): { asPng(): Uint8Array } };
}

export const RESVG_PACKAGE = "@resvg/resvg-wasm";

/** What the user can act on: said on stderr as it is. */
export class PngUnavailable extends Error {}

let ready: Promise<ResvgModule> | null = null;

/** Loads and initialises resvg once per process (initWasm may not run twice). */
function loadResvg(): Promise<ResvgModule> {
  if (!ready) {
    // Resolved at run time from the CLI's own location, so bundling leaves it out.
    const require = createRequire(__filename);
    let resvg: ResvgModule;
    let wasm: Uint8Array;
    try {
      resvg = require(RESVG_PACKAGE) as ResvgModule;
      wasm = new Uint8Array(readFileSync(require.resolve(`${RESVG_PACKAGE}/index_bg.wasm`)));
    } catch {
      throw new PngUnavailable(
        `PNG output needs the ${RESVG_PACKAGE} package, which is not installed ` +
          `(npm install ${RESVG_PACKAGE}); or write OUT.svg instead`,
      );
    }
    ready = resvg.initWasm(wasm).then(() => resvg);
  }
  return ready;
}

/** The SVG as PNG bytes at `scale` × its size (2: sharp text on high-density screens). */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const font = findMonospaceFont(fontDirectories(process.platform, homedir(), process.env.WINDIR));
  if (!font) {
    throw new PngUnavailable(
      "PNG output needs a monospace font (DejaVu Sans Mono, Liberation Mono, Menlo, SF Mono or Consolas) " +
        "and none was found; write OUT.svg instead",
    );
  }
  const { Resvg } = await loadResvg();
  const fontBuffers = font.files.map((file) => new Uint8Array(readFileSync(file)));
  const image = new Resvg(svg, {
    font: { fontBuffers, defaultFontFamily: font.family, monospaceFamily: font.family },
    fitTo: { mode: "zoom", value: scale },
  }).render();
  return image.asPng();
}
