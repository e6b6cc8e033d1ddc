import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { base64, encodePng } from "./pngEncode";

describe("the PNG writer", () => {
  it("writes a valid PNG whose pixels read back", () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 255, 10, 20, 30, 40]);
    const png = encodePng(2, 2, rgba);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(2); // IHDR width
    expect(view.getUint32(20)).toBe(2); // height
    const idatLength = view.getUint32(33);
    const raw = inflateSync(png.slice(41, 41 + idatLength));
    // each row: filter byte 0, then the row's RGBA bytes
    expect([...raw]).toEqual([0, ...rgba.slice(0, 8), 0, ...rgba.slice(8)]);
  });

  it("splits data past 64 KiB into several stored blocks", () => {
    const rgba = new Uint8Array(200 * 100 * 4).map((_, i) => i % 251);
    const png = encodePng(200, 100, rgba);
    const view = new DataView(png.buffer, png.byteOffset);
    const raw = inflateSync(png.slice(41, 41 + view.getUint32(33)));
    expect(raw.length).toBe(100 * (200 * 4 + 1));
    expect(raw[1 + 5]).toBe(rgba[5]);
  });

  it("encodes base64 as btoa does", () => {
    expect(base64(new TextEncoder().encode("Man"))).toBe("TWFu");
    expect(base64(new TextEncoder().encode("Ma"))).toBe("TWE=");
    expect(base64(new TextEncoder().encode("M"))).toBe("TQ==");
  });
});
