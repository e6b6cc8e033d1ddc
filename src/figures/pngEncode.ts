/**
 * A minimal PNG writer for images inside figures (`imshow` of a large array): 8-bit RGBA, no
 * filtering, stored (uncompressed) deflate blocks — no zlib needed, so it runs anywhere the
 * view layer does. matplotlib's SVGs embed images the same way, as a base64 `data:` URL.
 */

let crcTable: Uint32Array | null = null;

function crc32(bytes: Uint8Array, start: number, end: number): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

class ByteWriter {
  private bytes: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }
  u8(v: number): void {
    this.bytes[this.length++] = v & 0xff;
  }
  u32(v: number): void {
    this.u8(v >>> 24);
    this.u8(v >>> 16);
    this.u8(v >>> 8);
    this.u8(v);
  }
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.u8(text.charCodeAt(i));
  }
  copy(from: Uint8Array, start: number, end: number): void {
    this.bytes.set(from.subarray(start, end), this.length);
    this.length += end - start;
  }
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
  raw(): Uint8Array {
    return this.bytes;
  }
}

/** An RGBA image (row-major, 4 bytes a pixel) as PNG file bytes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const rowBytes = width * 4 + 1;
  const raw = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    raw[y * rowBytes] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * rowBytes + 1);
  }
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const zlibLength = 2 + raw.length + blocks * 5 + 4;
  const out = new ByteWriter(8 + 25 + 12 + zlibLength + 12);
  out.copy(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 0, 8);

  const chunk = (type: string, body: (w: ByteWriter) => void, length: number) => {
    out.u32(length);
    const start = out.length;
    out.ascii(type);
    body(out);
    out.u32(crc32(out.raw(), start, out.length));
  };
  chunk(
    "IHDR",
    (w) => {
      w.u32(width);
      w.u32(height);
      w.u8(8); // bit depth
      w.u8(6); // colour type: RGBA
      w.u8(0);
      w.u8(0);
      w.u8(0);
    },
    13,
  );
  chunk(
    "IDAT",
    (w) => {
      w.u8(0x78); // zlib header: deflate, 32 KiB window
      w.u8(0x01);
      for (let b = 0; b < blocks; b++) {
        const start = b * 65535;
        const end = Math.min(raw.length, start + 65535);
        const size = end - start;
        w.u8(b === blocks - 1 ? 1 : 0);
        w.u8(size & 0xff);
        w.u8(size >>> 8);
        w.u8(~size & 0xff);
        w.u8((~size >>> 8) & 0xff);
        w.copy(raw, start, end);
      }
      w.u32(adler32(raw));
    },
    zlibLength,
  );
  chunk("IEND", () => undefined, 0);
  return out.view();
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    parts.push(
      BASE64[(n >> 18) & 63] +
        BASE64[(n >> 12) & 63] +
        (i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : "=") +
        (i + 2 < bytes.length ? BASE64[n & 63] : "="),
    );
  }
  return parts.join("");
}
