import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

/**
 * One test per program in `dir`: run through GradLens, it prints exactly what its entry in the
 * folder's recorded.json says PyTorch printed (torchPrograms/record.py writes those files), with
 * no diagnostic.
 */
export function describeRecordedPrograms(dir: string): void {
  const recorded = JSON.parse(readFileSync(join(dir, "recorded.json"), "utf8")) as Record<string, string>;
  describe.each(Object.keys(recorded))("%s", (name) => {
    it("prints what PyTorch printed", () => {
      const trace = runProgram(readFileSync(join(dir, name), "utf8"));
      expect(trace.diagnostics.map((d) => d.message)).toEqual([]);
      expect(trace.stdout).toBe(recorded[name]);
    });
  });
}
