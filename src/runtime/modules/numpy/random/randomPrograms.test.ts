import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../../../runProgram";

/**
 * Every program of fixtures/cases.py, run through GradLens and compared with what numpy 1.24.2
 * printed (recorded by fixtures/record.py): the output exactly, and the exception it stopped on.
 */

interface Case {
  name: string;
  code: string;
  stdout: string;
  error: string | null;
}

const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures/cases.json"), "utf8")) as {
  cases: Case[];
};

describe("np.random programs recorded from numpy", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const trace = runProgram("import numpy as np\n" + c.code);
      const errors = trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
      expect(trace.stdout).toBe(c.stdout);
      expect(errors).toEqual(c.error === null ? [] : [c.error]);
    });
  }
});
