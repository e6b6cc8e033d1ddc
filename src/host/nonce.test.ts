import { afterEach, describe, expect, it, vi } from "vitest";
import { makeNonce } from "./nonce";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("makeNonce", () => {
  it("is 128 bits of hex, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, makeNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{32}$/);
  });

  it("comes from crypto.getRandomValues, not Math.random", () => {
    const random = vi.spyOn(Math, "random");
    const crypto = vi.spyOn(globalThis.crypto, "getRandomValues");
    makeNonce();
    expect(crypto).toHaveBeenCalledTimes(1);
    expect(random).not.toHaveBeenCalled();
  });
});
