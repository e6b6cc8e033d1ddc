import { describe, expect, it } from "vitest";
import { Tensor } from "../tensor/tensor";
import { Adam, AdamW, RMSprop, SGD } from "./index";
import type { Optimizer } from "./optimizer";

/*
 * Reference: PyTorch's single-tensor update formulas run in plain Python (python3, no torch):
 *   import math
 *   def lerp(s, e, w):
 *       return s + w * (e - s) if w < 0.5 else e - (e - s) * (1 - w)
 *   A = [1.0, 0.5, 2.0]; B = [0.3, -0.2, 0.1]; P0 = [1.0, -2.0, 3.0]
 *   def grads(p): return [A[i] * p[i] + B[i] for i in range(3)]
 *   def sgd(steps, lr, momentum=0.0, dampening=0.0, wd=0.0, nesterov=False, maximize=False):
 *       p = P0[:]; buf = None
 *       for _ in range(steps):
 *           g = grads(p)
 *           g = [-x for x in g] if maximize else g
 *           if wd != 0: g = [g[i] + wd * p[i] for i in range(3)]
 *           if momentum != 0:
 *               if buf is None: buf = g[:]
 *               else: buf = [buf[i] * momentum + (1 - dampening) * g[i] for i in range(3)]
 *               g = [g[i] + momentum * buf[i] for i in range(3)] if nesterov else buf[:]
 *           p = [p[i] + (-lr) * g[i] for i in range(3)]
 *       return p
 *   def adam(steps, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, wd=0.0, amsgrad=False, maximize=False, decoupled=False):
 *       p = P0[:]; m = [0.0]*3; v = [0.0]*3; mx = [0.0]*3
 *       b1, b2 = betas
 *       for t in range(1, steps + 1):
 *           g = grads(p)
 *           g = [-x for x in g] if maximize else g
 *           if wd != 0:
 *               if decoupled: p = [p[i] * (1 - lr * wd) for i in range(3)]
 *               else: g = [g[i] + wd * p[i] for i in range(3)]
 *           m = [lerp(m[i], g[i], 1 - b1) for i in range(3)]
 *           v = [v[i] * b2 + (1 - b2) * g[i] * g[i] for i in range(3)]
 *           bc1 = 1 - b1 ** t; bc2 = 1 - b2 ** t
 *           step_size = lr / bc1; bc2s = bc2 ** 0.5
 *           if amsgrad:
 *               mx = [max(mx[i], v[i]) for i in range(3)]; sec = mx
 *           else: sec = v
 *           p = [p[i] + (-step_size) * (m[i] / (math.sqrt(sec[i]) / bc2s + eps)) for i in range(3)]
 *       return p
 *   print("sgd", sgd(5, 0.1))
 *   print("sgd_momentum", sgd(5, 0.1, momentum=0.9, dampening=0.1, wd=0.01))
 *   print("sgd_nesterov", sgd(5, 0.1, momentum=0.9, wd=0.01, nesterov=True))
 *   print("sgd_maximize", sgd(3, 0.05, momentum=0.5, maximize=True))
 *   print("adam", adam(6, lr=0.01))
 *   print("adam_amsgrad", adam(6, lr=0.05, betas=(0.8, 0.99), wd=0.1, amsgrad=True))
 *   print("adamw", adam(6, lr=0.01, wd=0.1, decoupled=True))
 *   print("adam_maximize", adam(4, lr=0.02, maximize=True))
 */

const A = [1.0, 0.5, 2.0];
const B = [0.3, -0.2, 0.1];

function param(): Tensor {
  const p = Tensor.fromValues(Float64Array.from([1.0, -2.0, 3.0]), [3], "float64");
  p.requiresGrad = true;
  return p;
}

/** Runs `steps` steps with grad = A·p + B (formed exactly as the Python reference does). */
function run<O extends object, S>(make: (p: Tensor) => Optimizer<O, S>, steps: number): number[] {
  const p = param();
  const opt = make(p);
  for (let s = 0; s < steps; s++) {
    opt.zeroGrad();
    const v = p.values();
    p.grad = Tensor.fromValues(Float64Array.from([0, 1, 2].map((i) => A[i] * v[i] + B[i])), [3], "float64");
    opt.step();
  }
  return [...p.values()];
}

function expectClose(actual: number[], expected: number[]): void {
  actual.forEach((a, i) =>
    expect(Math.abs(a - expected[i])).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected[i]))),
  );
}

describe("optimizers reproduce PyTorch's update formulas", () => {
  it("SGD", () =>
    expectClose(
      run((p) => new SGD([p], { lr: 0.1 }), 5),
      [0.4676369999999999, -1.45707425, 0.9494239999999999],
    ));
  it("SGD with momentum, dampening and weight decay", () =>
    expectClose(
      run((p) => new SGD([p], { lr: 0.1, momentum: 0.9, dampening: 0.1, weightDecay: 0.01 }), 5),
      [-0.2768099625875203, -0.6663770142675209, -1.6888026174387318],
    ));
  it("SGD with Nesterov momentum", () =>
    expectClose(
      run((p) => new SGD([p], { lr: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true }), 5),
      [-0.44072838830820366, -0.33791790356973866, -1.3195458967552456],
    ));
  it("SGD maximizing", () =>
    expectClose(
      run((p) => new SGD([p], { lr: 0.05, momentum: 0.5, maximize: true }), 3),
      [1.2894125, -2.2610375, 4.4213000000000005],
    ));
  it("Adam", () =>
    expectClose(
      run((p) => new Adam([p], { lr: 0.01 }), 6),
      [0.9400595821627601, -1.940031519342427, 2.9400246543205877],
    ));
  it("Adam with amsgrad, betas and weight decay", () =>
    expectClose(
      run((p) => new Adam([p], { lr: 0.05, betas: [0.8, 0.99], weightDecay: 0.1, amsgrad: true }), 6),
      [0.7034388033121312, -1.7017340536963668, 2.70129894910031],
    ));
  it("AdamW (decoupled weight decay)", () =>
    expectClose(
      run((p) => new AdamW([p], { lr: 0.01, weightDecay: 0.1 }), 6),
      [0.9342304887343789, -1.9282176982114825, 2.9222269211836984],
    ));
  it("Adam maximizing", () =>
    expectClose(
      run((p) => new Adam([p], { lr: 0.02, maximize: true }), 4),
      [1.0800631820244209, -2.0800357396656874, 3.0800284295340816],
    ));
});

describe("optimizer bookkeeping", () => {
  it("has PyTorch's defaults", () => {
    expect(new SGD([param()]).paramGroups[0].options).toMatchObject({
      lr: 1e-3,
      momentum: 0,
      nesterov: false,
    });
    expect(new Adam([param()]).paramGroups[0].options).toMatchObject({
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: 0,
    });
    expect(new AdamW([param()]).paramGroups[0].options.weightDecay).toBe(0.01);
  });

  it("zero_grad zeros the grads by default (PyTorch 1.13), or sets them to None", () => {
    const p = param();
    const opt = new SGD([p], { lr: 0.1 });
    p.grad = Tensor.fromValues(Float64Array.from([1, 2, 3]), [3], "float64");
    const g = p.grad;
    opt.zeroGrad();
    expect(p.grad).toBe(g);
    expect([...g.values()]).toEqual([0, 0, 0]);
    opt.zeroGrad(true);
    expect(p.grad).toBeNull();
  });

  it("skips parameters without a gradient, counts Adam steps per parameter, bumps versions", () => {
    const p = param();
    const q = param();
    const opt = new Adam([p, q], { lr: 0.1 });
    p.grad = Tensor.fromValues(Float64Array.from([1, 1, 1]), [3], "float64");
    const before = p.version;
    opt.step();
    opt.step();
    expect([...q.values()]).toEqual([1, -2, 3]);
    expect(opt.state.get(p)?.step).toBe(2);
    expect(opt.state.has(q)).toBe(false);
    expect(p.version).toBe(before + 2);
  });

  it("honours a learning rate changed between steps through param_groups", () => {
    const p = param();
    const opt = new SGD([p], { lr: 0.1 });
    opt.paramGroups[0].options.lr = 1;
    p.grad = Tensor.fromValues(Float64Array.from([1, 1, 1]), [3], "float64");
    opt.step();
    expect([...p.values()]).toEqual([0, -3, 2]);
  });

  it("refuses what PyTorch refuses", () => {
    expect(() => new SGD([param()], { lr: -1 })).toThrow("Invalid learning rate: -1");
    expect(() => new SGD([param()], { nesterov: true })).toThrow(
      "Nesterov momentum requires a momentum and zero dampening",
    );
    expect(() => new Adam([param()], { betas: [1, 0.9] })).toThrow("Invalid beta parameter at index 0: 1");
    expect(() => new SGD([])).toThrow("optimizer got an empty parameter list");
  });
});

describe("optimizer state under PyTorch's names", () => {
  const grads = (p: Tensor) => {
    const v = p.values();
    p.grad = Tensor.fromValues(Float64Array.from([0, 1, 2].map((i) => A[i] * v[i] + B[i])), [3], "float64");
  };
  const makers: [string, (p: Tensor) => Optimizer<object, unknown>][] = [
    ["SGD", (p) => new SGD([p], { lr: 0.1, momentum: 0.9 }) as unknown as Optimizer<object, unknown>],
    ["Adam", (p) => new Adam([p], { lr: 0.1, amsgrad: true }) as unknown as Optimizer<object, unknown>],
    [
      "RMSprop",
      (p) =>
        new RMSprop([p], { lr: 0.01, momentum: 0.5, centered: true }) as unknown as Optimizer<
          object,
          unknown
        >,
    ],
  ];

  it("names each optimizer's state as PyTorch 1.13 does", () => {
    const names = makers.map(([, make]) => {
      const p = param();
      const opt = make(p);
      grads(p);
      opt.step();
      return opt.exportState(p)!.map(([name]) => name);
    });
    expect(names).toEqual([
      ["momentum_buffer"],
      ["step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"],
      ["step", "square_avg", "momentum_buffer", "grad_avg"],
    ]);
    const p = param();
    const plain = new SGD([p], { lr: 0.1 });
    expect(plain.exportState(p)).toBeUndefined();
    grads(p);
    plain.step();
    expect(plain.exportState(p)).toEqual([["momentum_buffer", null]]);
  });

  it.each(makers)("%s resumed from its exported state continues as the original does", (_, make) => {
    const p = param();
    const opt = make(p);
    for (let s = 0; s < 3; s++) {
      grads(p);
      opt.step();
    }
    const q = Tensor.fromValues(p.copyValues(), [3], "float64");
    q.requiresGrad = true;
    const resumed = make(q);
    resumed.importState(
      q,
      new Map(opt.exportState(p)!.map(([k, v]) => [k, v instanceof Float64Array ? v.slice() : v])),
    );
    for (let s = 0; s < 3; s++) {
      grads(p);
      opt.step();
      grads(q);
      resumed.step();
    }
    expect([...q.values()]).toEqual([...p.values()]);
    resumed.importState(q, null);
    expect(resumed.exportState(q)).toBeUndefined();
  });
});
