import { describe, expect, it } from "vitest";
import { makeGradlens } from "./api";
import { nativeContext } from "./context";

/**
 * The library's gradient paths against central finite differences in float64: each function is
 * evaluated at x ± h with plain numbers through the same library (data only), and the
 * gradient from backward() must agree to PyTorch gradcheck's tolerances.
 */
const H = 1e-6;
const ATOL = 1e-5;
const RTOL = 1e-3;

function close(analytic: number, numeric: number): boolean {
  return Math.abs(analytic - numeric) <= ATOL + RTOL * Math.abs(numeric);
}

describe("gradlens Value", () => {
  const g = makeGradlens(nativeContext());
  type V = InstanceType<typeof g.Value>;
  const functions: [string, (a: V, b: V) => V][] = [
    ["add, mul, sub", (a, b) => a.mul(b).sub(a.add(3))],
    ["div, pow, neg", (a, b) => a.div(b).pow(3).neg().add(b.pow(-2))],
    [
      "tanh, exp, log, sigmoid, relu",
      (a, b) => a.tanh().mul(b.exp()).add(b.mul(b).log()).add(a.sigmoid()).add(b.relu()),
    ],
    ["numbers on either side", (a, b) => a.mul(2.5).div(4).sub(1.5).add(b.div(a))],
  ];
  for (const [name, f] of functions) {
    it(`${name}: backward() agrees with central differences`, () => {
      const point = [0.7, -1.3];
      const at = (xs: number[]) => f(new g.Value(xs[0]), new g.Value(xs[1])).data;
      const a = new g.Value(point[0]);
      const b = new g.Value(point[1]);
      f(a, b).backward();
      [a.grad, b.grad].forEach((analytic, i) => {
        const plus = [...point];
        const minus = [...point];
        plus[i] += H;
        minus[i] -= H;
        const numeric = (at(plus) - at(minus)) / (2 * H);
        expect(close(analytic, numeric), `${name} d/d${"ab"[i]}: ${analytic} vs ${numeric}`).toBe(true);
      });
    });
  }

  it("computes with JavaScript's numbers: Infinity and NaN where Python would raise", () => {
    const zero = new g.Value(0);
    expect(zero.pow(-1).data).toBe(Infinity);
    expect(new g.Value(1).div(zero).data).toBe(Infinity);
    expect(zero.log().data).toBe(-Infinity);
    expect(new g.Value(-1).log().data).toBeNaN();
    expect(new g.Value(1000).exp().data).toBe(Infinity);
    // the gradient of sqrt at 0 is ∞: 0.5 · 0 ** -0.5, as 0.5 * Math.pow(0, -0.5) is in JavaScript
    const root = zero.pow(0.5);
    root.backward();
    expect(zero.grad).toBe(Infinity);
    // a negative number to a fractional power is NaN, forward and backward (Python: complex)
    const minus = new g.Value(-8);
    const cube = minus.pow(1 / 3);
    expect(cube.data).toBeNaN();
    cube.backward();
    expect(minus.grad).toBeNaN();
  });

  it("accumulates across backward() calls and can be reset, as micrograd does", () => {
    const a = new g.Value(3);
    const y = a.mul(a);
    y.backward();
    y.backward();
    expect(a.grad).toBe(12);
    a.grad = 0;
    expect(a.grad).toBe(0);
    expect(String(y)).toBe("Value(data=9, grad=1)");
  });
});

describe("gradlens tensors", () => {
  const g = makeGradlens(nativeContext());
  it("matmul, sub, pow, mean, tanh, sigmoid, relu: backward() agrees with central differences", () => {
    const x = g.tensor(
      [
        [0.5, -1.2],
        [2.0, 0.3],
      ],
      { dtype: "float64" },
    );
    const f = (w: number[]) => {
      const wt = g.tensor([[w[0]], [w[1]]], { requiresGrad: true, dtype: "float64" });
      const h = x.matmul(wt);
      return { wt, out: h.tanh().add(h.sigmoid()).add(h.relu()).sub(0.25).pow(2).mean() };
    };
    const point = [0.4, -0.8];
    const { wt, out } = f(point);
    out.backward();
    const grads = (wt.grad!.tolist() as number[][]).map((r) => r[0]);
    grads.forEach((analytic, i) => {
      const plus = [...point];
      const minus = [...point];
      plus[i] += H;
      minus[i] -= H;
      const numeric = (f(plus).out.item() - f(minus).out.item()) / (2 * H);
      expect(close(analytic, numeric), `dw${i}: ${analytic} vs ${numeric}`).toBe(true);
    });
  });

  it("nn.MSELoss().forward(input, target) is mseLoss, and its gradient agrees with central differences", () => {
    const target = g.tensor([0.5, -1, 2], { dtype: "float64" });
    const lossOf = (xs: number[]) => {
      const input = g.tensor(xs, { requiresGrad: true, dtype: "float64" });
      return { input, loss: new g.nn.MSELoss().forward(input, target) };
    };
    const point = [0.3, 0.2, -0.7];
    const { input, loss } = lossOf(point);
    expect(loss.item()).toBeCloseTo(g.nn.mseLoss(g.tensor(point, { dtype: "float64" }), target).item(), 15);
    loss.backward();
    (input.grad!.tolist() as number[]).forEach((analytic, i) => {
      const plus = [...point];
      const minus = [...point];
      plus[i] += H;
      minus[i] -= H;
      const numeric = (lossOf(plus).loss.item() - lossOf(minus).loss.item()) / (2 * H);
      expect(close(analytic, numeric), `d/dx${i}: ${analytic} vs ${numeric}`).toBe(true);
    });
    expect(String(new g.nn.MSELoss())).toBe("MSELoss()");
  });

  it("reads x.data as one view while x is unchanged, so repeated reads make no new tensors", () => {
    const p = g.tensor([1, 2], { requiresGrad: true });
    expect(p.data).toBe(p.data);
    expect(p.data.tolist()).toEqual([1, 2]);
    expect(p.data.requiresGrad).toBe(false);
  });

  it("trains nn.Linear with optim.SGD and optim.Adam (the loss falls)", () => {
    for (const make of [
      (ps: ReturnType<InstanceType<typeof g.nn.Linear>["parameters"]>) => new g.optim.SGD(ps, { lr: 0.05 }),
      (ps: ReturnType<InstanceType<typeof g.nn.Linear>["parameters"]>) => new g.optim.Adam(ps, { lr: 0.05 }),
    ]) {
      g.manualSeed(0);
      const model = new g.nn.Sequential(new g.nn.Linear(2, 4), new g.nn.Tanh(), new g.nn.Linear(4, 1));
      const opt = make(model.parameters());
      const x = g.tensor([
        [0, 1],
        [1, 0],
        [1, 1],
      ]);
      const y = g.tensor([[1], [1], [0]]);
      const losses: number[] = [];
      for (let i = 0; i < 30; i++) {
        opt.zeroGrad();
        const loss = g.nn.mseLoss(model.forward(x), y);
        loss.backward();
        opt.step();
        losses.push(loss.item());
      }
      expect(model.parameters().length).toBe(4);
      expect(losses[29]).toBeLessThan(losses[0]);
    }
  });
});
