import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { toDot } from "./dot";
import { toMermaid } from "./mermaid";

const trace = runProgram(
  "from micrograd.engine import Value\nx = Value(2.0)\nw = Value(-0.5)\nloss = (x * w) ** 2\nloss.backward()\n",
);

describe("graph exports", () => {
  it("writes DOT with value records, op circles and contribution labels", () => {
    const dot = toDot(trace);
    expect(dot).toMatch(/^digraph gradlens \{\n {2}rankdir=LR;/);
    expect(dot).toContain('label="{ w | data -0.5000 | grad -4.0000 }"');
    expect(dot).toContain('label="**2"');
    // x*w = -1, so ∂loss/∂(x*w) = 2·(x*w) = -2 and w's edge into `*` carries -2 × x = -4.
    expect(dot).toMatch(/v1 -> o2 \[label="-4\.0000"\];/);
    expect(dot.trim().endsWith("}")).toBe(true);
  });

  it("writes a Mermaid flowchart with the same nodes and labels", () => {
    const mermaid = toMermaid(trace);
    expect(mermaid.startsWith("flowchart LR\n")).toBe(true);
    expect(mermaid).toContain('v1["w<br/>data -0.5000<br/>grad -4.0000"]');
    expect(mermaid).toContain('v1 -- "-4.0000" --> o2');
    expect(mermaid).toMatch(/style v\d+ stroke:#d08a1f/);
  });
});
