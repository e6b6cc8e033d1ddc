import type { WorkerLimits } from "./workerSupervisor";

/** The worker bundle a runner runs programs in, from its command line (default: beside it). */
export function workerFileArgument(argv: readonly string[], fallback: string): string {
  const arg = argv.find((a) => a.startsWith("--worker="));
  return arg ? arg.slice("--worker=".length) : fallback;
}

/** The runner's command line: its workers' limits, e.g. `--heap-mb=640 --stack-mb=16 --spare`. */
export function runnerArguments(argv: readonly string[]): WorkerLimits {
  const number = (name: string, fallback: number) => {
    const arg = argv.find((a) => a.startsWith(`--${name}=`));
    const value = arg ? Number(arg.slice(name.length + 3)) : NaN;
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return { heapMb: number("heap-mb", 640), stackMb: number("stack-mb", 16), spare: argv.includes("--spare") };
}

/** The command line that gives a runner `limits`. */
export function runnerArgv(limits: WorkerLimits): string[] {
  return [`--heap-mb=${limits.heapMb}`, `--stack-mb=${limits.stackMb}`, ...(limits.spare ? ["--spare"] : [])];
}
