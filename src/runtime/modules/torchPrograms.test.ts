import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * Small programs, each exercising one part of the torch surface, run through GradLens and
 * compared character for character with what PyTorch 1.13.1 printed for them
 * (torchPrograms/record.py keeps recorded.json up to date).
 */
const dir = join(__dirname, "torchPrograms");
const recorded = JSON.parse(readFileSync(join(dir, "recorded.json"), "utf8")) as Record<string, string>;

describe.each(Object.keys(recorded))("%s", (name) => {
  it("prints what PyTorch printed", () => {
    const trace = runProgram(readFileSync(join(dir, name), "utf8"));
    expect(trace.diagnostics.map((d) => d.message)).toEqual([]);
    expect(trace.stdout).toBe(recorded[name]);
  });
});
