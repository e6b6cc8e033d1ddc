import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha512 } from "./sha512";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("sha512", () => {
  it("matches the FIPS 180-4 'abc' example", () => {
    expect(hex(sha512(new TextEncoder().encode("abc")))).toBe(
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a" +
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    );
  });

  it("matches node:crypto across padding boundaries", () => {
    for (const len of [0, 1, 55, 111, 112, 113, 127, 128, 129, 239, 240, 256, 1000]) {
      const message = new Uint8Array(len).map((_, i) => (i * 37 + len) & 255);
      expect(hex(sha512(message)), `length ${len}`).toBe(createHash("sha512").update(message).digest("hex"));
    }
  });
});
