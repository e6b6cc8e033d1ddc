import { describe, expect, it } from "vitest";
import { trainProgram, type TrainConfig, type TrainStep } from "./trainProgram";

// loss = (w*x - 3)**2 with x = 2: the minimum is at w = 1.5.
const source = [
  "from micrograd.engine import Value",
  "x = 2.0",
  "w = Value(0.5)",
  "loss = (w * x - 3) ** 2",
  "loss.backward()",
].join("\n");

function train(config: TrainConfig) {
  const steps = trainProgram(source, {}, config);
  const seen: number[] = [];
  let final: TrainStep | undefined;
  for (;;) {
    const next = steps.next();
    if (next.done) return { ...next.value, seen, final };
    if (next.value.final) final = next.value;
    else seen.push(next.value.loss);
  }
}

describe("trainProgram", () => {
  it("takes SGD steps with PyTorch's update and the loss falls", () => {
    const r = train({ optimizer: "sgd", lr: 0.1, steps: 3 });
    expect(r.message).toBeNull();
    // w ← w − 0.1·∂loss/∂w, ∂loss/∂w = 2(2w − 3)·2: 0.5 → 1.3 → 1.46 → 1.492
    expect(r.parameters).toEqual([{ node: 0, name: "w", initial: 0.5, final: expect.closeTo(1.492, 12) }]);
    expect(r.losses.map((l) => +l.toFixed(10))).toEqual([4, 0.16, 0.0064, 0.000256]);
    expect(r.seen).toEqual(r.losses.slice(0, 3));
    // Last comes the run with the trained value, for the graph: its loss is the final one.
    expect(r.final?.loss).toBe(r.losses[3]);
    expect(r.final?.trace.nodes[0].data[0]).toBeCloseTo(1.492, 12);
  });

  it("names the program's own error and its line when the program does not run", () => {
    const broken = source.replace("loss = (w * x - 3) ** 2", "loss = (w * y - 3) ** 2");
    const r = trainProgram(broken, {}, { optimizer: "sgd", lr: 0.1, steps: 3 }).next();
    expect(r.done).toBe(true);
    expect((r.value as { message: string }).message).toBe(
      "The program stops on an error at line 4: NameError: name 'y' is not defined. Fix it first.",
    );
  });

  it("uses momentum and Adam", () => {
    const momentum = train({ optimizer: "momentum", lr: 0.01, steps: 2 });
    // step 1: buf = g = -8, w = 0.5 + 0.08 = 0.58; step 2: g = 4(1.16 − 3) = −7.36, buf = 0.9·(−8) − 7.36 = −14.56, w = 0.7256
    expect(momentum.parameters[0].final).toBeCloseTo(0.7256, 12);
    const adam = train({ optimizer: "adam", lr: 0.1, steps: 1 });
    // Adam's first step moves each parameter by lr·sign(g) (bias-corrected m/√v = ±1, up to eps)
    expect(adam.parameters[0].final).toBeCloseTo(0.6, 6);
  });

  it("stops with a message when the loss blows up", () => {
    // Python raises on a float ** that overflows, so the program itself stops first.
    const r = train({ optimizer: "sgd", lr: 10, steps: 500 });
    expect(r.message).toMatch(/^Stopped at step \d+: OverflowError/);
    expect(r.losses.length).toBeGreaterThan(10);
  });
});
