import { PyBuiltin, PyClass, PyInstance, type PyValue } from "../../interpreter/objects";
import { PyError } from "../../interpreter/pyErrors";
import type { NdArray } from "./ndarray";
import type { NumpyState } from "./numpyState";

/**
 * `ndarray.flags`: how an array lies in memory, as numpy reports it — C and Fortran
 * contiguity from its strides (axes of length 1 do not count; an empty array is both),
 * whether it owns its memory or views another's. GradLens's arrays are always writeable and
 * aligned.
 */

const FLAG_NAMES = ["C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED", "WRITEBACKIFCOPY"];

/** Whether the strides step through memory in this axis order without gaps. */
function contiguous(shape: readonly number[], strides: readonly number[], order: "C" | "F"): boolean {
  if (shape.includes(0)) return true;
  let expected = 1;
  const axes = shape.map((_, i) => i);
  if (order === "C") axes.reverse();
  for (const i of axes) {
    if (shape[i] === 1) continue;
    if (strides[i] !== expected) return false;
    expected *= shape[i];
  }
  return true;
}

class FlagsObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly values: Map<string, boolean>,
  ) {
    super(cls);
  }
}

/** Every name numpy reads a flag by (`a.flags['C']`, `a.flags.c_contiguous`, …), and its flag. */
function flagOf(flags: Map<string, boolean>, name: string): boolean | undefined {
  const key = name.toUpperCase();
  const c = flags.get("C_CONTIGUOUS")!;
  const f = flags.get("F_CONTIGUOUS")!;
  const aligned = flags.get("ALIGNED")!;
  const writeable = flags.get("WRITEABLE")!;
  const aliases: Record<string, boolean> = {
    C: c,
    CONTIGUOUS: c,
    F: f,
    FORTRAN: f,
    O: flags.get("OWNDATA")!,
    W: writeable,
    A: aligned,
    X: flags.get("WRITEBACKIFCOPY")!,
    FNC: f && !c,
    FORC: f || c,
    BEHAVED: aligned && writeable,
    B: aligned && writeable,
    CARRAY: aligned && writeable && c,
    CA: aligned && writeable && c,
    FARRAY: aligned && writeable && f && !c,
    FA: aligned && writeable && f && !c,
  };
  return flags.get(key) ?? aliases[key];
}

const classes = new WeakMap<NumpyState, PyClass>();

function flagsClass(s: NumpyState): PyClass {
  let cls = classes.get(s);
  if (cls) return cls;
  cls = new PyClass("flagsobj", null, "numpy.core.multiarray");
  const text = (self: PyValue) =>
    FLAG_NAMES.map((n) => `  ${n} : ${(self as FlagsObject).values.get(n) ? "True" : "False"}\n`).join("");
  cls.dict.set("__repr__", new PyBuiltin("__repr__", ([self]) => text(self)));
  cls.dict.set("__str__", new PyBuiltin("__str__", ([self]) => text(self)));
  cls.dict.set(
    "__getitem__",
    new PyBuiltin("__getitem__", ([self, key]) => {
      const v = typeof key === "string" ? flagOf((self as FlagsObject).values, key) : undefined;
      // numpy's own message for a name it does not know
      if (v === undefined || (typeof key === "string" && key !== key.toUpperCase()))
        throw Object.assign(new PyError("KeyError", "'Unknown flag'"), { args: ["Unknown flag"] });
      return v;
    }),
  );
  cls.dict.set(
    "__getattr__",
    new PyBuiltin("__getattr__", ([self, name]) => {
      const v =
        typeof name === "string" && name === name.toLowerCase() && name.length > 1
          ? flagOf((self as FlagsObject).values, name)
          : undefined;
      if (v === undefined)
        throw new PyError(
          "AttributeError",
          `'numpy.core.multiarray.flagsobj' object has no attribute '${String(name)}'`,
        );
      return v;
    }),
  );
  classes.set(s, cls);
  return cls;
}

export function arrayFlags(s: NumpyState, a: NdArray): PyValue {
  const t = s.current(a);
  const values = new Map<string, boolean>([
    ["C_CONTIGUOUS", contiguous(t.shape, t.strides, "C")],
    ["F_CONTIGUOUS", contiguous(t.shape, t.strides, "F")],
    ["OWNDATA", a.ownsData],
    ["WRITEABLE", true],
    ["ALIGNED", true],
    ["WRITEBACKIFCOPY", false],
  ]);
  return new FlagsObject(flagsClass(s), values);
}
