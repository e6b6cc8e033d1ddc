/**
 * A fresh nonce for a webview's Content-Security-Policy (`script-src 'nonce-…'`): 128 bits from
 * the platform's cryptographic generator, as hex. Math.random is not one: its state can be
 * inferred from its outputs, and a nonce an attacker can guess lets an injected script run.
 */
export function makeNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
