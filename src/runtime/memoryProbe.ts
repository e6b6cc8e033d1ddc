import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** How the memory budget reads the heap: bytes in use now, and a full collection when it can. */
export interface MemoryProbe {
  used(): number;
  collect?(): void;
  /**
   * Heap use no run may reach whatever its budget: V8's own limit less room for what follows a
   * MemoryError (the trace, flattening the strings it shows). Past V8's limit the process dies.
   */
  ceiling?: number;
}

/** The share of V8's heap limit a run may use; the rest is for the trace after a MemoryError. */
const CEILING_SHARE = 0.6;

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, when V8 lets us have one: the runner starts with `--expose-gc`;
 * elsewhere (tests, the CLI in-process) the flag is set now, which gives a fresh context a `gc`.
 */
function collector(): (() => void) | null {
  if (gc !== undefined) return gc;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === "function") return (gc = exposed);
  try {
    setFlagsFromString("--expose-gc");
    const made: unknown = runInNewContext("gc");
    gc = typeof made === "function" ? (made as () => void) : null;
  } catch {
    gc = null;
  }
  return gc;
}

/**
 * This isolate's heap, JavaScript objects and the array buffers behind typed arrays (tensor
 * storage, the tape) together: what a program's data really occupies. (In a worker thread,
 * `process.memoryUsage().arrayBuffers` is the worker's own.)
 */
export function heapProbe(): MemoryProbe {
  const collect = collector();
  return {
    used() {
      // the array buffers as the allocator holds them now: V8's external_memory only learns of
      // buffers a collection freed at a later collection, so right after one it still counts
      // them, and a program whose big tensors die every step would get MemoryErrors at random
      return getHeapStatistics().used_heap_size + process.memoryUsage().arrayBuffers;
    },
    ...(collect && { collect }),
    ceiling: getHeapStatistics().heap_size_limit * CEILING_SHARE,
  };
}
