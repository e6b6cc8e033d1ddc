/**
 * Whether operations record the graph. A depth counter rather than a flag, so nested
 * `with torch.no_grad():` blocks (and the backward pass, which runs its own arithmetic without
 * recording) restore the outer state on exit.
 */
let disabledDepth = 0;
/** Depths saved by pushGradMode, for enable_grad / set_grad_enabled blocks. */
const savedDepths: number[] = [];

export function isGradEnabled(): boolean {
  return disabledDepth === 0;
}

/** Entering `with torch.no_grad():`. Pair every call with `exitNoGrad`. */
export function enterNoGrad(): void {
  disabledDepth++;
}

export function exitNoGrad(): void {
  if (disabledDepth > 0) disabledDepth--;
}

/** Runs `body` with recording off, restoring the previous state even if it throws. */
export function withNoGrad<T>(body: () => T): T {
  disabledDepth++;
  try {
    return body();
  } finally {
    disabledDepth--;
  }
}

/** `torch.set_grad_enabled(flag)` semantics for a whole run: resets the counter. */
export function setGradEnabled(enabled: boolean): void {
  disabledDepth = enabled ? 0 : 1;
  savedDepths.length = 0;
}

/**
 * Entering `with torch.enable_grad():` or `with torch.set_grad_enabled(flag):`, which may turn
 * recording back on inside no_grad; `popGradMode` restores exactly what was there before.
 */
export function pushGradMode(enabled: boolean): void {
  savedDepths.push(disabledDepth);
  disabledDepth = enabled ? 0 : disabledDepth + 1;
}

export function popGradMode(): void {
  const previous = savedDepths.pop();
  if (previous !== undefined) disabledDepth = previous;
}
