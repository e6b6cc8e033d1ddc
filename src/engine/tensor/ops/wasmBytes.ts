/** The few pieces of WebAssembly's binary format that the hand-assembled kernels use. */

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

export function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
}

/**
 * The few parts of the WebAssembly API used here, typed locally: the engine is also a library
 * (src/library), and not every user's TypeScript settings declare WebAssembly.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array<ArrayBuffer>): boolean;
  Module: new (bytes: Uint8Array<ArrayBuffer>) => object;
  Instance: new (module: object) => { exports: object };
}

const I32 = 0x7f;

/**
 * A module with one function of `params` i32 parameters (returning one i32 when `returnsI32`),
 * exported as `exportName`, and one memory of `pages` 64 KiB pages exported as `memory`.
 * `body` is the function's code entry (its size, locals and instructions).
 */
export function oneFunctionModule(
  params: number,
  returnsI32: boolean,
  exportName: string,
  body: number[],
  pages: number,
): Uint8Array<ArrayBuffer> {
  const paramTypes = Array.from({ length: params }, () => [I32]);
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([[0x60, ...vector(paramTypes), ...vector(returnsI32 ? [[I32]] : [])]])),
    ...section(3, vector([[0]])),
    ...section(5, vector([[0x00, ...uleb(pages)]])),
    ...section(
      7,
      vector([
        [...name("memory"), 0x02, 0],
        [...name(exportName), 0x00, 0],
      ]),
    ),
    ...section(10, vector([body])),
  ];
  return new Uint8Array(bytes);
}

/** The module's exports, or null where WebAssembly (or the SIMD it uses) is missing. */
export function instantiate(module: Uint8Array<ArrayBuffer>): object | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined || !wasm.validate(module)) return null;
  return new wasm.Instance(new wasm.Module(module)).exports;
}
