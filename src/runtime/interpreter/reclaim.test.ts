import { describe, expect, it } from "vitest";
import { checkGradients } from "../../checks/gradientCheck";
import { rowOf } from "../../trace/rowsToTrace";
import { runProgram } from "../runProgram";

/**
 * A micrograd training loop long enough that its tape is compacted (each step makes ~3,000
 * values; compaction starts past 2**20 rows): the numbers must be those of a run that keeps
 * every value, and the trace must still name values across runs.
 */
const training = (steps: number, record = "history.append(loss.data)") => `from micrograd.engine import Value
from micrograd.nn import MLP
import random
random.seed(7)
model = MLP(2, [8, 8, 1])
xs = [[random.uniform(-1, 1), random.uniform(-1, 1)] for _ in range(16)]
ys = [1.0 if a * b > 0 else -1.0 for a, b in xs]
keep = Value(3.0)
same = [keep]
history = []
for k in range(${steps}):
    scores = [model(list(map(Value, x))) for x in xs]
    loss = sum((s - y) ** 2 for s, y in zip(scores, ys)) * (1.0 / len(xs))
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data -= 0.05 * p.grad
    ${record}
print(repr(loss.data), repr(model.parameters()[0].grad))
print(same[0] is keep, keep.data)
`;

const STEPS = 450;
const options = { memoryBudgetMb: 2048, stepBudget: 1e9 };

describe("reclaiming a long run's values", () => {
  const long = runProgram(training(STEPS), options);

  it("drops the steps the program let go, and says so at the loop", () => {
    expect(long.ok).toBe(true);
    const dropped = long.diagnostics.find((d) => d.code === "dropped");
    expect(dropped?.severity).toBe("info");
    expect(dropped?.span).not.toBeNull();
    expect(long.omitted).toBeGreaterThan(500_000);
  });

  it("gives the numbers of a run that keeps every value, and keeps what the program holds", () => {
    // holding every step's loss keeps every value reachable: nothing can be dropped
    const reference = runProgram(training(STEPS, "history.append(loss)"), options);
    expect(reference.diagnostics.find((d) => d.code === "dropped")).toBeUndefined();
    expect(long.stdout).toBe(reference.stdout);
    expect(long.stdout.endsWith("True 3.0\n")).toBe(true);
    // the last step's graph is whole: every parameter and every input reaches the loss
    const leaves = long.nodes.filter((n) => n.kind === "leaf" && n.rootGrad !== null);
    expect(leaves.length).toBe(2 * 8 + 8 + 8 * 8 + 8 + 8 + 1 + 16 * 2);
  }, 120_000);

  it("drops them too when the program holds numpy arrays and drew with matplotlib (micrograd's demo)", () => {
    // numpy's arrays are tensor rows of the same tape, kept where they are; their ids are births
    const withNumpy = training(STEPS)
      .replace("import random\n", "import random\nimport numpy as np\nimport matplotlib.pyplot as plt\n")
      .replace(
        "history = []\n",
        "history = []\ngrid = np.arange(6.0).reshape(2, 3)\nplt.figure(figsize=(3, 3))\n",
      )
      .concat("print(grid.sum(), grid[1, 2])\n");
    const trace = runProgram(withNumpy, options);
    expect(trace.diagnostics.map((d) => d.code)).toEqual(["dropped"]);
    expect(trace.stdout).toBe(long.stdout + "15.0 5.0\n");
    const grid = trace.nodes.find((n) => n.names.includes("grid"));
    expect(grid?.data).toEqual([0, 1, 2, 3, 4, 5]);
  }, 120_000);

  it("drops nothing a program's cached method still holds (functools.lru_cache in a class)", () => {
    const source = `import functools
from micrograd.engine import Value
class Model:
    @functools.lru_cache(maxsize=None)
    def weight(self):
        return Value(0.5) * 2.0
m = Model()
w = m.weight()
del w
for k in range(400000):
    junk = Value(k) * 2.0
print(m.weight().data, m.weight() is m.weight())
loss = m.weight() * 3.0
loss.backward()
print(loss.data, m.weight().grad)
`;
    const trace = runProgram(source, options);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe("1.0 True\n3.0 3.0\n");
    const weight = trace.nodes.find((n) => n.kind === "op" && n.expr === "Value(0.5) * 2.0");
    expect(weight?.data).toEqual([1]);
  }, 600_000);

  it("names values by birth, so a re-run moves the right parameter (the gradient check)", () => {
    // values made before and after a loop whose garbage is dropped: the later ones' rows move
    const source = `from micrograd.engine import Value
w = Value(0.5)
for k in range(400000):
    junk = Value(k) * 2.0
b = Value(-1.5)
loss = (w * 3.0 + b).tanh()
loss.backward()
`;
    const trace = runProgram(source, options);
    expect(trace.diagnostics.map((d) => d.code)).toEqual(["dropped"]);
    const b = trace.nodes.find((n) => n.names.includes("b"))!;
    expect(rowOf(b)).toBeGreaterThan(1_200_000); // its birth, not its row on the compacted tape
    const report = checkGradients(source, options);
    expect("rows" in report && report.rows.map((r) => r.ok)).toEqual([true, true]);
  }, 600_000);
});
