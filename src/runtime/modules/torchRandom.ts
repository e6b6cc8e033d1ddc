import * as T from "../../engine/tensor/index";
import {
  bigInt,
  int,
  PyBuiltin,
  PyClass,
  PyInstance,
  PyInt,
  PyProperty,
  toBigInt,
  type Kwargs,
  type PyModule,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError, UnsupportedError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import {
  bind,
  boolArg,
  intArg,
  native,
  nativeMethod,
  num,
  optionalNum,
  shapeFrom,
  tensorArg,
} from "./torchArgs";
import { CREATE_KEYWORDS, createOptions, sizeAndOptions } from "./torchCreation";
import { cpuDevice, deviceType } from "./torchDevice";
import { TensorObject, type TorchState } from "./torchState";
import type { TensorMethod } from "./torchTensorMethods";

/**
 * Randomness as PyTorch's CPU build has it: `torch.Generator` objects, `torch.manual_seed` /
 * `seed` / `initial_seed` on the default generator, the random creation functions and the
 * in-place fills, each taking `generator=` where PyTorch does. The numbers come from the
 * engine's PyTorch-exact streams (engine/tensor/random.ts).
 */

/** A `torch.Generator`: its engine generator. */
export class GeneratorObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly generator: T.Generator,
  ) {
    super(cls);
  }
}

/** A seed for `Generator.manual_seed`: an int within 64 bits (PyTorch's overflow message past them). */
function seedOf(v: PyValue | undefined): bigint {
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (!(v instanceof PyInt))
    throw new PyError("RuntimeError", `manual_seed expected a long, but got ${typeName(v ?? null)}`);
  const seed = toBigInt(v);
  if (!T.seedInRange(seed)) throw new PyError("RuntimeError", "Overflow when unpacking long");
  return seed;
}

/** A method of Generator (a property handing out the bound builtin, see nativeMethod). */
const method = (
  cls: PyClass,
  name: string,
  f: (self: GeneratorObject, args: PyValue[], kwargs: Kwargs) => PyValue,
) =>
  cls.dict.set(
    name,
    nativeMethod(name, (self, args, kwargs) => f(self as GeneratorObject, args, kwargs)),
  );

export function makeGeneratorClass(s: TorchState): PyClass {
  const cls: PyClass = new PyClass("Generator", null, "torch._C", (args, kwargs) => {
    const a = bind("Generator", args, kwargs, ["device"]);
    const type = a.device === undefined || a.device === null ? "cpu" : deviceType(a.device);
    if (type !== "cpu")
      throw new PyError(
        "RuntimeError",
        `Device type ${String(type).toUpperCase()} is not supported for torch.Generator() api.`,
      );
    return new GeneratorObject(cls, new T.Generator());
  });
  method(cls, "manual_seed", (self, args, kwargs) => {
    const a = bind("manual_seed", args, kwargs, ["seed"]);
    self.generator.manualSeed(seedOf(a.seed));
    return self;
  });
  method(cls, "initial_seed", (self, args, kwargs) => {
    bind("initial_seed", args, kwargs, []);
    return bigInt(self.generator.initialSeed());
  });
  method(cls, "seed", (self, args, kwargs) => {
    bind("seed", args, kwargs, []);
    return bigInt(self.generator.seed());
  });
  for (const name of ["get_state", "set_state"])
    method(cls, name, () => {
      throw new UnsupportedError(`\`Generator.${name}\` is not supported by GradLens`);
    });
  cls.dict.set(
    "__repr__",
    new PyBuiltin("__repr__", ([self]) => {
      const id = s.interp.call(s.interp.builtins.get("id")!, [self]);
      return `<torch._C.Generator object at 0x${(id instanceof PyInt ? id.v : 0).toString(16)}>`;
    }),
  );
  cls.dict.set("device", new PyProperty(new PyBuiltin("device", () => cpuDevice(s)), null));
  return cls;
}

/** `generator=`: a torch.Generator, or None for the default one. */
function generatorArg(v: PyValue | undefined, fname: string): T.Generator | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof GeneratorObject) return v.generator;
  throw typeError(`${fname}(): argument 'generator' must be torch.Generator, not ${typeName(v)}`);
}

/** The torch-level random functions, on module `m` (torch). */
export function fillTorchRandom(s: TorchState, m: PyModule, generatorClass: PyClass): void {
  const set = (name: string, f: (args: PyValue[], kwargs: Kwargs) => PyValue) =>
    m.attrs.set(name, native(name, f));
  const wrap = (t: T.Tensor) => s.wrap(t);
  const defaultObject = new GeneratorObject(generatorClass, T.defaultGenerator);
  m.attrs.set("Generator", generatorClass);
  m.attrs.set("default_generator", defaultObject);

  // torch.manual_seed takes int(seed) first, so 1.5 seeds with 1 and "a" fails as int("a") does
  set("manual_seed", (args, kwargs) => {
    const a = bind("manual_seed", args, kwargs, ["seed"]);
    const seed = s.interp.call(s.interp.builtins.get("int")!, [a.seed ?? null]);
    T.defaultGenerator.manualSeed(seedOf(seed));
    return defaultObject;
  });
  set("initial_seed", () => bigInt(T.defaultGenerator.initialSeed()));
  set("seed", () => bigInt(T.defaultGenerator.seed()));
  for (const name of ["get_rng_state", "set_rng_state"])
    set(name, () => {
      throw new UnsupportedError(`\`torch.${name}\` is not supported by GradLens`);
    });

  for (const [name, f] of [
    ["rand", T.rand],
    ["randn", T.randn],
  ] as const)
    set(name, (args, kwargs) => {
      const { shape, a } = sizeAndOptions(s, name, args, kwargs);
      return wrap(f(shape, { ...createOptions(a), generator: generatorArg(a.generator, name) }));
    });
  set("randint", (args, kwargs) => {
    // randint(high, size) or randint(low, high, size); size may come as a keyword
    const sizeGiven = kwargs?.has("size") === true;
    const lowGiven = args.length >= 3 || (sizeGiven && args.length === 2) || kwargs?.has("low") === true;
    const a = bind("randint", lowGiven ? args : [int(0), ...args], kwargs, [
      "low",
      "high",
      "size",
      "*",
      ...CREATE_KEYWORDS,
    ]);
    if (a.size === undefined) throw typeError('randint() missing 1 required positional arguments: "size"');
    return wrap(
      T.randint(intArg(a.low ?? int(0), "low"), intArg(a.high, "high"), shapeFrom(s.interp, [a.size]), {
        ...createOptions(a, "int64"),
        generator: generatorArg(a.generator, "randint"),
      }),
    );
  });
  set("randperm", (args, kwargs) => {
    const a = bind("randperm", args, kwargs, ["n", "*", ...CREATE_KEYWORDS]);
    return wrap(
      T.randperm(intArg(a.n, "n"), {
        ...createOptions(a, "int64"),
        generator: generatorArg(a.generator, "randperm"),
      }),
    );
  });
  // the *_like functions take no generator in PyTorch
  const LIKE_KEYWORDS = ["dtype", "device", "requires_grad", "memory_format"];
  for (const [name, like] of [
    ["rand_like", T.randLike],
    ["randn_like", T.randnLike],
  ] as const)
    set(name, (args, kwargs) => {
      const a = bind(name, args, kwargs, ["input", "*", ...LIKE_KEYWORDS]);
      const options = createOptions(a);
      if (options.dtype === undefined) delete options.dtype;
      return wrap(like(tensorArg(a.input, name), options));
    });
  set("randint_like", (args, kwargs) => {
    const a = bind("randint_like", args.length === 2 ? [args[0], int(0), args[1]] : args, kwargs, [
      "input",
      "low",
      "high",
      "*",
      ...LIKE_KEYWORDS,
    ]);
    const input = tensorArg(a.input, "randint_like");
    const options = createOptions(a, input.dtype);
    return wrap(T.randint(intArg(a.low ?? int(0), "low"), intArg(a.high, "high"), input.shape, options));
  });
  set("normal", (args, kwargs) => {
    const a = bind("normal", args, kwargs, ["mean", "std", "size", "*", ...CREATE_KEYWORDS]);
    const generator = generatorArg(a.generator, "normal");
    const side = (v: PyValue | undefined, fallback: number) =>
      v === undefined ? fallback : v instanceof TensorObject ? v.tensor : num(v, "normal");
    const mean = side(a.mean, 0);
    const std = side(a.std, 1);
    if (typeof mean === "number" && typeof std === "number") {
      if (a.size === undefined || a.size === null)
        throw typeError(
          "normal() received an invalid combination of arguments - got (float, float), but expected a size",
        );
      return wrap(
        T.normal(mean, std, { ...createOptions(a), size: shapeFrom(s.interp, [a.size]), generator }),
      );
    }
    return wrap(T.normal(mean, std, { generator }));
  });
  set("bernoulli", (args, kwargs) => {
    const a = bind("bernoulli", args, kwargs, ["input", "p", "*", "generator"]);
    const input = tensorArg(a.input, "bernoulli");
    const generator = generatorArg(a.generator, "bernoulli");
    if (a.p !== undefined && a.p !== null)
      return wrap(T.bernoulliInPlace(T.zerosLike(input), num(a.p, "p"), generator));
    return wrap(T.bernoulli(input, generator));
  });
  set("multinomial", (args, kwargs) => {
    const a = bind("multinomial", args, kwargs, ["input", "num_samples", "replacement", "*", "generator"]);
    return wrap(
      T.multinomial(
        tensorArg(a.input, "multinomial"),
        intArg(a.num_samples, "num_samples"),
        boolArg(a.replacement, false),
        generatorArg(a.generator, "multinomial"),
      ),
    );
  });
}

/** The random tensor methods: in-place fills and `x.multinomial(...)` / `x.bernoulli()`. */
export const RANDOM_METHODS: Record<string, TensorMethod> = {
  uniform_(s, self, args, kwargs) {
    const a = bind("uniform_", args, kwargs, ["from", "to", "*", "generator"]);
    return s.wrap(
      T.uniformInPlace(
        self,
        optionalNum(a.from, "from") ?? 0,
        optionalNum(a.to, "to") ?? 1,
        generatorArg(a.generator, "uniform_"),
      ),
    );
  },
  normal_(s, self, args, kwargs) {
    const a = bind("normal_", args, kwargs, ["mean", "std", "*", "generator"]);
    return s.wrap(
      T.normalInPlace(
        self,
        optionalNum(a.mean, "mean") ?? 0,
        optionalNum(a.std, "std") ?? 1,
        generatorArg(a.generator, "normal_"),
      ),
    );
  },
  exponential_(s, self, args, kwargs) {
    const a = bind("exponential_", args, kwargs, ["lambd", "*", "generator"]);
    return s.wrap(
      T.exponentialInPlace(
        self,
        optionalNum(a.lambd, "lambd") ?? 1,
        generatorArg(a.generator, "exponential_"),
      ),
    );
  },
  bernoulli_(s, self, args, kwargs) {
    const a = bind("bernoulli_", args, kwargs, ["p", "*", "generator"]);
    const p = a.p instanceof TensorObject ? a.p.tensor : (optionalNum(a.p, "p") ?? 0.5);
    return s.wrap(T.bernoulliInPlace(self, p, generatorArg(a.generator, "bernoulli_")));
  },
  bernoulli(s, self, args, kwargs) {
    const a = bind("bernoulli", args, kwargs, ["p", "*", "generator"]);
    const generator = generatorArg(a.generator, "bernoulli");
    if (a.p !== undefined && a.p !== null)
      return s.wrap(T.bernoulliInPlace(T.zerosLike(self), num(a.p, "p"), generator));
    return s.wrap(T.bernoulli(self, generator));
  },
  random_(s, self, args, kwargs) {
    const a = bind("random_", args, kwargs, ["from", "to", "*", "generator"]);
    const generator = generatorArg(a.generator, "random_");
    if (a.from === undefined)
      throw new UnsupportedError(
        "`random_()` without bounds is not supported by GradLens; give random_(from, to)",
      );
    const [from, to] =
      a.to === undefined || a.to === null
        ? [0, intArg(a.from, "to")]
        : [intArg(a.from, "from"), intArg(a.to, "to")];
    return s.wrap(T.randomInPlace(self, from, to, generator));
  },
  multinomial(s, self, args, kwargs) {
    const a = bind("multinomial", args, kwargs, ["num_samples", "replacement", "*", "generator"]);
    return s.wrap(
      T.multinomial(
        self,
        intArg(a.num_samples, "num_samples"),
        boolArg(a.replacement, false),
        generatorArg(a.generator, "multinomial"),
      ),
    );
  },
};
