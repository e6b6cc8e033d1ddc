import { isNumber, toFloat } from "../interpreter/numbers";
import {
  bigInt,
  int,
  PyBuiltin,
  PyInt,
  PyList,
  PyModule,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError } from "../interpreter/pyErrors";
import type { Runtime } from "../interpreter/runtime";
import { typeName } from "../interpreter/stringify";
import { PyRandom, type PyInt as RandomInt } from "../random/pyRandom";
import { PyRandomError } from "../random/pyRandomError";

/**
 * Python's `random` module on PyRandom, CPython's Mersenne Twister bit for bit, so
 * `random.seed(1337)` gives a micrograd MLP the same weights as in Python. Unseeded, it starts
 * from fresh entropy, as Python does.
 */

function real(v: PyValue, what: string): number {
  if (isNumber(v)) return toFloat(v);
  throw typeError(`${what} must be a real number, not ${typeName(v)}`);
}

function integer(v: PyValue): RandomInt {
  if (v instanceof PyInt) return v.big ?? v.v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") throw typeError(`'float' object cannot be interpreted as an integer`);
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

function fromInt(n: RandomInt): PyInt {
  return typeof n === "bigint" ? bigInt(n) : int(n);
}

/** Runs a PyRandom call, turning its errors into the Python exceptions they name. */
function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyRandomError) throw new PyError(e.pyType, e.message);
    throw e;
  }
}

export function makeRandomModule(rt: Runtime): PyModule {
  const gen = new PyRandom();
  const m = new PyModule("random");
  const def = (name: string, f: (args: PyValue[], kwargs: Kwargs) => PyValue) =>
    m.attrs.set(name, new PyBuiltin(name, (args, kwargs) => guarded(() => f(args, kwargs)), []));
  def("seed", ([a]) => {
    if (a === undefined || a === null) gen.seed(null);
    else if (a instanceof PyInt) gen.seed(a.big ?? a.v);
    else if (typeof a === "boolean") gen.seed(a ? 1 : 0);
    else if (typeof a === "number") gen.seedFloat(a);
    else if (typeof a === "string") gen.seed(a);
    else throw typeError(`The only supported seed types are: None, int, float, str, bytes, and bytearray.`);
    return null;
  });
  def("random", () => gen.random());
  def("uniform", ([a, b]) => gen.uniform(real(a, "a"), real(b, "b")));
  def("gauss", ([mu, sigma]) =>
    gen.gauss(mu === undefined ? 0 : real(mu, "mu"), sigma === undefined ? 1 : real(sigma, "sigma")),
  );
  def("normalvariate", ([mu, sigma]) =>
    gen.normalvariate(mu === undefined ? 0 : real(mu, "mu"), sigma === undefined ? 1 : real(sigma, "sigma")),
  );
  def("expovariate", ([l]) => gen.expovariate(real(l, "lambd")));
  def("triangular", ([lo, hi, mode]) =>
    gen.triangular(
      lo === undefined ? 0 : real(lo, "low"),
      hi === undefined ? 1 : real(hi, "high"),
      mode == null ? null : real(mode, "mode"),
    ),
  );
  def("randint", ([a, b]) => fromInt(gen.randint(integer(a), integer(b))));
  def("randrange", ([a, b, step]) =>
    fromInt(
      gen.randrange(
        integer(a),
        b === undefined || b === null ? null : integer(b),
        step === undefined ? 1 : integer(step),
      ),
    ),
  );
  def("getrandbits", ([k]) => fromInt(gen.getrandbits(Number(integer(k)))));
  def("choice", ([seq]) => {
    const items = seq instanceof PyList || seq instanceof PyTuple ? seq.items : [...rt.iterate(seq)];
    return gen.choice(items);
  });
  def("shuffle", ([x]) => {
    if (!(x instanceof PyList)) throw typeError(`'${typeName(x)}' object does not support item assignment`);
    gen.shuffle(x.items);
    return null;
  });
  const sequence = (v: PyValue): PyValue[] =>
    v instanceof PyList || v instanceof PyTuple ? v.items : [...rt.iterate(v)];
  const numbers = (v: PyValue | undefined, what: string): number[] | null =>
    v === undefined || v === null ? null : sequence(v).map((x) => real(x, what));
  def("sample", ([population, k], kwargs) => {
    const count = k ?? kwargs?.get("k");
    if (count === undefined) throw typeError("sample() missing 1 required positional argument: 'k'");
    const counts = kwargs?.get("counts");
    const countList =
      counts === undefined || counts === null ? null : sequence(counts).map(integer).map(Number);
    return new PyList(gen.sample(sequence(population), Number(integer(count)), countList));
  });
  // choices(population, weights=None, *, cum_weights=None, k=1)
  def("choices", ([population, weights], kwargs) => {
    const k = kwargs?.get("k");
    return new PyList(
      gen.choices(sequence(population), {
        weights: numbers(weights ?? kwargs?.get("weights"), "weights"),
        cumWeights: numbers(kwargs?.get("cum_weights"), "cum_weights"),
        k: k === undefined ? 1 : Number(integer(k)),
      }),
    );
  });
  return m;
}
