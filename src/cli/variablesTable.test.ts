import { describe, expect, it } from "vitest";
import { CELL_WIDTH, variablesTable } from "./variablesTable";

describe("variablesTable", () => {
  it("cuts long values to a readable width and keeps short ones whole", () => {
    const data = Array.from({ length: 300 }, (_, i) => i / 7);
    const table = variablesTable({
      W: { type: "Tensor", shape: [300], dtype: "float64", data, grad: null, root_grad: null } as never,
      n: 3,
    });
    const lines = table.split("\n");
    const w = lines.find((l) => l.startsWith("W "));
    expect(w).toBeDefined();
    const value = w!.slice(lines[0].indexOf("value")).split("  ")[0];
    expect([...value].length).toBe(CELL_WIDTH);
    expect(value.startsWith("tensor[300] [0, 0.14285714285714285")).toBe(true);
    expect(value.endsWith("…")).toBe(true);
    expect(lines.find((l) => l.startsWith("n "))).toMatch(/^n +3$/);
    for (const line of lines) expect([...line].length).toBeLessThan(CELL_WIDTH + 40);
  });
});
