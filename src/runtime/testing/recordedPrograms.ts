import { readFileSync } from "node:fs";
import { join } from "node:path";
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

/**
 * Tests every program file of a folder recorded from PyTorch (torchPrograms/record.py writes the
 * folder's recorded.json, `{ "name.py": stdout }`): GradLens must print exactly what PyTorch
 * printed, with no diagnostic at all. For tests only.
 */
export function describeRecordedFolder(dir: string): void {
  const recorded = JSON.parse(readFileSync(join(dir, "recorded.json"), "utf8")) as Record<string, string>;
  describe.each(Object.keys(recorded))("%s", (name) => {
    it("prints what PyTorch printed", () => {
      const trace = runProgram(readFileSync(join(dir, name), "utf8"));
      expect(trace.diagnostics.map((d) => d.message)).toEqual([]);
      expect(trace.stdout).toBe(recorded[name]);
    });
  });
}
