import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";
import { describeRecordedPrograms } from "../../testing/recordedPrograms";

/**
 * Every program of fixtures/einsum/cases.py, run through GradLens and compared with what numpy
 * 1.24.2 printed: the output exactly, and the exception it stopped on.
 */
describeRecordedPrograms(
  "np.einsum programs recorded from numpy",
  join(__dirname, "fixtures/einsum/cases.json"),
  "import numpy as np\n",
);

/** A hand-written backward through einsum is checked against the chain rule like one through `@`. */
describe("np.einsum on the tape", () => {
  const program = (dw: string) => `import numpy as np
W = np.array([[0.5, -0.4], [0.3, 0.8]])
x = np.array([[1.0], [2.0]])
y = np.array([[0.5], [-0.5]])
for step in range(3):
    h = np.tanh(np.einsum('ij,jk->ik', W, x))
    loss = np.mean((h - y) ** 2)
    dh = 2 * (h - y) / h.size
    dW = ${dw}
    W -= 0.1 * dW
`;

  it("a right gradient computed with einsum agrees", () => {
    const trace = runProgram(program("np.einsum('ik,jk->ij', dh * (1 - h ** 2), x)"));
    expect(trace.ok).toBe(true);
    expect(trace.handChecks).toMatchObject([{ title: "∂loss/∂W", agrees: true }]);
  });

  it("a transposed one disagrees", () => {
    const trace = runProgram(program("np.einsum('ik,jk->ji', dh * (1 - h ** 2), x)"));
    expect(trace.handChecks).toMatchObject([{ title: "∂loss/∂W", agrees: false }]);
  });

  it("traces and diagonals carry their gradient", () => {
    const trace = runProgram(`import numpy as np
M = np.array([[1.0, 2.0], [3.0, 4.0]])
for step in range(2):
    loss = np.einsum('ii', M) + np.einsum('ii->i', M * M).sum()
    dM = np.eye(2) + 2 * M * np.eye(2)
    M -= 0.1 * dM
`);
    expect(trace.ok).toBe(true);
    expect(trace.handChecks).toMatchObject([{ title: "∂loss/∂M", agrees: true }]);
  });
});
