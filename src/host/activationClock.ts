/**
 * How long the extension's own code takes to start: evaluating its bundle (extension.ts imports
 * this module first and marks the end of loading last) plus running activate(), in wall time
 * and in CPU time. The extension host may wait between the two; that wait is not ours, so it is
 * not counted. Both stretches are synchronous, so the CPU time is ours alone, and unlike wall
 * time it does not grow when other processes crowd the machine.
 */
interface Mark {
  wall: number;
  cpu: number;
}

const now = (): Mark => {
  const { user, system } = process.cpuUsage();
  return { wall: performance.now(), cpu: (user + system) / 1000 };
};

const loadStarted = now();
let loadEnded = loadStarted;

export function markBundleLoaded(): void {
  loadEnded = now();
}

/** Times a synchronous activation and adds the bundle's load: `{ wallMs, cpuMs }`. */
export function timeActivation<T>(activate: () => T): { result: T; wallMs: number; cpuMs: number } {
  const start = now();
  const result = activate();
  const end = now();
  return {
    result,
    wallMs: loadEnded.wall - loadStarted.wall + (end.wall - start.wall),
    cpuMs: loadEnded.cpu - loadStarted.cpu + (end.cpu - start.cpu),
  };
}
