import { describe, expect, it } from "vitest";
import { runProgram } from "./runProgram";

describe("a run's time limit (RunOptions.timeLimitMs)", () => {
  it("stops a long loop where it is, with a located diagnostic, keeping what it printed", () => {
    const source = "print('started')\ni = 0\nwhile True:\n    i += 1\n";
    const trace = runProgram(source, { timeLimitMs: 300 });
    expect(trace.stdout).toBe("started\n");
    const stops = trace.diagnostics.filter((d) => d.severity === "error");
    expect(stops.length).toBe(1);
    expect(stops[0].code).toBe("budget");
    expect(stops[0].message).toMatch(/^stopped after \d+ s and [\d,]+ steps: the program took too long$/);
    const line = source.slice(0, stops[0].span!.from).split("\n").length;
    expect([3, 4]).toContain(line);
  });

  it("reads the clock often enough to stop a loop of slow numpy steps itself (before 65,536 steps)", () => {
    const source = "import numpy as np\nwhile True:\n    s = np.ones(20000).sum()\n";
    const trace = runProgram(source, { timeLimitMs: 100 });
    const [stop] = trace.diagnostics.filter((d) => d.severity === "error");
    expect(stop.code).toBe("budget");
    const steps = Number(/and ([\d,]+) steps/.exec(stop.message)![1].replace(/,/g, ""));
    expect(steps).toBeLessThan(65_536);
    expect(source.slice(0, stop.span!.from).split("\n").length).toBeGreaterThanOrEqual(2);
  });

  it("leaves a run that ends in time alone", () => {
    const trace = runProgram("s = 0\nfor i in range(100000):\n    s += i\nprint(s)\n", {
      timeLimitMs: 60_000,
    });
    expect(trace.stdout).toBe("4999950000\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("counts from when the caller asked (timeLimitFrom): a runner's start-up takes from the run's time", () => {
    // the runner's own limit is a little later than the run's: a worker that took seconds to
    // start must still stop the program itself, or the runner stops it and what it printed is lost
    const source = "print('started')\ni = 0\nwhile True:\n    i += 1\n";
    const trace = runProgram(source, { timeLimitMs: 30_000, timeLimitFrom: Date.now() - 60_000 });
    expect(trace.stdout).toBe("started\n");
    const stops = trace.diagnostics.filter((d) => d.severity === "error");
    expect(stops.map((d) => d.message)).toEqual([
      "stopped after 60 s and 256 steps: the program took too long",
    ]);
    expect(source.slice(0, stops[0].span!.from).split("\n").length).toBeGreaterThanOrEqual(3);
  });
});
