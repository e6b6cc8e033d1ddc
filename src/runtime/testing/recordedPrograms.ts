import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/** One program of a recorded fixture: its code, what CPython printed, the exception it stopped on. */
interface RecordedCase {
  name: string;
  code: string;
  stdout: string;
  error: string | null;
}

/**
 * Tests every program of a fixture recorded from CPython with the reference library (numpy,
 * scikit-learn): GradLens must print exactly what it printed and stop on the same exception.
 * For tests only.
 */
export function describeRecordedPrograms(title: string, fixtureFile: string, prelude: string): void {
  const fixture = JSON.parse(readFileSync(fixtureFile, "utf8")) as { cases: RecordedCase[] };
  describe(title, () => {
    for (const c of fixture.cases) {
      it(c.name, () => {
        const trace = runProgram(prelude + c.code);
        const errors = trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
        expect(trace.stdout).toBe(c.stdout);
        expect(errors).toEqual(c.error === null ? [] : [c.error]);
      });
    }
  });
}
