import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  arange,
  bernoulli,
  bernoulliInPlace,
  cat,
  defaultGenerator,
  dropout,
  exponentialInPlace,
  Generator,
  manualSeed,
  multinomial,
  normal,
  normalInPlace,
  ones,
  rand,
  randint,
  randn,
  randperm,
  t as transpose,
  tensor,
  type DType,
  type Tensor,
  uniformInPlace,
  zeros,
  contiguous,
  index,
} from "./index";

/**
 * PyTorch's CPU random streams, replayed call for call against values recorded from torch
 * 1.13.1 by fixtures/recordTorchRandom.py (CPU with AVX2, PyTorch's own kernels).
 */

interface Result {
  call: string;
  values: number[] | number[][] | string;
}
interface Case {
  name: string;
  seed: number;
  generator: boolean | "mixed";
  results: Result[];
  values?: number[];
}
const recorded = JSON.parse(readFileSync(join(__dirname, "fixtures/torchRandom.json"), "utf8")) as {
  cases: Case[];
};
const cases = (name: string) => recorded.cases.filter((c) => c.name === name);
const one = (name: string) => cases(name)[0];
const flat = (t: Tensor) => Array.from(t.values());

/** Seeds a fresh Generator or the global one, as the case was recorded. */
function seeded(c: Case): Generator | undefined {
  if (c.generator === true) return new Generator(BigInt(c.seed));
  manualSeed(BigInt(c.seed));
  return undefined;
}

/** Compares call by call, naming the call that first differs. */
function expectCalls(c: Case, calls: Record<string, () => Tensor | string>): void {
  for (const r of c.results) {
    const make = calls[r.call];
    if (make === undefined) throw new Error(`no replay for ${r.call}`);
    const got = make();
    expect({ call: r.call, values: typeof got === "string" ? got : flat(got) }).toEqual({
      call: r.call,
      values: r.values,
    });
  }
}

describe("PyTorch's CPU generator, bit for bit", () => {
  it("rand and randn for every size from 1 to 40 (the scalar path below 16, the vector path from 16)", () => {
    const sized = recorded.cases.filter((c) => /^randn? (float32|float64) n=\d+$/.test(c.name));
    expect(sized.length).toBe(2 * 2 * 3 * 40);
    for (const c of sized) {
      const [, kind, dtype, n] = /^(randn?) (float\d\d) n=(\d+)$/.exec(c.name)!;
      const g = seeded(c);
      const make = kind === "rand" ? rand : randn;
      const got = flat(make([Number(n)], { dtype: dtype as DType, generator: g }));
      expect({ case: c.name, seed: c.seed, values: got }).toEqual({
        case: c.name,
        seed: c.seed,
        values: c.results[0].values,
      });
    }
  });

  it("interleaved calls on the global generator carry the spare normal over, for several seeds", () => {
    const all = cases("interleaved");
    expect(all.map((c) => c.seed)).toEqual([0, 1, 42, 2147483647, 123456789012, -1]);
    for (const c of all) {
      seeded(c);
      expectCalls(c, {
        "randn(3)": () => randn([3]),
        "randn(20)": () => randn([20]),
        "randn(1)": () => randn([1]),
        "randn(5, float64)": () => randn([5], { dtype: "float64" }),
        "rand(2)": () => rand([2]),
        "randn(17)": () => randn([17]),
        "rand(3, float64)": () => rand([3], { dtype: "float64" }),
        "randn(2, 3)": () => randn([2, 3]),
        "randn(33, float64)": () => randn([33], { dtype: "float64" }),
        initial_seed: () => defaultGenerator.initialSeed().toString(),
      });
    }
  });

  it("a Generator object and the global generator keep separate streams", () => {
    const c = one("generator and global interleaved");
    manualSeed(7);
    const g = new Generator(7);
    expectCalls(c, {
      "global randn(4)": () => randn([4]),
      "g randn(4)": () => randn([4], { generator: g }),
      "global rand(20)": () => rand([20]),
      "g randn(20)": () => randn([20], { generator: g }),
      "g rand(3)": () => rand([3], { generator: g }),
      "global randn(3)": () => randn([3]),
    });
  });

  it("randint (32- and 64-bit draws) and randperm", () => {
    let c = one("randint");
    let g = seeded(c)!;
    expectCalls(c, {
      "randint(0, 27, (32,))": () => randint(0, 27, [32], { generator: g }),
      "randint(-5, 5, (10,))": () => randint(-5, 5, [10], { generator: g }),
      "randint(0, 2**40, (5,))": () => randint(0, 2 ** 40, [5], { generator: g }),
      "randint(0, 10, (3,), float32)": () => randint(0, 10, [3], { dtype: "float32", generator: g }),
      "randint(0, 228146, (32,))": () => randint(0, 228146, [32], { generator: g }),
    });
    c = one("randperm");
    g = seeded(c)!;
    const calls: Record<string, () => Tensor> = {};
    for (const n of [0, 1, 2, 5, 16, 27, 100, 1000])
      calls[`randperm(${n})`] = () => randperm(n, { generator: g });
    expectCalls(c, calls);
  });

  it("multinomial with and without replacement on the lectures' shapes", () => {
    const P = tensor(one("multinomial probabilities").values!, { dtype: "float32" });
    const P2 = P.shape.length === 1 ? reshape27(P) : P;
    const c = one("multinomial");
    const g = seeded(c)!;
    const row = (i: number) => index(P2, [i]);
    expectCalls(c, {
      "rows of P, 1 sample with replacement": () =>
        cat(
          Array.from({ length: 27 }, (_, i) => multinomial(row(i), 1, true, g)),
          0,
        ),
      "P[0], 100 samples with replacement": () => multinomial(row(0), 100, true, g),
      "P (27x27), 3 samples with replacement": () => multinomial(P2, 3, true, g),
      "P[5], 1 sample without replacement": () => multinomial(row(5), 1, false, g),
      "P[5], 5 samples without replacement": () => multinomial(row(5), 5, false, g),
      "P (27x27), 2 samples without replacement": () => multinomial(P2, 2, false, g),
      "P[7] float64, 10 with replacement": () =>
        multinomial(tensor(Array.from(row(7).values()), { dtype: "float64" }), 10, true, g),
      "unnormalised counts, 20 with replacement": () => multinomial(tensor([3, 0, 1, 6]), 20, true, g),
    });
  });

  it("normal_, uniform_ and exponential_ in place, including a transposed (non-contiguous) tensor", () => {
    const c = one("in-place fills");
    const g = seeded(c)!;
    const calls: Record<string, () => Tensor> = {};
    for (const dtype of ["float32", "float64"] as const) {
      for (const n of [5, 16, 40])
        calls[`normal_(0.3, 1.7) n=${n} ${dtype}`] = () => normalInPlace(zeros([n], { dtype }), 0.3, 1.7, g);
      calls[`normal_ transposed (5, 8) ${dtype} (storage order)`] = () => {
        const base = zeros([8, 5], { dtype });
        normalInPlace(transpose(base), 0, 1, g);
        return contiguous(base);
      };
      calls[`uniform_(-0.37796, 0.37796) n=30 ${dtype}`] = () =>
        uniformInPlace(zeros([30], { dtype }), -0.3779644730092272, 0.3779644730092272, g);
      calls[`exponential_() n=7 ${dtype}`] = () => exponentialInPlace(zeros([7], { dtype }), 1, g);
    }
    expectCalls(c, calls);
  });

  it("torch.normal with numbers and tensors for mean and std", () => {
    const c = one("torch.normal");
    const g = seeded(c)!;
    expectCalls(c, {
      "normal(2, 3, size=(5,))": () => normal(2, 3, { size: [5], generator: g }),
      "normal(2, 3, size=(20,))": () => normal(2, 3, { size: [20], generator: g }),
      "normal(mean tensor(20), 0.5)": () =>
        normal(arange(0, 20, 1, { dtype: "float32" }), 0.5, { generator: g }),
      "normal(1.5, std tensor(4))": () => normal(1.5, tensor([0.1, 1.0, 2.0, 3.0]), { generator: g }),
      "normal(mean tensor(3), std tensor(3))": () =>
        normal(tensor([1.0, 2.0, 3.0]), tensor([0.5, 0.25, 2.0]), { generator: g }),
      "normal(mean float64 tensor(18), std tensor(18))": () =>
        normal(
          arange(0, 18, 1, { dtype: "float64" }),
          tensor(new Array(18).fill(0.3), { dtype: "float64" }),
          {
            generator: g,
          },
        ),
    });
  });

  it("bernoulli from probabilities and bernoulli_(p)", () => {
    const probs = tensor(one("bernoulli probabilities").values!, { dtype: "float32" });
    const c = one("bernoulli");
    const g = seeded(c)!;
    expectCalls(c, {
      "bernoulli(probs float32)": () => bernoulli(probs, g),
      "bernoulli(probs float64)": () =>
        bernoulli(tensor(Array.from(probs.values()), { dtype: "float64" }), g),
      "empty(10).bernoulli_(0.3)": () => bernoulliInPlace(zeros([10]), 0.3, g),
    });
  });

  it("dropout masks in training mode, scaled by 1/(1 − p) in the input's dtype", () => {
    const c = one("dropout");
    seeded(c);
    expectCalls(c, {
      "dropout(ones(20), 0.2)": () => dropout(ones([20]), 0.2),
      "dropout(ones(20), 0.5)": () => dropout(ones([20]), 0.5),
      "dropout(ones(4, 5) float64, 0.1)": () => dropout(ones([4, 5], { dtype: "float64" }), 0.1),
      "dropout(arange(6.), 0.3)": () => dropout(arange(0, 6, 1, { dtype: "float32" }), 0.3),
      "nn.Dropout(0.25) train": () => dropout(ones([3, 4]), 0.25),
    });
  });

  it("seeds modulo 2^64: a negative seed is its two's complement, only the low 32 bits reach the engine", () => {
    const g = new Generator(-1);
    expect(g.initialSeed()).toBe(18446744073709551615n);
    const a = new Generator(2n ** 32n + 5n);
    const b = new Generator(5);
    expect(flat(rand([3], { generator: a }))).toEqual(flat(rand([3], { generator: b })));
    expect(new Generator().initialSeed()).toBe(67280421310721n);
  });
});

function reshape27(p: Tensor): Tensor {
  return tensor(
    Array.from({ length: 27 }, (_, i) => Array.from(p.values().subarray(i * 27, (i + 1) * 27))),
    { dtype: "float32" },
  );
}
