/**
 * When the extension's bundle started to load. extension.ts imports this first, so its
 * top-level code runs before the rest of the bundle's: activation time counts loading too.
 */
export const bundleLoadStarted = performance.now();
