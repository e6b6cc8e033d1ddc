/**
 * How long the extension's own code takes to start: evaluating its bundle (extension.ts imports
 * this module first and marks the end of loading last) plus running activate(). The extension
 * host may wait between the two; that wait is not ours, so it is not counted.
 */
export const bundleLoadStarted = performance.now();
let bundleLoadedAt = bundleLoadStarted;

export function markBundleLoaded(): void {
  bundleLoadedAt = performance.now();
}

export function bundleLoadMs(): number {
  return bundleLoadedAt - bundleLoadStarted;
}
