import { describe, expect, it } from "vitest";
import type { Trace } from "../trace/trace";
import { handCheckLines } from "./handCheckHover";

/** The hover lines for hand-written gradients: ✓ when they agree, both side by side when not. */

const SOURCE = "w_grad = x @ g\nw -= lr * w_grad\nprint(w)\n";
const line = (n: number) => {
  const lines = SOURCE.split("\n");
  let from = 0;
  for (let i = 0; i < n; i++) from += lines[i].length + 1;
  return { from, to: from + lines[n].length };
};

function traceWith(agrees: boolean): Trace {
  return {
    ok: true,
    stdout: "",
    diagnostics: [],
    nodes: [],
    edges: [],
    root: null,
    occurrences: [],
    variables: {},
    handChecks: [
      {
        span: line(0),
        madeAt: line(1),
        title: "∂loss/∂w of Dense (net[0])",
        shape: [2, 2],
        yours: [1, 2, 3, agrees ? 4 : 5],
        expected: [1, 2, 3, 4],
        agrees,
        worst: agrees ? null : [1, 1],
        when: "checked at the first of 10 updates",
      },
    ],
  };
}

describe("hovers on a hand-written gradient", () => {
  it("say it matches on the lines that computed and used it, and nothing elsewhere", () => {
    const trace = traceWith(true);
    const text =
      "✓ ∂loss/∂w of Dense (net[0]): your gradient matches the chain rule (checked at the first of 10 updates).";
    expect(handCheckLines(trace, SOURCE, line(0).from + 2)).toEqual(["", text]);
    expect(handCheckLines(trace, SOURCE, line(1).to)).toEqual(["", text]);
    expect(handCheckLines(trace, SOURCE, line(2).from + 1)).toEqual([]);
  });

  it("show both gradients and where they differ most", () => {
    const [, text] = handCheckLines(traceWith(false), SOURCE, line(1).from);
    expect(text).toBe(
      "✗ ∂loss/∂w of Dense (net[0]): yours `[1.0000, 2.0000, 3.0000, 5.0000]` · the chain rule `[1.0000, 2.0000, 3.0000, 4.0000]`\n\n" +
        "The largest difference is at [1, 1]: yours `5.0000`, the chain rule `4.0000` (checked at the first of 10 updates).",
    );
  });

  it("speak the editor's language", () => {
    const [, text] = handCheckLines(traceWith(true), SOURCE, 0, 4, "zh-cn");
    expect(text).toContain("你的梯度与链式法则一致");
  });
});
