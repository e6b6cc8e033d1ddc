import { describe, expect, it } from "vitest";
import {
  add,
  backward,
  exp,
  firstAnomaly,
  grad,
  log,
  matmul,
  mul,
  resetAnomaly,
  retainGrad,
  rootGradients,
  setAnomalyDetection,
  subInPlace,
  sum,
  tanh,
  sqrt,
  tensor,
  withNoGrad,
  detach,
  pushGradMode,
  popGradMode,
  setRecordOrigins,
  resetEngineState,
  dataOf,
  stack,
  enterNoGrad,
  exitNoGrad,
  isGradEnabled,
  Tensor,
  type Nested,
} from "../index";

const leaf = (data: Nested, requiresGrad = true) => tensor(data, { dtype: "float64", requiresGrad });

describe("backward with PyTorch's semantics", () => {
  it("accumulates leaf .grad across backward() calls and leaves non-leaf .grad null", () => {
    const x = leaf([1, 2, 3]);
    const y = mul(x, x);
    const loss = sum(y);
    backward(loss, { retainGraph: true });
    expect(x.grad?.toNested()).toEqual([2, 4, 6]);
    expect(y.grad).toBeNull();
    backward(loss);
    expect(x.grad?.toNested()).toEqual([4, 8, 12]);
  });

  it("keeps the same .grad object when accumulating (in place, like PyTorch)", () => {
    const x = leaf([1, 2]);
    backward(sum(mul(x, 3)));
    const first = x.grad;
    backward(sum(mul(x, 3)));
    expect(x.grad).toBe(first);
    expect(x.grad?.toNested()).toEqual([6, 6]);
  });

  it("fills .grad of a non-leaf that asked with retain_grad()", () => {
    const x = leaf([1, 2]);
    const y = mul(x, 2);
    retainGrad(y);
    backward(sum(mul(y, y)));
    expect(y.grad?.toNested()).toEqual([4, 8]);
    expect(x.grad?.toNested()).toEqual([8, 16]);
  });

  it("refuses a non-scalar root without a gradient, and uses one when given", () => {
    const x = leaf([1, 2]);
    const y = mul(x, x);
    expect(() => backward(y)).toThrow("grad can be implicitly created only for scalar outputs");
    backward(y, { gradient: tensor([1, 10], { dtype: "float64" }) });
    expect(x.grad?.toNested()).toEqual([2, 40]);
  });

  it("refuses a gradient of the wrong shape", () => {
    const x = leaf([1, 2]);
    expect(() => backward(mul(x, x), { gradient: tensor([1, 2, 3], { dtype: "float64" }) })).toThrow(
      "Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape of torch.Size([2]).",
    );
  });

  it("refuses a second backward through saved values unless retain_graph", () => {
    const x = leaf([1, 2]);
    const loss = sum(mul(x, x));
    backward(loss);
    expect(() => backward(loss)).toThrow(/^Trying to backward through the graph a second time/);
  });

  it("allows a second backward through ops that saved nothing (as PyTorch does for add)", () => {
    const x = leaf([1, 2]);
    const loss = sum(add(x, 1));
    backward(loss);
    backward(loss);
    expect(x.grad?.toNested()).toEqual([2, 2]);
  });

  it("refuses backward on a tensor that does not require grad", () => {
    expect(() => backward(sum(tensor([1, 2])))).toThrow(
      "element 0 of tensors does not require grad and does not have a grad_fn",
    );
  });

  it("records nothing under no_grad, and detach cuts the graph", () => {
    const x = leaf([1, 2]);
    const y = withNoGrad(() => mul(x, 2));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
    enterNoGrad();
    enterNoGrad();
    exitNoGrad();
    expect(isGradEnabled()).toBe(false);
    exitNoGrad();
    expect(isGradEnabled()).toBe(true);
    enterNoGrad();
    pushGradMode(true); // with torch.enable_grad(): inside no_grad
    expect(isGradEnabled()).toBe(true);
    popGradMode();
    expect(isGradEnabled()).toBe(false);
    exitNoGrad();
    enterNoGrad(); // a run that stopped inside `with torch.no_grad():`
    resetEngineState();
    expect(isGradEnabled()).toBe(true);
    const d = detach(mul(x, 2));
    expect(d.requiresGrad).toBe(false);
    expect(d.isLeaf).toBe(true);
  });

  it("can remember how constant tensors were made, for display, without touching autograd", () => {
    setRecordOrigins(true);
    const c = tensor([3, 4], { dtype: "float64" });
    const d = mul(c, c);
    setRecordOrigins(false);
    expect(d.isLeaf).toBe(true);
    expect(d.requiresGrad).toBe(false);
    expect(d.origin?.op).toBe("*");
    expect(d.origin?.inputIds).toEqual([c.id, c.id]);
    expect(mul(c, c).origin).toBeNull();
  });

  it("propagates requires_grad only from operands that require it", () => {
    const a = leaf([1, 2]);
    const c = tensor([3, 4], { dtype: "float64" });
    expect(mul(c, c).requiresGrad).toBe(false);
    const y = mul(a, c);
    expect(y.requiresGrad).toBe(true);
    expect(y.isLeaf).toBe(false);
    expect(y.gradFn?.op).toBe("*");
  });

  it("reports an in-place change to a saved value the way PyTorch does", () => {
    const w = leaf([1, 2]);
    const loss = sum(mul(w, w));
    withNoGrad(() => subInPlace(w, 0.5));
    expect(() => backward(loss)).toThrow(/modified by an inplace operation/);
  });

  it("writing through x.data does not invalidate saved values (PyTorch's escape hatch)", () => {
    const w = leaf([1, 2]);
    const loss = sum(mul(w, w));
    subInPlace(dataOf(w), 0.5);
    expect(w.toNested()).toEqual([0.5, 1.5]);
    backward(loss);
    expect(w.grad?.toNested()).toEqual([1, 3]);
  });

  it("records stack as one node", () => {
    const a = leaf([1, 2]);
    const s = stack([a, a], 0);
    expect(s.gradFn?.op).toBe("stack");
    expect(s.gradFn?.inputs).toEqual([a, a]);
    backward(
      sum(
        mul(
          s,
          tensor(
            [
              [1, 2],
              [3, 4],
            ],
            { dtype: "float64" },
          ),
        ),
      ),
    );
    expect(a.grad?.toNested()).toEqual([4, 6]);
  });

  it("refuses in-place ops on a leaf that requires grad while recording", () => {
    const w = leaf([1, 2]);
    expect(() => subInPlace(w, 1)).toThrow(
      "a leaf Variable that requires grad is being used in an in-place operation.",
    );
  });

  it("walks a 50,000-deep chain (deeper than W1's) without overflowing the stack", () => {
    const x = leaf(1);
    let y: Tensor = x;
    for (let i = 0; i < 50_000; i++) y = add(y, 0);
    backward(y);
    expect(x.grad?.item()).toBe(1);
  });

  it("autograd.grad returns gradients without touching .grad", () => {
    const x = leaf([1, 2]);
    const [g] = grad(sum(mul(x, x)), [x]);
    expect(g?.toNested()).toEqual([2, 4]);
    expect(x.grad).toBeNull();
  });
});

describe("root gradients and edge contributions for the trace", () => {
  it("gives ∂root/∂x for every node, constants included, and fan-out sums the edges", () => {
    const a = leaf([2, 3]);
    const c = tensor([10, 20], { dtype: "float64" });
    const p = mul(a, c);
    const q = mul(a, a);
    const loss = sum(add(p, q));
    const r = rootGradients(loss);
    expect(r.grads.get(a.id)?.toNested()).toEqual([14, 26]);
    expect(r.grads.get(c.id)?.toNested()).toEqual([2, 3]);
    const intoA = r.edges.filter((e) => e.fromId === a.id);
    expect(intoA).toHaveLength(3);
    const total = intoA
      .map((e) => e.contribution.toNested() as number[])
      .reduce((s, v) => [s[0] + v[0], s[1] + v[1]]);
    expect(total).toEqual([14, 26]);
    const viaP = intoA.find((e) => e.toId === p.id);
    expect(viaP?.rule).toBe("∂(a·b)/∂a = b");
    expect(viaP?.summary).toEqual({ norm: Math.hypot(10, 20), min: 10, max: 20, mean: 15 });
    expect(a.grad).toBeNull();
  });

  it("backward with trace returns the same figures as rootGradients while accumulating .grad", () => {
    const a = leaf([0.5, -1]);
    const w = leaf([
      [1, 2],
      [3, 4],
    ]);
    const loss = sum(tanh(matmul(w, a)));
    const before = rootGradients(loss);
    const traced = backward(loss, { trace: true });
    expect(traced?.grads.get(w.id)?.toNested()).toEqual(before.grads.get(w.id)?.toNested());
    expect(w.grad?.toNested()).toEqual(before.grads.get(w.id)?.toNested());
    expect(traced?.edges.length).toBe(before.edges.length);
  });
});

describe("anomaly watch", () => {
  it("names the first op whose forward made a non-finite value", () => {
    setAnomalyDetection(true);
    resetAnomaly();
    const x = leaf([1, 0]);
    const y = log(x);
    exp(mul(y, 2));
    expect(firstAnomaly()).toMatchObject({
      phase: "forward",
      op: "log",
      tensorId: y.id,
      index: 1,
      value: -Infinity,
    });
    setAnomalyDetection(false);
    resetAnomaly();
  });

  it("names the first op whose backward made a non-finite gradient", () => {
    setAnomalyDetection(true);
    resetAnomaly();
    const x = leaf([0, 4]);
    const r = sqrt(x);
    backward(sum(r));
    expect(firstAnomaly()).toMatchObject({
      phase: "backward",
      op: "sqrt",
      tensorId: r.id,
      operand: 0,
      index: 0,
    });
    setAnomalyDetection(false);
    resetAnomaly();
  });
});
