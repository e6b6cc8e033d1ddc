import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `mean, median, mode, stdev and variance with exact sums`,
    source: `import statistics as st
print(st.mean([0.1, 0.2, 0.3]), st.mean([1, 2, 3]), st.mean([1, 2, 3, 4]), st.mean([1, 2.5]), st.fmean([0.1, 0.2, 0.3]), st.median([3, 1, 2]), st.median([1, 2, 3, 4]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]), st.variance([1, 2, 3]), st.stdev([2, 4, 4, 4, 5, 5, 7, 9]), st.mode([1, 2, 2, 3]), st.multimode('aabbc'))
xs = [0.1 * i for i in range(100)]
print(st.mean(xs), st.stdev(xs), st.variance(xs), st.pstdev(xs), st.fmean(xs), st.variance(xs, st.mean(xs)))
try: st.mean([])
except st.StatisticsError as e: print(e)
try: st.stdev([1])
except st.StatisticsError as e: print(e)
print(st.mean([1e308, 1e308]), st.mean([float('inf'), 1]))
`,
    // recorded from CPython 3.11
    stdout: `0.2 2 2.5 1.75 0.19999999999999998 2 2.5 2 3
1.0810874155219827 1.16875 1.118033988749895 1.25 1 2.138089935299395 2 ['a', 'b']
4.95 2.901149197588202 8.416666666666668 2.886607004772212 4.95 8.416666666666668
mean requires at least one data point
stdev requires at least two data points
1e+308 inf
`,
  },
];

describe(`Python's statistics module, as CPython runs it`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
