import { describe, expect, it } from "vitest";
import { runProgram } from "./runProgram";

/** The places TraceCall.place names: where the program's top-level names keep the objects methods ran on. */
describe("the places of the objects methods ran on", () => {
  it("names an object by the first top-level name that reaches it: a list's item, an attribute", () => {
    const trace = runProgram(`class Box:
    def __init__(self, inner=None):
        self.inner = inner
    def get(self):
        return 1
net = [Box(), Box(Box())]
for b in net:
    b.get()
net[1].inner.get()
loose = Box()
loose.get()
Box().get()
`);
    const gets = (trace.calls ?? []).filter((c) => c.name === "Box.get");
    expect(gets.map((c) => c.place ?? null)).toEqual(["net[0]", "net[1]", "net[1].inner", "loose", null]);
  });

  it("walks a list that holds itself once, without running out of stack", () => {
    const trace = runProgram(`class Box:
    def get(self):
        return 1
a = [Box()]
a.append(a)
a[0].get()
`);
    expect(trace.ok).toBe(true);
    expect(trace.calls?.find((c) => c.name === "Box.get")?.place).toBe("a[0]");
  });
});
