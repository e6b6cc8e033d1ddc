import { describe, expect, it } from "vitest";
import { runProgram } from "./runProgram";

describe("the variables summary", () => {
  it("lists the parameters of any object with a parameters() method, not only nn modules", () => {
    // the values below were recorded from CPython 3.11 with micrograd
    const source = `from micrograd.engine import Value
class Unit:
    def __init__(self, w):
        self.w = Value(w)
    def __call__(self, x):
        return self.w * x
    def parameters(self):
        return [self.w]
class BiasedUnit(Unit):
    def __init__(self, w, b):
        super().__init__(w)
        self.b = Value(b)
    def __call__(self, x):
        return super().__call__(x) + self.b
    def parameters(self):
        return super().parameters() + [self.b]
class Broken:
    def parameters(self):
        raise ValueError("no")
u = BiasedUnit(0.3, -0.1)
y = u(2.0)
out = y.relu() * y
out.backward()
plain = Unit(1.0)
broken = Broken()
`;
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    expect(trace.variables.u).toEqual({
      type: "Object",
      class: "BiasedUnit",
      parameters: [
        { type: "Value", data: 0.3, grad: 2.0, root_grad: 2.0 },
        { type: "Value", data: -0.1, grad: 1.0, root_grad: 1.0 },
      ],
    });
    expect(trace.variables.plain).toEqual({
      type: "Object",
      class: "Unit",
      parameters: [{ type: "Value", data: 1.0, grad: 0, root_grad: null }],
    });
    expect(trace.variables.broken).toEqual({ type: "Object", class: "Broken" });
  });
});
