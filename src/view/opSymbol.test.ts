import { describe, expect, it } from "vitest";
import { opSymbol } from "./opSymbol";

describe("opSymbol", () => {
  it("writes arithmetic as on paper and keeps Python's powers and named functions", () => {
    expect(opSymbol("*")).toBe("×");
    expect(opSymbol("+")).toBe("+");
    expect(opSymbol("/")).toBe("÷");
    expect(opSymbol("**2")).toBe("**2");
    expect(opSymbol("relu")).toBe("relu");
    expect(opSymbol("")).toBe("?");
  });
});
