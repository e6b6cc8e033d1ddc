import { loadavg } from "node:os";

/**
 * The measuring and printing helpers of the benchmark protocol: one JSON object a line on
 * stdout (everything else goes to stderr), timed with a monotonic clock and with process CPU time,
 * which is the figure that survives a shared machine.
 */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function min(xs: readonly number[]): number {
  return Math.min(...xs);
}

/** Wall-clock milliseconds, monotonic. */
export function now(): number {
  return performance.now();
}

/** Process CPU milliseconds (user + system). */
export function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The whole process's peak resident set so far, in MB. */
export function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024, 1);
}

/** Prints one result line; adds the runtime, the peak RSS (unless given) and the 1-minute load. */
export function emit(obj: Record<string, unknown>): void {
  const line = {
    ...obj,
    runtime: `node ${process.version}`,
    peak_rss_mb: obj.peak_rss_mb ?? peakRssMb(),
    loadavg_1m: round(loadavg()[0], 2),
  };
  process.stdout.write(JSON.stringify(line) + "\n");
}

/** `--name=value` or `--name value` from the command line, else the default. */
export function arg(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}` && i + 1 < argv.length) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return fallback;
}

export function log(message: string): void {
  process.stderr.write(message + "\n");
}

/** Rounds for printing: figures keep `digits` decimals; correctness fields are never rounded. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
