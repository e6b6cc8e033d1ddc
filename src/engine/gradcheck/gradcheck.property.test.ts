import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as T from "../tensor/index";
import { Tensor } from "../tensor/tensor";
import { describeMismatches, gradcheck } from "./gradcheck";

/**
 * Every differentiable op, gradchecked over random shapes and values (float64, PyTorch's
 * tolerances). Values stay away from the kinks of relu/abs/clamp and the poles of log/div,
 * where central differences are meaningless.
 */

const RUNS = { numRuns: 10 };

const leaf = (values: number[], shape: number[]) => {
  const t = Tensor.fromValues(Float64Array.from(values), shape, "float64");
  t.requiresGrad = true;
  return t;
};
const constant = (values: number[], shape: number[], dtype: T.DType = "float64") =>
  Tensor.fromValues(Float64Array.from(values), shape, dtype);

const numel = (shape: number[]) => shape.reduce((p, d) => p * d, 1);
const shapeArb = (minRank = 0, maxRank = 3) =>
  fc.array(fc.integer({ min: 1, max: 3 }), { minLength: minRank, maxLength: maxRank });

/** Values with |x| in [0.2, 2]: away from 0, so kinks and poles are not crossed by eps. */
const awayFromZero = fc
  .tuple(fc.double({ min: 0.2, max: 2, noNaN: true }), fc.boolean())
  .map(([v, s]) => (s ? v : -v));
const anyValue = fc.double({ min: -2, max: 2, noNaN: true });
const positive = fc.double({ min: 0.2, max: 3, noNaN: true });

/** No two values within 1e-3 of each other: ties are kinks for max/min. */
const distinct = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.every((v, i) => i === 0 || v - sorted[i - 1] > 1e-3);
};

function valuesArb(shape: number[], value = anyValue) {
  const n = numel(shape);
  return fc.array(value, { minLength: n, maxLength: n });
}

/** A tensor of a random shape (rank within bounds) and values. */
function tensorArb(value = anyValue, minRank = 0, maxRank = 3) {
  return shapeArb(minRank, maxRank).chain((shape) => valuesArb(shape, value).map((v) => leaf(v, shape)));
}

/** Two shapes that broadcast: the second drops leading dims and sets some to 1. */
function broadcastPairArb(value = anyValue, value2 = value) {
  return shapeArb(0, 3).chain((shape) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: shape.length }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.boolean(),
      )
      .chain(([drop, ones, swap]) => {
        const other = shape.slice(drop).map((d, i) => (ones[i] ? 1 : d));
        const [sa, sb] = swap ? [other, shape] : [shape, other];
        return fc
          .tuple(valuesArb(sa, value), valuesArb(sb, value2))
          .map(([a, b]) => [leaf(a, sa), leaf(b, sb)]);
      }),
  );
}

function check(fn: (...xs: Tensor[]) => Tensor, inputs: Tensor[]): void {
  const r = gradcheck(fn, inputs);
  if (!r.ok) expect.fail(`${describeMismatches(r)} (shapes ${inputs.map((x) => `[${x.shape}]`).join(", ")})`);
}

const unary: [string, (x: Tensor) => Tensor, fc.Arbitrary<number>][] = [
  ["neg", T.neg, anyValue],
  ["exp", T.exp, anyValue],
  ["log", T.log, positive],
  ["sqrt", T.sqrt, positive],
  ["abs", T.abs, awayFromZero],
  ["relu", T.relu, awayFromZero],
  ["leaky_relu", (x) => T.leakyRelu(x, 0.1), awayFromZero],
  ["sigmoid", T.sigmoid, anyValue],
  ["tanh", T.tanh, anyValue],
  ["clamp", (x) => T.clamp(x, -0.1, 0.1), awayFromZero],
  ["pow 3", (x) => T.pow(x, 3), anyValue],
  ["pow -0.5", (x) => T.pow(x, -0.5), positive],
  ["clone", T.clone, anyValue],
  ["sin", T.sin, anyValue],
  ["silu", T.silu, anyValue],
  ["softplus", (x) => T.softplus(x, 2, 3), awayFromZero],
  ["elu", T.elu, awayFromZero],
  ["dropout (fixed mask)", (x) => T.dropout(x, 0.5, true, new T.Generator(1)), anyValue],
  ["cos", T.cos, anyValue],
];

describe("gradcheck: elementwise functions", () => {
  for (const [name, fn, value] of unary)
    it(name, () =>
      fc.assert(
        fc.property(tensorArb(value), (x) => check(fn, [x])),
        RUNS,
      ),
    );
});

const binary: [string, (a: Tensor, b: Tensor) => Tensor, fc.Arbitrary<number>, fc.Arbitrary<number>][] = [
  ["add", T.add, anyValue, anyValue],
  ["sub", T.sub, anyValue, anyValue],
  ["mul", T.mul, anyValue, anyValue],
  ["div", T.div, anyValue, awayFromZero],
  ["pow (tensor exponent)", T.pow, positive, anyValue],
  ["maximum", T.maximum, anyValue, anyValue],
  ["minimum", T.minimum, anyValue, anyValue],
  ["where", (a, b) => T.where(T.gt(a, 0), a, b), awayFromZero, anyValue],
  [
    "remainder (away from the jumps)",
    (a, b) => T.remainder(T.mul(a, 0.1), b),
    positive,
    fc.double({ min: 0.5, max: 2, noNaN: true }),
  ],
];

describe("gradcheck: binary operators with broadcasting", () => {
  for (const [name, fn, va, vb] of binary)
    it(name, () =>
      fc.assert(
        fc.property(broadcastPairArb(va, vb), ([a, b]) => {
          fc.pre(distinct([...a.values(), ...b.values()]));
          check(fn, [a, b]);
        }),
        RUNS,
      ),
    );
});

/** A tensor of rank ≥ 1 and a dim (possibly negative) into it. */
function tensorWithDim(value = anyValue) {
  return shapeArb(1, 3).chain((shape) =>
    fc
      .tuple(valuesArb(shape, value), fc.integer({ min: -shape.length, max: shape.length - 1 }), fc.boolean())
      .map(([v, dim, keepdim]) => ({ x: leaf(v, shape), dim, keepdim })),
  );
}

describe("gradcheck: reductions", () => {
  it("sum over all, one dim and a tuple of dims, with keepdim", () =>
    fc.assert(
      fc.property(tensorWithDim(), fc.boolean(), ({ x, dim, keepdim }, tuple) => {
        check((a) => T.sum(a), [x]);
        const dims =
          tuple && x.ndim > 1
            ? [dim, dim >= 0 ? (dim + 1) % x.ndim : dim + 1 === 0 ? -x.ndim : dim + 1]
            : dim;
        check((a) => T.sum(a, dims, keepdim), [x]);
      }),
      RUNS,
    ));
  it("mean", () =>
    fc.assert(
      fc.property(tensorWithDim(), ({ x, dim, keepdim }) => {
        check((a) => T.mean(a), [x]);
        check((a) => T.mean(a, dim, keepdim), [x]);
      }),
      RUNS,
    ));
  it("prod (with and without zeros)", () =>
    fc.assert(
      fc.property(tensorWithDim(), fc.boolean(), ({ x, dim, keepdim }, zero) => {
        if (zero) x.storage.data[0] = 0;
        check((a) => T.prod(a), [x]);
        check((a) => T.prod(a, dim, keepdim), [x]);
      }),
      RUNS,
    ));
  it("max and min, overall and along a dim", () =>
    fc.assert(
      fc.property(tensorWithDim(), ({ x, dim, keepdim }) => {
        fc.pre(distinct([...x.values()]));
        check((a) => T.max(a), [x]);
        check((a) => T.min(a), [x]);
        check((a) => T.maxAlong(a, dim, keepdim).values, [x]);
        check((a) => T.minAlong(a, dim, keepdim).values, [x]);
      }),
      RUNS,
    ));
  it("var, std (corrections 0 and 1), logsumexp, norm", () =>
    fc.assert(
      fc.property(tensorWithDim(), ({ x, dim, keepdim }) => {
        fc.pre(x.shape[((dim % x.ndim) + x.ndim) % x.ndim] > 1 && distinct([...x.values()]));
        check((a) => T.variance(a, dim, 1, keepdim), [x]);
        check((a) => T.std(a, dim, 0, keepdim), [x]);
        check((a) => T.variance(a), [x]);
        check((a) => T.logsumexp(a, dim, keepdim), [x]);
        check((a) => T.norm(a, dim, keepdim), [x]);
        check((a) => T.norm(a), [x]);
      }),
      RUNS,
    ));
  it("softmax and log_softmax along a dim", () =>
    fc.assert(
      fc.property(tensorWithDim(), ({ x, dim }) => {
        check((a) => T.softmax(a, dim), [x]);
        check((a) => T.logSoftmax(a, dim), [x]);
      }),
      RUNS,
    ));
});

describe("gradcheck: matmul", () => {
  const dims = fc.integer({ min: 1, max: 4 });
  const cases: [string, fc.Arbitrary<[number[], number[]]>][] = [
    ["1-d @ 1-d", dims.map((k) => [[k], [k]])],
    [
      "2-d @ 2-d",
      fc.tuple(dims, dims, dims).map(([m, k, n]) => [
        [m, k],
        [k, n],
      ]),
    ],
    ["1-d @ 2-d", fc.tuple(dims, dims).map(([k, n]) => [[k], [k, n]])],
    ["2-d @ 1-d", fc.tuple(dims, dims).map(([m, k]) => [[m, k], [k]])],
    [
      "batched with broadcast",
      fc.tuple(dims, dims, dims, fc.integer({ min: 1, max: 3 })).map(([m, k, n, b]) => [
        [b, 1, m, k],
        [2, k, n],
      ]),
    ],
    ["batched @ 1-d", fc.tuple(dims, dims, dims).map(([b, m, k]) => [[b, m, k], [k]])],
  ];
  for (const [name, shapes] of cases)
    it(name, () =>
      fc.assert(
        fc.property(
          shapes.chain(([sa, sb]) =>
            fc.tuple(valuesArb(sa), valuesArb(sb)).map(([a, b]) => [leaf(a, sa), leaf(b, sb)]),
          ),
          ([a, b]) => check((x, y) => T.matmul(x, y), [a, b]),
        ),
        RUNS,
      ),
    );
  it("linear (x·Wᵀ + b), with and without bias, batched x", () =>
    fc.assert(
      fc.property(
        fc.tuple(dims, dims, dims, fc.integer({ min: 0, max: 2 })).chain(([m, i, o, extra]) => {
          const xs = extra === 0 ? [i] : extra === 1 ? [m, i] : [2, m, i];
          return fc
            .tuple(valuesArb(xs), valuesArb([o, i]), valuesArb([o]))
            .map(([x, w, b]) => [leaf(x, xs), leaf(w, [o, i]), leaf(b, [o])]);
        }),
        ([x, w, b]) => {
          check((a, c, d) => T.linear(a, c, d), [x, w, b]);
          check((a, c) => T.linear(a, c), [x, w]);
        },
      ),
      RUNS,
    ));
  it("through transposed views (Aᵀ·B and A·Bᵀ without copies)", () =>
    fc.assert(
      fc.property(fc.tuple(dims, dims, dims), ([m, k, n]) => {
        const a = leaf(
          Array.from({ length: k * m }, (_, i) => Math.sin(i + 1)),
          [k, m],
        );
        const b = leaf(
          Array.from({ length: n * k }, (_, i) => Math.cos(i)),
          [n, k],
        );
        check((x, y) => T.matmul(T.t(x), T.t(y)), [a, b]);
      }),
      RUNS,
    ));
});

describe("gradcheck: shape and indexing", () => {
  it("reshape, view, flatten, transpose, permute, squeeze, unsqueeze, expand, contiguous", () =>
    fc.assert(
      fc.property(tensorWithDim(), ({ x, dim }) => {
        check((a) => T.reshape(a, [-1]), [x]);
        check((a) => T.view(T.contiguous(T.transpose(a, 0, dim)), [-1]), [x]);
        check((a) => T.mul(T.transpose(a, dim, 0), 2), [x]);
        check(
          (a) =>
            T.permute(
              a,
              a.shape.map((_, i) => a.ndim - 1 - i),
            ),
          [x],
        );
        check((a) => T.squeeze(T.unsqueeze(a, dim), dim), [x]);
        check((a) => T.flatten(T.unsqueeze(a, 0)), [x]);
        check((a) => T.expand(T.unsqueeze(a, 0), [2, ...a.shape]), [x]);
        check((a) => T.T(a), [x]);
      }),
      RUNS,
    ));
  it("slices with steps, ints, None and ellipsis", () =>
    fc.assert(
      fc.property(
        shapeArb(2, 3).chain((s) => valuesArb(s).map((v) => leaf(v, s))),
        fc.integer({ min: 1, max: 3 }),
        (x, step) => {
          check((a) => T.index(a, [{ start: 0, step }]), [x]);
          check((a) => T.index(a, [-1, null, "..."]), [x]);
          check((a) => T.index(a, ["...", { start: -2, stop: null, step }]), [x]);
        },
      ),
      RUNS,
    ));
  it("integer-tensor and list indexing (repeats accumulate), several index tensors together", () =>
    fc.assert(
      fc.property(
        shapeArb(2, 3).chain((s) => valuesArb(s).map((v) => leaf(v, s))),
        (x) => {
          const n0 = x.shape[0];
          const n1 = x.shape[1];
          const idx = constant([0, n0 - 1, 0], [3], "int64");
          check((a) => T.index(a, [idx]), [x]);
          check((a) => T.index(a, [{}, [n1 - 1, 0]]), [x]);
          check(
            (a) =>
              T.index(a, [
                T.arange(0, n0, 1, { allInts: true }),
                constant(new Array(n0).fill(n1 - 1), [n0], "int64"),
              ]),
            [x],
          );
          const mask = T.gt(x, 0);
          check((a) => T.index(a, [mask]), [x]);
          check((a) => T.index(a, [{}, T.gt(constant([1, -1, 1].slice(0, n1), [Math.min(n1, 3)]), 0)]), [x]);
        },
      ),
      RUNS,
    ));
  it("cat and stack", () =>
    fc.assert(
      fc.property(tensorWithDim(), ({ x, dim }) => {
        const y = leaf(
          Array.from({ length: x.numel }, (_, i) => i / 7),
          [...x.shape],
        );
        check((a, b) => T.cat([a, b, a], dim), [x, y]);
        check((a, b) => T.stack([a, b], dim), [x, y]);
      }),
      RUNS,
    ));
});

describe("gradcheck: losses", () => {
  const reductions: T.Reduction[] = ["mean", "sum", "none"];
  it("mse_loss with every reduction", () =>
    fc.assert(
      fc.property(broadcastPairArb(), fc.constantFrom(...reductions), ([a, b], r) => {
        if (a.ndim !== b.ndim || a.shape.some((d, i) => d !== b.shape[i])) return;
        check((x, y) => T.mseLoss(x, y, r), [a, b]);
      }),
      RUNS,
    ));
  it("binary_cross_entropy and with_logits", () =>
    fc.assert(
      fc.property(
        shapeArb(0, 2).chain((s) =>
          fc.tuple(
            valuesArb(s, fc.double({ min: 0.05, max: 0.95, noNaN: true })),
            valuesArb(s, fc.double({ min: 0, max: 1, noNaN: true })),
            fc.constant(s),
          ),
        ),
        fc.constantFrom(...reductions),
        ([p, y, s], r) => {
          check((a, b) => T.binaryCrossEntropy(a, b, r), [leaf(p, s), leaf(y, s)]);
          check(
            (a, b) => T.binaryCrossEntropyWithLogits(a, b, r),
            [
              leaf(
                p.map((v) => 6 * v - 3),
                s,
              ),
              leaf(y, s),
            ],
          );
          check(
            (a, b) => T.binaryCrossEntropyWithLogits(a, b, r, null, constant([2], [1])),
            [leaf(p, s), leaf(y, s)],
          );
        },
      ),
      RUNS,
    ));
  it("cross_entropy (class indices and probabilities) and nll_loss", () =>
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 }))
          .chain(([n, c]) =>
            fc.tuple(
              valuesArb([n, c]),
              fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n }),
              fc.constant([n, c]),
            ),
          ),
        fc.constantFrom(...reductions),
        ([v, targets, [n, c]], r) => {
          const y = constant(targets, [n], "int64");
          check((a) => T.crossEntropy(a, y, { reduction: r }), [leaf(v, [n, c])]);
          check((a) => T.nllLoss(T.logSoftmax(a, 1), y, { reduction: r }), [leaf(v, [n, c])]);
          check(
            (a) => T.crossEntropy(a, constant([targets[0]], [], "int64"), { reduction: r }),
            [leaf(v.slice(0, c), [c])],
          );
          const probs = T.softmax(
            constant(
              v.map((x) => -x),
              [n, c],
            ),
            1,
          );
          check((a) => T.crossEntropy(a, probs, { reduction: r }), [leaf(v, [n, c])]);
          const w = constant(
            Array.from({ length: c }, (_, i) => 1 + i),
            [c],
          );
          check((a) => T.crossEntropy(a, y, { reduction: r, weight: w }), [leaf(v, [n, c])]);
          check(
            (a) => T.crossEntropy(a, y, { reduction: r, weight: w, labelSmoothing: 0.3 }),
            [leaf(v, [n, c])],
          );
          check((a) => T.crossEntropy(a, probs, { reduction: r, labelSmoothing: 0.2 }), [leaf(v, [n, c])]);
        },
      ),
      RUNS,
    ));
});

describe("strided operands: every op gives the same result on a view as on its contiguous copy", () => {
  /** A non-contiguous view: a transposed, step-sliced window of a larger tensor. */
  const viewArb = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([r, c]) =>
    valuesArb([2 * c + 1, r + 1]).map((v) => {
      const base = constant(v, [2 * c + 1, r + 1]);
      return T.transpose(T.index(base, [{ step: 2 }, { start: 1 }]), 0, 1);
    }),
  );
  const ops: [string, (x: Tensor) => Tensor][] = [
    ["exp", T.exp],
    ["relu", T.relu],
    ["neg", T.neg],
    ["add row", (x) => T.add(x, T.index(x, [0]))],
    ["mul self", (x) => T.mul(x, x)],
    ["sum dim 0", (x) => T.sum(x, 0)],
    ["mean dim 1", (x) => T.mean(x, 1, true)],
    ["max dim 1", (x) => T.maxAlong(x, 1).values],
    ["softmax", (x) => T.softmax(x, 0)],
    ["matmul xᵀx", (x) => T.matmul(T.t(x), x)],
    ["reshape", (x) => T.reshape(x, [-1])],
    ["index list", (x) => T.index(x, [[0, 0]])],
    ["cat", (x) => T.cat([x, x], 1)],
    ["mse", (x) => T.mseLoss(x, T.mul(x, 0.5), "none")],
    ["linear", (x) => T.linear(x, x)],
  ];
  for (const [name, fn] of ops)
    it(name, () =>
      fc.assert(
        fc.property(viewArb, (x) => {
          const c = Tensor.fromValues(x.copyValues(), x.shape, x.dtype);
          expect(fn(x).toNested()).toEqual(fn(c).toNested());
        }),
        RUNS,
      ),
    );
});

describe("forward values agree with a textbook reference", () => {
  /** The element of `t` that broadcasting maps output multi-index `idx` to. */
  const elementAt = (t: Tensor, idx: number[]) => {
    const shift = idx.length - t.ndim;
    return t.at(...t.shape.map((d, i) => (d === 1 ? 0 : idx[shift + i])));
  };
  const multiIndices = (shape: number[]): number[][] => {
    let out: number[][] = [[]];
    for (const d of shape) out = out.flatMap((p) => Array.from({ length: d }, (_, i) => [...p, i]));
    return out;
  };

  it("broadcast arithmetic, element by element", () =>
    fc.assert(
      fc.property(broadcastPairArb(), ([a, b]) => {
        const out = T.sub(T.mul(a, b), a);
        const got = out.values();
        multiIndices([...out.shape]).forEach((idx, k) => {
          const x = elementAt(a, idx);
          expect(got[k]).toBe(x * elementAt(b, idx) - x);
        });
      }),
      RUNS,
    ));

  it("sum over any set of dims, element by element", () =>
    fc.assert(
      fc.property(
        tensorArb(anyValue, 1, 3),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (x, pick) => {
          const dims = x.shape.map((_, i) => i).filter((i) => pick[i]);
          const out = T.sum(x, dims.length === 0 ? null : dims, true);
          const want = new Map<string, number>();
          multiIndices([...x.shape]).forEach((idx) => {
            const key = idx.map((v, i) => (dims.length === 0 || dims.includes(i) ? 0 : v)).join(",");
            want.set(key, (want.get(key) ?? 0) + x.at(...idx));
          });
          multiIndices([...out.shape]).forEach((idx) => {
            expect(out.at(...idx)).toBeCloseTo(want.get(idx.join(",")) ?? NaN, 12);
          });
        },
      ),
      RUNS,
    ));
});

describe("reshape of strided views", () => {
  it("keeps row-major order, as a view whenever the layout allows", () =>
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 3 }),
        ),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 5 }),
        ([a, b, c], how, split) => {
          const base = T.reshape(T.arange(0, 4 * a * b * c, 1, { dtype: "float64" }), [2 * a, b, 2 * c]);
          const v =
            how === 0
              ? T.permute(base, [2, 0, 1])
              : how === 1
                ? T.index(base, [{ step: 2 }, {}, { start: 1, step: 2 }])
                : T.unsqueeze(T.transpose(base, 0, 2), 1);
          const n = v.numel;
          const divisors = Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);
          const d = divisors[split % divisors.length];
          for (const shape of [[d, n / d], [n / d, 1, d], [n]]) {
            const r = T.reshape(v, shape);
            expect([...r.values()]).toEqual([...v.values()]);
          }
        },
      ),
      { numRuns: 30 },
    ));
});
