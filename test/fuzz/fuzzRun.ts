import { existsSync, readdirSync } from "node:fs";
import type { Trace } from "../../src/trace/trace";
import type { RunOptions } from "../../src/runtime/runApi";
import type { RunStopped } from "../../src/worker/runClient";
import { kindsFor, Random, type Canary, type Language } from "./mutations";

/**
 * How a mutant's run ended. Only the first two are allowed: a result, or an error located in
 * the program. The rest are bugs of GradLens: an error with no place, GradLens's own failure, a
 * runner that died or hung, a program that reached outside the sandbox, and a runner that did
 * not run the next program after stopping one.
 */
export type Outcome = "ok" | "located" | "unlocated" | "internal" | "crash" | "hang" | "escape" | "stuck";
export const OUTCOMES: readonly Outcome[] = [
  "ok",
  "located",
  "unlocated",
  "internal",
  "crash",
  "hang",
  "escape",
  "stuck",
];
export const BAD_OUTCOMES: readonly Outcome[] = ["unlocated", "internal", "crash", "hang", "escape", "stuck"];

export interface Seed {
  file: string;
  language: Language;
  source: string;
}

/** What runs a mutant: a RunClient's `trace`, in a runner process. */
export type TraceRunner = (source: string, options: RunOptions) => Promise<Trace | RunStopped>;

export interface FuzzOptions {
  count: number;
  seed: number;
  seeds: readonly Seed[];
  run: TraceRunner;
  canary: Canary;
  /** The secret's text, which must never appear in a program's output. */
  secret: string;
  /** The budgets each mutant runs with: small, so runaway mutants end quickly. */
  stepBudget: number;
  memoryBudgetMb: number;
  /** After each mutant: how many ran, how this one ended, and its case when that was bad. */
  onCase?: (done: number, outcome: Outcome, bad?: BadCase) => void;
}

export interface BadCase {
  file: string;
  kind: string;
  seed: number;
  outcome: Outcome;
  detail: string;
}

export interface FuzzReport {
  total: number;
  byOutcome: Record<Outcome, number>;
  byKind: Record<string, Partial<Record<Outcome, number>>>;
  bad: BadCase[];
  milliseconds: number;
}

const TRIVIAL = "x = 1\nprint(x + 1)\n";

/** Runs `count` mutants of the seed programs and counts how each ended. */
export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const byOutcome = Object.fromEntries(OUTCOMES.map((x) => [x, 0])) as Record<Outcome, number>;
  const byKind: FuzzReport["byKind"] = {};
  const bad: BadCase[] = [];
  const r = new Random(o.seed);
  for (let i = 0; i < o.count; i++) {
    const program = o.seeds[i % o.seeds.length];
    const kind = r.pick(kindsFor(program.language));
    const seed = r.int(2 ** 31);
    const source = kind.mutate(program.source, new Random(seed), o.canary);
    const options: RunOptions = {
      fileName: program.file,
      language: program.file.endsWith(".ts") ? "typescript" : program.language,
      stepBudget: o.stepBudget,
      memoryBudgetMb: o.memoryBudgetMb,
    };
    let { outcome, detail } = classify(await o.run(source, options), o);
    if (outcome === "crash" || outcome === "hang") {
      // a stopped runner must run the next program
      const next = await o.run(TRIVIAL, { fileName: "trivial.py", stepBudget: o.stepBudget });
      if ("kind" in next || !next.ok)
        ({ outcome, detail } = { outcome: "stuck", detail: `${detail}; then: ${describe(next)}` });
    }
    byOutcome[outcome]++;
    (byKind[kind.name] ??= {})[outcome] = (byKind[kind.name][outcome] ?? 0) + 1;
    const badCase = BAD_OUTCOMES.includes(outcome)
      ? { file: program.file, kind: kind.name, seed, outcome, detail }
      : undefined;
    if (badCase) bad.push(badCase);
    o.onCase?.(i + 1, outcome, badCase);
  }
  return { total: o.count, byOutcome, byKind, bad, milliseconds: performance.now() - started };
}

function describe(x: Trace | RunStopped): string {
  if ("kind" in x) return `${x.reason}: ${x.message}`;
  return x.diagnostics.map((d) => `${d.code}: ${d.message}`).join("; ") || "ok";
}

function classify(x: Trace | RunStopped, o: FuzzOptions): { outcome: Outcome; detail: string } {
  if (trapSprung(o.canary)) return { outcome: "escape", detail: "a file appeared in the trap folder" };
  if ("kind" in x) {
    if (x.reason === "timeout") return { outcome: "hang", detail: x.message };
    return { outcome: "crash", detail: `${x.reason}: ${x.message}` };
  }
  if (x.stdout.includes(o.secret)) return { outcome: "escape", detail: "the secret reached the output" };
  const internal = x.diagnostics.find((d) => d.code === "internal");
  if (internal) return { outcome: "internal", detail: internal.message };
  const errors = x.diagnostics.filter((d) => d.severity === "error");
  const unlocated = errors.find((d) => d.span === null);
  if (unlocated) return { outcome: "unlocated", detail: `${unlocated.code}: ${unlocated.message}` };
  if (errors.length > 0) return { outcome: "located", detail: errors[0].message };
  return { outcome: "ok", detail: "" };
}

function trapSprung(canary: Canary): boolean {
  return existsSync(canary.trapDir) && readdirSync(canary.trapDir).length > 0;
}

/** The report as a table of counts: by outcome, then by kind. */
export function formatReport(report: FuzzReport): string {
  const out: string[] = [];
  const seconds = (report.milliseconds / 1000).toFixed(1);
  out.push(`${report.total.toLocaleString("en-US")} mutants in ${seconds} s`);
  for (const o of OUTCOMES)
    out.push(`  ${o.padEnd(10)} ${report.byOutcome[o].toLocaleString("en-US").padStart(7)}`);
  out.push("", "by kind:");
  for (const [kind, counts] of Object.entries(report.byKind).sort(([a], [b]) => a.localeCompare(b))) {
    const parts = OUTCOMES.filter((o) => counts[o]).map((o) => `${o} ${counts[o]}`);
    out.push(`  ${kind.padEnd(24)} ${parts.join(", ")}`);
  }
  if (report.bad.length > 0) {
    out.push("", "bad outcomes (program, kind, seed):");
    for (const b of report.bad.slice(0, 50))
      out.push(`  ${b.outcome}: ${b.file} ${b.kind} ${b.seed} — ${b.detail.slice(0, 200)}`);
  }
  return out.join("\n");
}
