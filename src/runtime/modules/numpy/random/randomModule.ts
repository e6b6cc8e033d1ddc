import { defaultRng, Generator, PCG64, RandomState, type DefaultRngSeed } from "../../../random/numpy/index";
import { objectId } from "../../../hashing";
import {
  PyBuiltin,
  PyClass,
  PyInstance,
  PyInt,
  PyList,
  PyModule,
  PyTuple,
  toBigInt,
  type Kwargs,
  type PyValue,
} from "../../../interpreter/objects";
import { typeError, UnsupportedError } from "../../../interpreter/pyErrors";
import { typeName } from "../../../interpreter/stringify";
import { nativeMethod } from "../../torchArgs";
import { NdArray, NpScalar } from "../ndarray";
import type { NumpyState } from "../numpyState";
import { GENERATOR_UNSUPPORTED, generatorMethods } from "./generatorMethods";
import { LEGACY_UNSUPPORTED, legacyMethods, legacySeed } from "./legacyMethods";
import { bindArgs, randomGuard } from "./randomArgs";

/**
 * `numpy.random` for one run: the functions on the run's global RandomState (`np.random.seed`,
 * `rand`, `randn`, …, numpy's legacy streams bit for bit), `RandomState(seed)` objects with the
 * same methods, and `default_rng(seed)` Generators on PCG64. The global state starts from fresh
 * entropy, as numpy's does; sklearn's `random_state=None` draws from it too.
 */

const globals = new WeakMap<NumpyState, RandomState>();

/** The run's global RandomState (`np.random.mtrand._rand`), made on first use. */
export function globalRandomState(s: NumpyState): RandomState {
  let rs = globals.get(s);
  if (rs === undefined) {
    rs = new RandomState();
    globals.set(s, rs);
  }
  return rs;
}

/** A `numpy.random.RandomState` object. */
export class RandomStateObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly rs: RandomState,
  ) {
    super(cls);
  }
}

/** A `numpy.random.Generator` object. */
export class GeneratorObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly generator: Generator,
  ) {
    super(cls);
  }
}

/** A `numpy.random.PCG64` bit generator object. */
class BitGeneratorObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly bitgen: PCG64,
  ) {
    super(cls);
  }
}

/** numpy's str and repr of these objects: `RandomState(MT19937)`, and `… at 0x7F…`. */
function reprAt(cls: PyClass, text: string): void {
  cls.dict.set("__str__", new PyBuiltin("__str__", () => text));
  cls.dict.set(
    "__repr__",
    new PyBuiltin("__repr__", ([self]) => `${text} at 0x${objectId(self).toString(16).toUpperCase()}`),
  );
}

function unsupported(owner: string, name: string): PyBuiltin {
  return new PyBuiltin(name, () => {
    throw new UnsupportedError(`${owner}.${name} is not supported by GradLens`);
  });
}

/** A seed for default_rng / PCG64 / SeedSequence: None, an int, or a sequence of ints. */
function entropySeed(s: NumpyState, v: PyValue | undefined): DefaultRngSeed {
  if (v === undefined || v === null) return null;
  if (v instanceof PyInt) return toBigInt(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof NpScalar && v.dtype !== "float64" && v.dtype !== "float32") return v.value;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map((x) => entropyItem(s, x, v));
  if (v instanceof NdArray && v.dtype !== "float64" && v.dtype !== "float32") {
    const values = [...s.current(v).values()];
    return v.ndim === 0 ? values[0] : values;
  }
  throw typeError(`SeedSequence expects int or sequence of ints for entropy not ${s.interp.repr(v)}`);
}

function entropyItem(s: NumpyState, x: PyValue, whole: PyValue): number | bigint {
  if (x instanceof PyInt) return toBigInt(x);
  if (x instanceof NpScalar && x.dtype !== "float64" && x.dtype !== "float32") return x.value;
  throw typeError(`SeedSequence expects int or sequence of ints for entropy not ${s.interp.repr(whole)}`);
}

function makeRandomStateClass(s: NumpyState): PyClass {
  const cls: PyClass = new PyClass("RandomState", null, "numpy.random.mtrand", (args, kwargs) =>
    randomGuard(() => {
      const a = bindArgs("RandomState", args, kwargs, ["seed"]);
      return new RandomStateObject(cls, new RandomState(legacySeed(s, a.seed)));
    }),
  );
  for (const [name, f] of legacyMethods(s))
    cls.dict.set(
      name,
      nativeMethod(name, (self, args, kwargs) =>
        randomGuard(() => f((self as RandomStateObject).rs, args, kwargs)),
      ),
    );
  for (const name of LEGACY_UNSUPPORTED) cls.dict.set(name, unsupported("RandomState", name));
  reprAt(cls, "RandomState(MT19937)");
  return cls;
}

function makeGeneratorClasses(s: NumpyState): { generator: PyClass; pcg64: PyClass } {
  const pcg64: PyClass = new PyClass("PCG64", null, "numpy.random._pcg64", (args, kwargs) =>
    randomGuard(() => {
      const a = bindArgs("PCG64", args, kwargs, ["seed"]);
      const seed = entropySeed(s, a.seed);
      if (seed instanceof Generator || (seed !== null && typeof seed === "object" && "nextUint64" in seed))
        throw typeError("SeedSequence expects int or sequence of ints");
      return new BitGeneratorObject(pcg64, new PCG64(seed as ConstructorParameters<typeof PCG64>[0]));
    }),
  );
  reprAt(pcg64, "PCG64");
  const generator: PyClass = new PyClass("Generator", null, "numpy.random._generator", (args, kwargs) => {
    const a = bindArgs("Generator", args, kwargs, ["bit_generator"], 1);
    if (!(a.bit_generator instanceof BitGeneratorObject))
      throw typeError(
        `Generator() needs a bit generator (np.random.PCG64(seed)), not ${typeName(a.bit_generator ?? null)}`,
      );
    return new GeneratorObject(generator, new Generator(a.bit_generator.bitgen));
  });
  for (const [name, f] of generatorMethods(s))
    generator.dict.set(
      name,
      nativeMethod(name, (self, args, kwargs) =>
        randomGuard(() => f((self as GeneratorObject).generator, args, kwargs)),
      ),
    );
  for (const name of GENERATOR_UNSUPPORTED) generator.dict.set(name, unsupported("Generator", name));
  reprAt(generator, "Generator(PCG64)");
  return { generator, pcg64 };
}

export function makeNumpyRandomModule(s: NumpyState): PyModule {
  const m = new PyModule("numpy.random");
  for (const [name, f] of legacyMethods(s))
    m.attrs.set(
      name,
      new PyBuiltin(name, (args, kwargs) => randomGuard(() => f(globalRandomState(s), args, kwargs))),
    );
  for (const name of LEGACY_UNSUPPORTED) m.attrs.set(name, unsupported("np.random", name));
  for (const name of ["MT19937", "Philox", "SFC64", "SeedSequence", "BitGenerator"])
    m.attrs.set(name, unsupported("np.random", name));
  const randomState = makeRandomStateClass(s);
  const { generator, pcg64 } = makeGeneratorClasses(s);
  m.attrs.set("RandomState", randomState);
  m.attrs.set("Generator", generator);
  m.attrs.set("PCG64", pcg64);
  m.attrs.set(
    "default_rng",
    new PyBuiltin("default_rng", (args: PyValue[], kwargs: Kwargs) =>
      randomGuard(() => {
        const a = bindArgs("default_rng", args, kwargs, ["seed"]);
        if (a.seed instanceof GeneratorObject) return a.seed;
        if (a.seed instanceof BitGeneratorObject)
          return new GeneratorObject(generator, new Generator(a.seed.bitgen));
        return new GeneratorObject(generator, defaultRng(entropySeed(s, a.seed)));
      }),
    ),
  );
  return m;
}

/** What sklearn's check_random_state is handed: the RandomState of a `random_state=` value, if it is one. */
export function randomStateOf(s: NumpyState, v: PyValue): RandomState | null {
  if (v instanceof RandomStateObject) return v.rs;
  if (v instanceof PyModule && v === s.module.attrs.get("random")) return globalRandomState(s);
  return null;
}
