import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

/**
 * Every case of fixtures/cases.py, run through GradLens and compared with what numpy 1.24.2
 * printed (recorded by fixtures/record.py under NEP 50 promotion, numpy 2's): the output
 * exactly, the exception (its type's last name and message) and the RuntimeWarnings.
 */

interface Case {
  area: string;
  name: string;
  code: string;
  stdout: string;
  error: string | null;
  warnings: string[];
}

const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures/cases.json"), "utf8")) as { cases: Case[] };

/**
 * Where GradLens follows numpy 2 and the recording (numpy 1.24) differs (scalars print as 1.24's), with what numpy 2 gives
 * instead, from numpy 2's documentation and release notes.
 */
const NUMPY2: Record<string, Partial<Case>> = {
  // numpy 2.2 made the truth value of an empty array an error (1.x: a DeprecationWarning and False)
  "proto/truth empty": {
    error:
      "ValueError: The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.",
  },
};

/** `numpy.core._exceptions._UFuncOutputCastingError` → `_UFuncOutputCastingError`; numpy's names for the same class. */
function typeOf(message: string): { type: string; text: string } {
  const colon = message.indexOf(": ");
  const full = colon < 0 ? message : message.slice(0, colon);
  let type = full.split(".").pop()!;
  if (type === "UFuncTypeError") type = "_UFuncOutputCastingError";
  return { type, text: colon < 0 ? "" : message.slice(colon + 2) };
}

describe("numpy cases recorded from numpy", () => {
  for (const recorded of fixture.cases) {
    const c = { ...recorded, ...NUMPY2[`${recorded.area}/${recorded.name}`] };
    it(`${c.area}: ${c.name}`, () => {
      const trace = runProgram("import numpy as np\n" + c.code);
      expect(trace.stdout).toBe(c.stdout);
      const errors = trace.diagnostics.filter((d) => d.severity === "error");
      if (c.error === null) expect(errors.map((d) => d.message)).toEqual([]);
      else {
        expect(errors.length).toBe(1);
        expect(typeOf(errors[0].message)).toEqual(typeOf(c.error));
      }
      const warnings = trace.diagnostics.filter((d) => d.code === "numpy-warning").map((d) => d.message);
      expect([...new Set(warnings)].sort()).toEqual([...c.warnings].sort());
    });
  }
});
