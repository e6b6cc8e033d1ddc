import { describe, expect, it } from "vitest";
import { readsChanged } from "./programInputs";

describe("which runs a changed file concerns", () => {
  const inputs = new Set(["/ws", "/ws/helper.py", "/ws/names.txt", "/ws/data/missing.txt"]);

  it("a file the run read, or asked about, whatever happened to it", () => {
    expect(readsChanged(inputs, "/ws/helper.py", false)).toBe(true);
    expect(readsChanged(inputs, "/ws/data/missing.txt", true)).toBe(true);
  });

  it("a file that came or went in a folder the run looked through, but not an edit there", () => {
    expect(readsChanged(inputs, "/ws/torch.py", true)).toBe(true);
    expect(readsChanged(inputs, "/ws/other.py", false)).toBe(false);
    expect(readsChanged(inputs, "/ws/sub/new.py", true)).toBe(false);
    expect(readsChanged(inputs, "/elsewhere/helper.py", false)).toBe(false);
  });
});
