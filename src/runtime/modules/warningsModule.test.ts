import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

describe("warnings", () => {
  it("shows warn() as an info diagnostic at the call, once per line, and runs on", () => {
    const source = `import warnings
warnings.warn('careful')
for i in range(3):
    warnings.warn('loop')
warnings.warn('old', DeprecationWarning)
warnings.warn('pending', PendingDeprecationWarning)
print('end')
`;
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    expect(trace.stdout).toBe("end\n");
    const infos = trace.diagnostics.map((d) => [
      d.severity,
      d.message,
      source.slice(d.span!.from, d.span!.to),
    ]);
    // CPython prints the same three to stderr (PendingDeprecationWarning is ignored by default)
    expect(infos).toEqual([
      ["info", "UserWarning: careful", "warnings.warn('careful')"],
      ["info", "UserWarning: loop", "warnings.warn('loop')"],
      ["info", "DeprecationWarning: old", "warnings.warn('old', DeprecationWarning)"],
    ]);
  });

  it("ignores warnings or raises them as errors as the filters say, and catch_warnings restores them", () => {
    const trace = runProgram(`import warnings
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('boom')
    except UserWarning as e:
        print('caught', e, type(e).__name__)
warnings.filterwarnings('ignore', category=DeprecationWarning)
warnings.warn('hidden', DeprecationWarning)
warnings.simplefilter('ignore')
warnings.warn('hidden too')
print('end')
`);
    // recorded from CPython 3.11
    expect(trace.stdout).toBe("caught boom UserWarning\nend\n");
    expect(trace.diagnostics).toEqual([]);
  });
});
