import { describe, expect, it } from "vitest";
import { EngineArithmeticError, EngineUnsupportedError } from "../errors";
import { pythonPow } from "./pythonFloat";

describe("pythonPow", () => {
  it("raises where Python raises, and calls a complex result unsupported", () => {
    expect(() => pythonPow(0, -1)).toThrow(EngineArithmeticError);
    expect(() => pythonPow(10, 400)).toThrow(EngineArithmeticError);
    // CPython: (-8.0) ** (1/3) == (1.0000000000000002+1.7320508075688772j), no exception
    expect(() => pythonPow(-8, 1 / 3)).toThrow(EngineUnsupportedError);
    expect(pythonPow(-8, 3)).toBe(-512);
  });
});
